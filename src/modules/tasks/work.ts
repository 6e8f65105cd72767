import { and, eq, inArray } from 'drizzle-orm';
import { authorize } from '../../core/auth/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow, listRows, toOutput } from '../../core/resource/service.ts';
import { changeRow, createRow, lockRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { findingSets } from '../findings/tables.ts';
import { allureReport } from '../test-evidence/tables.ts';
import type { CompleteInput, EvidenceInput, TaskOutput, TransitionTarget } from './contracts.ts';
import { conditionsOf } from './gates.ts';
import { taskPermissions } from './permissions.ts';
import { taskEvaluationResource, taskResource } from './resource.ts';
import { assertHolderOrAdministrator, isAdministrator, taskKey, withAssignees } from './service.ts';
import type { TaskRow, TaskStatus } from './tables.ts';

// What a holder does with a claimed task: attach evidence, have its gates evaluated, complete it
// past them (or an administrator past them with a reason), and the moves no gate guards.

type EvaluationRow = typeof taskEvaluationResource.table.$inferSelect;

export function evaluationOutput(row: EvaluationRow) {
  return toOutput(taskEvaluationResource, row);
}

async function answer(tx: Transaction, row: TaskRow): Promise<TaskOutput> {
  const [output] = await withAssignees(tx, [row]);
  if (!output) throw new Error('a task without an answer');
  return output;
}

/** Ids among these that are not rows of the project in this table. */
async function unknownIds(
  tx: Transaction,
  scope: Scope,
  table: typeof allureReport | typeof findingSets,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await tx
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, scope.ctx.workspaceId),
        eq(table.projectId, scope.projectId ?? ''),
        inArray(table.id, [...ids]),
      ),
    );
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

const merged = <T>(before: readonly T[], added: readonly T[] | undefined) => [
  ...new Set([...before, ...(added ?? [])]),
];

/** POST …/tasks/{id}/evidence: appends commits, the MR, test runs and finding sets (no duplicates). */
export async function addEvidence(scope: Scope, id: string, input: EvidenceInput): Promise<TaskOutput> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const current = await lockRow(tx, taskResource, scope, id);
    assertHolderOrAdministrator(scope, current, new Date(), 'add evidence to');
    const runs = await unknownIds(tx, scope, allureReport, input.testRunIds ?? []);
    const sets = await unknownIds(tx, scope, findingSets, input.findingSetIds ?? []);
    const errors = [
      ...runs.map((runId) => ({
        path: `testRunIds.${input.testRunIds?.indexOf(runId)}`,
        message: `no test run ${runId} in this project`,
      })),
      ...sets.map((setId) => ({
        path: `findingSetIds.${input.findingSetIds?.indexOf(setId)}`,
        message: `no finding set ${setId} in this project`,
      })),
    ];
    if (errors.length)
      throw new AppError('unprocessable', errors.map((error) => error.message).join('; '), {
        code: 'task.unknown_evidence',
        errors,
      });
    const before = current.evidence;
    const evidence = {
      commits: merged(
        before.commits,
        input.commits?.map((sha) => sha.toLowerCase()),
      ),
      ...((input.mergeRequestUrl ?? before.mergeRequestUrl)
        ? { mergeRequestUrl: input.mergeRequestUrl ?? before.mergeRequestUrl }
        : {}),
      testRunIds: merged(before.testRunIds, input.testRunIds),
      findingSetIds: merged(before.findingSetIds, input.findingSetIds),
    };
    const row = await changeRow(tx, taskResource, scope, current, {
      values: { evidence },
      event: 'evidence_added',
      fields: ['evidence'],
    });
    return answer(tx, row);
  });
}

async function storeEvaluation(
  tx: Transaction,
  scope: Scope,
  task: TaskRow,
  targetStatus: TaskStatus,
  overridden: boolean,
): Promise<EvaluationRow> {
  const conditions = await conditionsOf(tx, task, new Date());
  return createRow(tx, taskEvaluationResource, scope, {
    taskId: task.id,
    targetStatus,
    passed: conditions.every((condition) => condition.passed),
    conditions,
    overridden: overridden && !conditions.every((condition) => condition.passed),
    evaluatedBy: scope.ctx.actor.userId,
  });
}

/**
 * POST …/tasks/{id}/evaluate: the gates judged on the evidence now, stored, the task unmoved. The
 * conditions are the same whichever completion follows, so the evaluation is recorded as for done.
 */
export async function evaluateTask(scope: Scope, id: string) {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const task = await getRow(tx, taskResource, scope, id);
    return evaluationOutput(await storeEvaluation(tx, scope, task, 'done', false));
  });
}

/** Where a completion may start: a claimed task goes to review or done, a task in review to done. */
const completableFrom: Record<'in_review' | 'done', readonly TaskStatus[]> = {
  in_review: ['claimed'],
  done: ['claimed', 'in_review'],
};

/**
 * POST …/tasks/{id}/complete: moves the task to in_review or done when every condition passes.
 * The evaluation is stored whatever it says; a failed one answers 409 with the failed conditions,
 * unless an administrator overrides with a reason (kept on the task and in the evaluation).
 */
export async function completeTask(scope: Scope, id: string, input: CompleteInput): Promise<TaskOutput> {
  const to = input.to ?? 'done';
  if (input.override) authorize(scope.ctx.actor, taskPermissions.override);
  const outcome = await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const current = await lockRow(tx, taskResource, scope, id);
    if (!completableFrom[to].includes(current.status)) {
      throw new AppError(
        'illegal_transition',
        `${taskKey(current)} is ${current.status}: it cannot move to ${to}.`,
        {
          code: 'task.illegal_transition',
          extensions: { currentStatus: current.status, allowed: allowedMoves(current.status) },
        },
      );
    }
    const now = new Date();
    if (current.status === 'claimed') assertHolderOrAdministrator(scope, current, now, 'complete');
    else if (!isAdministrator(scope) && current.assigneeId !== scope.ctx.actor.userId)
      throw new AppError(
        'forbidden',
        `Only the holder of ${taskKey(current)} or an administrator may complete it.`,
        {
          code: 'task.not_holder',
        },
      );
    const evaluation = await storeEvaluation(tx, scope, current, to, Boolean(input.override));
    if (!evaluation.passed && !input.override) return { failed: evaluation, task: current };
    const override =
      !evaluation.passed && input.override
        ? {
            by: scope.ctx.actor.userId,
            at: now.toISOString(),
            reason: input.override.reason,
            evaluationId: evaluation.id,
          }
        : current.override;
    const row = await changeRow(tx, taskResource, scope, current, {
      values: {
        status: to,
        claimExpiresAt: null,
        completedAt: to === 'done' ? now : null,
        override,
      },
      event: evaluation.overridden ? 'completed_with_override' : 'completed',
      fields: ['status', 'claimExpiresAt', 'completedAt', 'override'],
      data: { from: current.status, to, evaluationId: evaluation.id },
      reason: evaluation.overridden ? input.override?.reason : undefined,
      always: true,
    });
    return { failed: null, task: row, output: await answer(tx, row) };
  });
  if (outcome.failed) {
    const failedConditions = outcome.failed.conditions.filter((condition) => !condition.passed);
    throw new AppError(
      'conflict',
      `${taskKey(outcome.task)} cannot move to ${to}: ${failedConditions.map((condition) => condition.message).join('; ')}.`,
      {
        code: 'task.gate_failed',
        extensions: { conditions: failedConditions, evaluationId: outcome.failed.id },
      },
    );
  }
  if (!outcome.output) throw new Error('a completion without an answer');
  return outcome.output;
}

/** The moves no gate guards, from each status. */
const moves: Record<TaskStatus, readonly TransitionTarget[]> = {
  open: ['blocked', 'cancelled'],
  claimed: ['open', 'blocked', 'cancelled'],
  in_review: ['open', 'blocked', 'cancelled'],
  blocked: ['open', 'cancelled'],
  cancelled: ['open'],
  done: [],
};

/** Every move from a status: the unguarded ones, and the gated completions. */
export function allowedMoves(status: TaskStatus): string[] {
  const gated = (['in_review', 'done'] as const).filter((to) => completableFrom[to].includes(status));
  return [...moves[status], ...gated];
}

/** POST …/tasks/{id}/transition: open, blocked or cancelled; 409 with the allowed moves otherwise. */
export async function transitionTask(
  scope: Scope,
  id: string,
  input: { to: TransitionTarget; reason?: string },
): Promise<TaskOutput> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const current = await lockRow(tx, taskResource, scope, id);
    if (!moves[current.status].includes(input.to)) {
      const allowed = allowedMoves(current.status);
      throw new AppError(
        'illegal_transition',
        `${taskKey(current)} is ${current.status}: it cannot move to ${input.to}; allowed: ${allowed.join(', ') || 'none'}.`,
        { code: 'task.illegal_transition', extensions: { currentStatus: current.status, allowed } },
      );
    }
    if (current.status === 'claimed') assertHolderOrAdministrator(scope, current, new Date(), 'move');
    const row = await changeRow(tx, taskResource, scope, current, {
      values: {
        status: input.to,
        claimExpiresAt: null,
        ...(input.to === 'open' ? { completedAt: null } : {}),
      },
      event: 'transitioned',
      fields: ['status', 'claimExpiresAt'],
      data: { from: current.status, to: input.to },
      reason: input.reason,
      always: true,
    });
    return answer(tx, row);
  });
}

/** GET …/tasks/{id}/evaluations: the task's stored evaluations, newest first. */
export async function listEvaluations(scope: Scope, id: string, page: { limit: number; cursor?: string }) {
  return scope.db.read(async (db) => {
    await getRow(db, taskResource, scope, id);
    const rows = await listRows(db, taskEvaluationResource, scope, {
      limit: page.limit,
      cursor: page.cursor,
      'filter[taskId]': id,
    });
    return { data: rows.data.map(evaluationOutput), nextCursor: rows.nextCursor };
  });
}
