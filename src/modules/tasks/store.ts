import { and, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Executor } from '../../db/connection.ts';
import { qualityGates } from '../plan/areas/code-review-automation.ts';
import type { Assignee } from './contracts.ts';
import { type TaskRow, tasks } from './tables.ts';

// What the task services share: numbering under the project's lock, assignees, gate references.

/**
 * Serialises the project's task numbering and generation until the transaction ends: an advisory
 * lock on the project, so two creates never take the same number and two generations never race.
 */
export async function lockProjectTasks(tx: Executor, projectId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tasks:${projectId}`}, 0))`);
}

/** The project's next task number; call under `lockProjectTasks`. */
export async function nextNumber(tx: Executor, projectId: string): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(${tasks.number})` })
    .from(tasks)
    .where(eq(tasks.projectId, projectId));
  return Number(row?.last ?? 0) + 1;
}

/** The assignees of these rows, by user id. */
export async function assigneesOf(db: Executor, rows: readonly TaskRow[]): Promise<Map<string, Assignee>> {
  const ids = [...new Set(rows.map((row) => row.assigneeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: users.id, displayName: users.displayName, kind: users.kind })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(found.map((user) => [user.id, user]));
}

/** Refuses quality gate ids that are not the project's (422). */
export async function checkGateIds(
  db: Executor,
  workspaceId: string,
  projectId: string,
  gateIds: readonly string[] | undefined,
): Promise<void> {
  if (!gateIds?.length) return;
  const found = await db
    .select({ id: qualityGates.id })
    .from(qualityGates)
    .where(
      and(
        eq(qualityGates.workspaceId, workspaceId),
        eq(qualityGates.projectId, projectId),
        inArray(qualityGates.id, [...gateIds]),
      ),
    );
  const known = new Set(found.map((row) => row.id));
  const missing = gateIds.filter((id) => !known.has(id));
  if (missing.length)
    throw new AppError('unprocessable', `This project has no quality gate ${missing.join(', ')}.`, {
      code: 'task.unknown_gate',
      errors: missing.map((id) => ({
        path: `gateIds.${gateIds.indexOf(id)}`,
        message: `no quality gate ${id}`,
      })),
    });
}

/** The gates a generated task gets: the blocking pre-merge gates, else every blocking gate. */
export async function defaultGateIds(
  db: Executor,
  workspaceId: string,
  projectId: string,
): Promise<string[]> {
  const gates = await db
    .select({ id: qualityGates.id, stage: qualityGates.stage, blocking: qualityGates.blocking })
    .from(qualityGates)
    .where(and(eq(qualityGates.workspaceId, workspaceId), eq(qualityGates.projectId, projectId)));
  const blocking = gates.filter((gate) => gate.blocking);
  const preMerge = blocking.filter((gate) => gate.stage === 'pre-merge');
  return (preMerge.length ? preMerge : blocking).map((gate) => gate.id);
}
