import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/connection.ts';
import type { AppServices } from '../http/route.ts';
import type { WorkspaceDatabase } from '../tenancy/workspace-database.ts';
import { appendSagaEvent, sagaScope } from './audit.ts';
import type { defaultRetry, SagaStep, StepContext } from './define.ts';
import {
  type SagaRow,
  type SagaStatus,
  type SagaStepPhase,
  type SagaStepRow,
  sagaSteps,
  workflowSagas,
} from './tables.ts';

// What a driver holds while it drives one saga, and the writes every part of driving shares: each
// guarded by the driver's lease, so a driver that lost its lease (another process took the saga)
// writes nothing more. driver.ts moves the saga from step to step; waits.ts handles waiting steps.

/** The lease moved to another process: this driver stops without writing. */
export class LeaseLost extends Error {}
export type AnyStep = SagaStep<unknown>;
export type SagaChanges = PgUpdateSetSource<typeof workflowSagas>;
export interface Driving {
  app: AppServices;
  owner: string;
  /** How long this process's claim holds without renewal. */
  leaseSeconds: number;
  db: WorkspaceDatabase;
  saga: SagaRow;
  steps: readonly AnyStep[];
  context: unknown;
  signal: AbortSignal;
  /** The next action's attempt, recorded in the transaction that ended the step before it. */
  prepared?: { stepIndex: number; attempt: SagaStepRow };
}
/** Renews the lease every third of its length while the saga is driven. */
export function startHeartbeat(driving: Driving): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const beat = () => {
    timer = setTimeout(
      async () => {
        try {
          await driving.db.transaction((tx) => guardedUpdate(tx, driving, {}));
          beat();
        } catch {
          // Lost or unreachable: the next state change finds out and stops the driver.
        }
      },
      (driving.leaseSeconds * 1000) / 3,
    );
    timer.unref();
  };
  beat();
  return { stop: () => clearTimeout(timer) };
}
/** Updates the saga if this driver still holds its lease (renewing it); throws LeaseLost otherwise. */
export async function guardedUpdate(
  tx: Transaction,
  driving: Driving,
  values: SagaChanges,
): Promise<SagaRow> {
  const [row] = await tx
    .update(workflowSagas)
    .set({
      leaseUntil: sql`now() + make_interval(secs => ${driving.leaseSeconds})`,
      updatedAt: sql`now()`,
      ...values,
    })
    .where(and(eq(workflowSagas.id, driving.saga.id), eq(workflowSagas.leaseOwner, driving.owner)))
    .returning();
  if (!row) throw new LeaseLost();
  driving.saga = row;
  return row;
}
export async function release(
  db: WorkspaceDatabase,
  saga: SagaRow,
  owner: string,
  values: SagaChanges,
): Promise<void> {
  await db.transaction((tx) =>
    tx
      .update(workflowSagas)
      .set({ ...values, leaseOwner: null, leaseUntil: null, updatedAt: sql`now()` })
      .where(and(eq(workflowSagas.id, saga.id), eq(workflowSagas.leaseOwner, owner))),
  );
}
export function stepContext(
  driving: Driving,
  step: AnyStep,
  phase: SagaStepPhase,
  attempt: number,
  signal: AbortSignal,
) {
  const context: StepContext<unknown> = {
    app: driving.app,
    saga: driving.saga,
    context: driving.context,
    outputs: driving.saga.outputs,
    scope: sagaScope(driving.app, driving.saga),
    idempotencyKey: `${driving.saga.id}:${phase}:${step.name}`,
    attempt,
    signal,
  };
  return context;
}
/** Records a new attempt (marking any attempt a dead process left running as interrupted). */
export async function beginAttempt(tx: Transaction, driving: Driving, step: AnyStep, phase: SagaStepPhase) {
  const { saga } = driving;
  await tx
    .update(sagaSteps)
    .set({ status: 'interrupted', finishedAt: sql`now()`, error: 'the process driving the saga stopped' })
    .where(and(eq(sagaSteps.sagaId, saga.id), eq(sagaSteps.status, 'running')));
  const [{ attempts } = { attempts: 0 }] = await tx
    .select({ attempts: sql<number>`count(*)::int` })
    .from(sagaSteps)
    .where(
      and(
        eq(sagaSteps.sagaId, saga.id),
        eq(sagaSteps.stepIndex, saga.currentStep),
        eq(sagaSteps.phase, phase),
      ),
    );
  const [row] = await tx
    .insert(sagaSteps)
    .values({
      workspaceId: saga.workspaceId,
      sagaId: saga.id,
      stepIndex: saga.currentStep,
      stepName: step.name,
      phase,
      attempt: attempts + 1,
      status: 'running',
      idempotencyKey: `${saga.id}:${phase}:${step.name}`,
    })
    .returning();
  await guardedUpdate(tx, driving, { stepAttempts: saga.stepAttempts + 1, wakeAt: null });
  if (!row) throw new Error('a step attempt was not recorded');
  return row;
}
export async function completeAction(
  tx: Transaction,
  driving: Driving,
  step: AnyStep,
  attemptId: string,
  output: unknown,
) {
  const stored = output === undefined ? null : output;
  await guardedUpdate(tx, driving, {
    currentStep: driving.saga.currentStep + 1,
    stepAttempts: 0,
    status: 'running',
    waitingFor: null,
    outputs: { ...driving.saga.outputs, [step.name]: stored },
  });
  await tx
    .update(sagaSteps)
    .set({ status: 'succeeded', finishedAt: sql`now()`, output: stored })
    .where(eq(sagaSteps.id, attemptId));
}
/** When the next try is due: exponential backoff with full jitter, bounded. */
export function backoffAt(policy: typeof defaultRetry, triesSoFar: number) {
  const ceiling = Math.min(
    policy.maxBackoffMs ?? 30_000,
    policy.backoffMs * 2 ** Math.max(0, triesSoFar - 1),
  );
  const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  return sql`now() + make_interval(secs => ${delay / 1000})`;
}
export async function startCompensating(
  driving: Driving,
  from: number,
  error: string,
  failed = false,
): Promise<void> {
  await driving.db.transaction(async (tx) => {
    // A wait that a cancel cut short ends here, not as an interrupted attempt.
    await tx
      .update(sagaSteps)
      .set({ status: 'failed', finishedAt: sql`now()`, error })
      .where(and(eq(sagaSteps.sagaId, driving.saga.id), eq(sagaSteps.status, 'running')));
    await guardedUpdate(tx, driving, {
      status: 'compensating',
      currentStep: from,
      stepAttempts: 0,
      waitingFor: null,
      wakeAt: null,
      errorMessage: error,
      ...(failed ? { failedAt: sql`now()` } : {}),
    });
  });
}
export async function failAttempt(
  tx: Transaction,
  attemptId: string,
  error: string,
  output?: unknown,
): Promise<void> {
  await tx
    .update(sagaSteps)
    .set({ status: 'failed', finishedAt: sql`now()`, error, ...(output === undefined ? {} : { output }) })
    .where(eq(sagaSteps.id, attemptId));
}
type Ending = Extract<SagaStatus, 'completed' | 'failed' | 'cancelled'>;
/** Ends the saga: completed, failed (compensated) or cancelled; audited; the lease let go. */
export async function finish(driving: Driving, status: Ending) {
  await driving.db.transaction((tx) => finishIn(tx, driving, status));
  return false;
}
export async function finishIn(tx: Transaction, driving: Driving, status: Ending): Promise<void> {
  const saga = await guardedUpdate(tx, driving, {
    status,
    completedAt: sql`now()`,
    waitingFor: null,
    wakeAt: null,
    leaseOwner: null,
    leaseUntil: null,
  });
  await appendSagaEvent(tx, sagaScope(driving.app, saga), saga, status, {
    reason: status === 'completed' ? undefined : (saga.errorMessage ?? undefined),
  });
}
