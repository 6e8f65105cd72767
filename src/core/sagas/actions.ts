import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/connection.ts';
import { definePermission } from '../auth/permissions.ts';
import type { Role } from '../auth/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Scope } from '../resource/scope.ts';
import { appendSagaEvent } from './audit.ts';
import type { SagaEngine } from './engine.ts';
import { type SagaRow, type SagaStatus, sagaSignals, sagaSteps, workflowSagas } from './tables.ts';

// What people (and agents) do to a saga: send it a signal, approve or refuse a step waiting for
// them, cancel it, retry a step that failed past its retries, resume the undoing that failed. Each
// checks the saga's status and answers 409 with the statuses it needs; each is audited; each
// kicks this process's drivers so the saga moves at once.

/**
 * Sagas' permissions. Everyone reads; whoever writes content or contributes work starts sagas and
 * signals them; cancelling and retrying are writers' acts; resuming a failed undo, possibly by
 * declaring it done by hand, is an administrator's.
 */
export const sagaPermissions = {
  read: definePermission('saga.read', 'read'),
  start: definePermission('saga.start', ['write', 'contribute']),
  signal: definePermission('saga.signal', ['write', 'contribute', 'review']),
  cancel: definePermission('saga.cancel', 'write'),
  retry: definePermission('saga.retry', 'write'),
  resume: definePermission('saga.resume', 'administer'),
};

async function lockSaga(tx: Transaction, id: string): Promise<SagaRow> {
  const [saga] = await tx.select().from(workflowSagas).where(eq(workflowSagas.id, id)).for('update');
  if (!saga) throw new AppError('not_found', 'There is no such saga.');
  return saga;
}

function refuseUnless(saga: SagaRow, allowed: readonly SagaStatus[], action: string): void {
  if (allowed.includes(saga.status)) return;
  throw new AppError(
    'conflict',
    `A ${saga.status} saga cannot be ${action}; it must be ${allowed.join(' or ')}.`,
    {
      code: 'saga.illegal_transition',
      extensions: { currentStatus: saga.status, allowed },
    },
  );
}

async function act<T>(scope: Scope, engine: SagaEngine, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const answer = await scope.db.transaction(work);
  engine.kick();
  return answer;
}

/** Sends a signal; a saga waiting for it moves on, one that will wait for it later finds it there. */
export async function signalSaga(
  scope: Scope,
  engine: SagaEngine,
  id: string,
  name: string,
  payload: unknown,
): Promise<SagaRow> {
  return act(scope, engine, async (tx) => {
    const saga = await lockSaga(tx, id);
    refuseUnless(saga, ['pending', 'running', 'waiting'], 'signalled');
    if (saga.waitingFor?.kind === 'approval' && saga.waitingFor.name === name)
      throw new AppError('conflict', `Step ${name} waits for an approval: approve or refuse it instead.`, {
        code: 'saga.approval_expected',
      });
    await tx.insert(sagaSignals).values({
      workspaceId: saga.workspaceId,
      sagaId: saga.id,
      name,
      payload: payload ?? null,
      sentBy: scope.ctx.actor.userId,
    });
    await appendSagaEvent(tx, scope, saga, 'signalled', { data: { signal: name } });
    return saga;
  });
}

/** Roles that may answer an approval that asks for `role`: that role, and the workspace's administrators. */
export function mayApprove(actorRole: Role, role: string): boolean {
  return actorRole === role || actorRole === 'owner' || actorRole === 'admin';
}

/** Approves or refuses the step a saga waits on; only a member holding the role it asks for may. */
export async function decideApproval(
  scope: Scope,
  engine: SagaEngine,
  id: string,
  decision: { approved: boolean; comment?: string },
): Promise<SagaRow> {
  return act(scope, engine, async (tx) => {
    const saga = await lockSaga(tx, id);
    const waiting = saga.waitingFor;
    if (saga.status !== 'waiting' || waiting?.kind !== 'approval')
      throw new AppError('conflict', 'The saga is not waiting for an approval.', {
        code: 'saga.no_approval_waiting',
      });
    if (!mayApprove(scope.ctx.actor.role, waiting.role))
      throw new AppError(
        'forbidden',
        `Step ${waiting.name} waits for a member with the ${waiting.role} role.`,
        {
          code: 'saga.approval_role',
        },
      );
    const [pending] = await tx
      .select({ id: sagaSignals.id })
      .from(sagaSignals)
      .where(
        and(eq(sagaSignals.sagaId, saga.id), eq(sagaSignals.name, waiting.name), sql`consumed_at is null`),
      );
    if (pending)
      throw new AppError('conflict', 'The step has its answer already.', { code: 'saga.already_decided' });
    await tx.insert(sagaSignals).values({
      workspaceId: saga.workspaceId,
      sagaId: saga.id,
      name: waiting.name,
      payload: { approved: decision.approved, comment: decision.comment ?? null, by: scope.ctx.actor.userId },
      sentBy: scope.ctx.actor.userId,
    });
    await appendSagaEvent(tx, scope, saga, decision.approved ? 'approved' : 'refused', {
      data: { step: waiting.name },
      reason: decision.comment,
    });
    return saga;
  });
}

/** Asks the saga to stop: what its steps did is undone, then it ends cancelled. */
export async function cancelSaga(
  scope: Scope,
  engine: SagaEngine,
  id: string,
  reason?: string,
): Promise<SagaRow> {
  return act(scope, engine, async (tx) => {
    const saga = await lockSaga(tx, id);
    refuseUnless(saga, ['pending', 'running', 'waiting'], 'cancelled');
    const [changed] = await tx
      .update(workflowSagas)
      .set({ cancelRequested: true, wakeAt: null, updatedAt: sql`now()` })
      .where(eq(workflowSagas.id, saga.id))
      .returning();
    await appendSagaEvent(tx, scope, saga, 'cancel_requested', { reason });
    return changed ?? saga;
  });
}

/** Tries a step that failed past its retries again, from its first try, as a person asked. */
export async function retrySaga(scope: Scope, engine: SagaEngine, id: string): Promise<SagaRow> {
  return act(scope, engine, async (tx) => {
    const saga = await lockSaga(tx, id);
    if (saga.status !== 'waiting' || saga.waitingFor?.kind !== 'intervention')
      throw new AppError('conflict', 'Only a saga paused on a failed step can be retried.', {
        code: 'saga.illegal_transition',
        extensions: { currentStatus: saga.status, allowed: ['waiting'] },
      });
    const [changed] = await tx
      .update(workflowSagas)
      .set({
        status: 'running',
        waitingFor: null,
        stepAttempts: 0,
        wakeAt: null,
        errorMessage: null,
        updatedAt: sql`now()`,
      })
      .where(eq(workflowSagas.id, saga.id))
      .returning();
    await appendSagaEvent(tx, scope, saga, 'retried', { data: { step: saga.waitingFor.step } });
    return changed ?? saga;
  });
}

/**
 * Resumes undoing a saga whose compensation failed: tries that compensation again, or, with
 * `skip`, records that a person undid the step by hand and goes on with the steps before it.
 */
export async function resumeSaga(
  scope: Scope,
  engine: SagaEngine,
  id: string,
  options: { skip?: boolean; reason?: string } = {},
): Promise<SagaRow> {
  return act(scope, engine, async (tx) => {
    const saga = await lockSaga(tx, id);
    refuseUnless(saga, ['compensation_failed'], 'resumed');
    let { currentStep, outputs } = saga;
    if (options.skip) {
      const [failed] = await tx
        .select({ stepName: sagaSteps.stepName })
        .from(sagaSteps)
        .where(
          and(
            eq(sagaSteps.sagaId, saga.id),
            eq(sagaSteps.stepIndex, saga.currentStep),
            eq(sagaSteps.phase, 'compensation'),
          ),
        )
        .limit(1);
      const name = failed?.stepName ?? `step ${saga.currentStep}`;
      await tx.insert(sagaSteps).values({
        workspaceId: saga.workspaceId,
        sagaId: saga.id,
        stepIndex: saga.currentStep,
        stepName: name,
        phase: 'compensation',
        attempt: 0,
        status: 'skipped',
        idempotencyKey: `${saga.id}:compensation:${name}`,
        finishedAt: new Date(),
        error: options.reason ?? 'undone by hand',
      });
      const { [name]: _undone, ...rest } = outputs;
      outputs = rest;
      currentStep -= 1;
    }
    const [changed] = await tx
      .update(workflowSagas)
      .set({
        status: 'compensating',
        currentStep,
        outputs,
        stepAttempts: 0,
        wakeAt: null,
        updatedAt: sql`now()`,
      })
      .where(eq(workflowSagas.id, saga.id))
      .returning();
    await appendSagaEvent(tx, scope, saga, 'resumed', {
      data: { skipped: options.skip ?? false },
      reason: options.reason,
    });
    return changed ?? saga;
  });
}
