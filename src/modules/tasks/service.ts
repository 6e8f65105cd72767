import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { authorize, roleAllows } from '../../core/auth/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import {
  assertProjectVisible,
  getRow,
  type ListParameters,
  listRows,
  toOutput,
} from '../../core/resource/service.ts';
import { changeRow, lockRow, updateRow } from '../../core/resource/writes.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { defaultLeaseSeconds, type TaskOutput, type TaskUpdate } from './contracts.ts';
import { taskPermissions } from './permissions.ts';
import { rememberAssignee, taskResource } from './resource.ts';
import { assigneesOf } from './store.ts';
import { type TaskRow, type TaskSourceKind, tasks } from './tables.ts';

// Tasks as their holders see them: read with assignees, claimed under a lease, kept by heartbeats,
// released. Each use case is one transaction on the task's row, locked; every change is audited
// with the caller as the actor.

/** The answers of these rows, each with its assignee. */
export async function withAssignees(db: Executor, rows: TaskRow[]): Promise<TaskOutput[]> {
  const found = await assigneesOf(db, rows);
  return rows.map((row) => toOutput(taskResource, rememberAssignee(row, found.get(row.assigneeId ?? ''))));
}

async function answer(db: Executor, row: TaskRow): Promise<TaskOutput> {
  const [output] = await withAssignees(db, [row]);
  if (!output) throw new Error('a task without an answer');
  return output;
}

export async function listTasks(scope: Scope, parameters: ListParameters) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const page = await listRows(db, taskResource, scope, parameters);
    return { data: await withAssignees(db, page.data), nextCursor: page.nextCursor };
  });
}

export async function getTask(scope: Scope, id: string): Promise<{ row: TaskRow; output: TaskOutput }> {
  return scope.db.read(async (db) => {
    const row = await getRow(db, taskResource, scope, id);
    return { row, output: await answer(db, row) };
  });
}

export async function updateTask(scope: Scope, id: string, changes: TaskUpdate, expectedVersion?: number) {
  return scope.db.transaction(async (tx) => {
    const row = await updateRow(tx, taskResource, scope, id, changes, expectedVersion);
    return { row, output: await answer(tx, row) };
  });
}

/** A use case on one task: the row locked in the caller's project, the answer with its assignee. */
async function onTask(
  scope: Scope,
  id: string,
  work: (tx: Transaction, current: TaskRow, now: Date) => Promise<TaskRow>,
): Promise<TaskOutput> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const current = await lockRow(tx, taskResource, scope, id);
    return answer(tx, await work(tx, current, new Date()));
  });
}

const lapsed = (row: TaskRow, now: Date) =>
  row.status === 'claimed' && row.claimExpiresAt !== null && row.claimExpiresAt <= now;

const until = (now: Date, leaseSeconds: number | undefined) =>
  new Date(now.getTime() + (leaseSeconds ?? defaultLeaseSeconds) * 1000);

/** May the caller act on a task others hold (release it, add evidence, complete it)? */
export function isAdministrator(scope: Scope): boolean {
  return roleAllows(scope.ctx.actor.role, taskPermissions.override);
}

function claimValues(current: TaskRow, scope: Scope, now: Date, leaseSeconds?: number) {
  return {
    status: 'claimed' as const,
    assigneeId: scope.ctx.actor.userId,
    claimedAt: now,
    claimExpiresAt: until(now, leaseSeconds),
    attempts: current.attempts + 1,
  };
}

async function claimRow(tx: Transaction, scope: Scope, current: TaskRow, now: Date, leaseSeconds?: number) {
  return changeRow(tx, taskResource, scope, current, {
    values: claimValues(current, scope, now, leaseSeconds),
    event: 'claimed',
    fields: ['status', 'assigneeId', 'claimExpiresAt', 'attempts'],
    data: {
      from: current.status,
      leaseSeconds: leaseSeconds ?? defaultLeaseSeconds,
      ...(lapsed(current, now) ? { lapsedClaimOf: current.assigneeId } : {}),
    },
    always: true,
  });
}

/** POST …/tasks/{id}/claim: the task, held by the caller until the lease ends. */
export async function claimTask(scope: Scope, id: string, leaseSeconds?: number): Promise<TaskOutput> {
  return onTask(scope, id, async (tx, current, now) => {
    if (current.status === 'claimed' && !lapsed(current, now)) {
      const holder = (await assigneesOf(tx, [current])).get(current.assigneeId ?? '');
      const mine = current.assigneeId === scope.ctx.actor.userId;
      throw new AppError(
        'conflict',
        mine
          ? `You already hold ${taskKey(current)} until ${current.claimExpiresAt?.toISOString()}; send a heartbeat to keep it.`
          : `${taskKey(current)} is claimed by ${holder?.displayName ?? 'someone else'} until ${current.claimExpiresAt?.toISOString()}.`,
        {
          code: 'task.claimed',
          extensions: {
            holder: holder ?? { id: current.assigneeId },
            claimExpiresAt: current.claimExpiresAt?.toISOString(),
          },
        },
      );
    }
    if (current.status !== 'open' && current.status !== 'claimed')
      throw new AppError(
        'conflict',
        `${taskKey(current)} is ${current.status}: only an open task can be claimed.`,
        {
          code: 'task.not_open',
          extensions: { currentStatus: current.status },
        },
      );
    return claimRow(tx, scope, current, now, leaseSeconds);
  });
}

/**
 * One task matching, locked, skipping those other claimers hold locked at this moment. Each kind
 * is found through its own index (lapsed claims by their end, open tasks by project and status), so
 * the search stays short however many tasks are claimed already.
 */
async function nextTask(
  tx: Transaction,
  scope: Scope,
  condition: SQL,
  order: SQL[],
  sourceKind: TaskSourceKind | undefined,
): Promise<TaskRow[]> {
  return tx
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.workspaceId, scope.ctx.workspaceId),
        eq(tasks.projectId, scope.projectId ?? ''),
        condition,
        sourceKind ? sql`${tasks.source}->>'kind' = ${sourceKind}` : undefined,
      ),
    )
    .orderBy(...order)
    .limit(1)
    .for('update', { skipLocked: true });
}

/**
 * POST …/tasks/claim-next: a lapsed claim first, else the oldest open task, claimed by the caller.
 * Rows other claimers are taking are skipped, not waited for.
 */
export async function claimNextTask(
  scope: Scope,
  options: { leaseSeconds?: number; sourceKind?: TaskSourceKind },
): Promise<TaskOutput> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const now = new Date();
    const lapsedClaims = sql`${tasks.status} = 'claimed' and ${tasks.claimExpiresAt} < ${now}`;
    const openTasks = sql`${tasks.status} = 'open'`;
    const [lapsedOne] = await nextTask(
      tx,
      scope,
      lapsedClaims,
      [asc(tasks.claimExpiresAt)],
      options.sourceKind,
    );
    const current =
      lapsedOne ??
      (await nextTask(tx, scope, openTasks, [asc(tasks.createdAt), asc(tasks.id)], options.sourceKind))[0];
    if (!current)
      throw new AppError('not_found', 'No open task to claim in this project.', { code: 'task.none_open' });
    return answer(tx, await claimRow(tx, scope, current, now, options.leaseSeconds));
  });
}

function assertHolder(scope: Scope, current: TaskRow, now: Date, what: string): void {
  const mine = current.assigneeId === scope.ctx.actor.userId;
  if (current.status !== 'claimed' || !mine || lapsed(current, now)) {
    const why =
      current.status !== 'claimed'
        ? `it is ${current.status}`
        : !mine
          ? 'someone else holds it'
          : `your claim lapsed at ${current.claimExpiresAt?.toISOString()}; claim it again`;
    throw new AppError('conflict', `You cannot ${what} ${taskKey(current)}: ${why}.`, {
      code: 'task.not_holder',
      extensions: { currentStatus: current.status, claimExpiresAt: current.claimExpiresAt?.toISOString() },
    });
  }
}

/** POST …/tasks/{id}/heartbeat: the holder keeps the claim for another lease. */
export async function heartbeatTask(scope: Scope, id: string, leaseSeconds?: number): Promise<TaskOutput> {
  return onTask(scope, id, async (tx, current, now) => {
    assertHolder(scope, current, now, 'send a heartbeat for');
    return changeRow(tx, taskResource, scope, current, {
      values: { claimExpiresAt: until(now, leaseSeconds) },
      event: 'heartbeat',
      fields: ['claimExpiresAt'],
      always: true,
    });
  });
}

/** POST …/tasks/{id}/release: back to open, by its holder or an administrator. */
export async function releaseTask(scope: Scope, id: string): Promise<TaskOutput> {
  return onTask(scope, id, async (tx, current, now) => {
    if (!(isAdministrator(scope) && current.status === 'claimed'))
      assertHolder(scope, current, now, 'release');
    return changeRow(tx, taskResource, scope, current, {
      values: { status: 'open', claimExpiresAt: null },
      event: 'released',
      fields: ['status', 'claimExpiresAt'],
      always: true,
    });
  });
}

/** The caller holds the task (claimed, not lapsed), or is an administrator: else 409 / 403. */
export function assertHolderOrAdministrator(scope: Scope, current: TaskRow, now: Date, what: string): void {
  if (isAdministrator(scope)) return;
  authorize(scope.ctx.actor, taskPermissions.work);
  assertHolder(scope, current, now, what);
}

export function taskKey(row: Pick<TaskRow, 'number'>): string {
  return `T-${row.number}`;
}
