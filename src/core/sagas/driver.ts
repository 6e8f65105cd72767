import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/connection.ts';
import { messageOf } from '../errors/unknown-values.ts';
import type { AppServices } from '../http/route.ts';
import type { WorkspaceDatabase } from '../tenancy/workspace-database.ts';
import { appendSagaEvent, sagaScope } from './audit.ts';
import {
  type ActionStep,
  type AnySagaType,
  defaultRetry,
  isWaitStep,
  type SagaStep,
  type StepContext,
  stepsOf,
  type WaitStep,
} from './define.ts';
import {
  type SagaRow,
  type SagaStatus,
  type SagaStepPhase,
  type SagaStepRow,
  type SagaWait,
  sagaSignals,
  sagaSteps,
  workflowSagas,
} from './tables.ts';

// Drives one claimed saga until it ends, waits, backs off, or its lease is lost. Each step runs in
// three commits: the attempt is recorded (running), the work is done, the outcome is recorded with
// the saga's next position. A process that dies between the first and the last leaves a running
// attempt behind; whoever claims the saga next marks it interrupted and tries the step again, with
// the same idempotency key. Every saga update is guarded by this driver's lease: a driver whose
// lease lapsed (another process took the saga) writes nothing more.

/** The lease moved to another process: this driver stops without writing. */
class LeaseLost extends Error {}

type AnyStep = SagaStep<unknown>;
type SagaChanges = PgUpdateSetSource<typeof workflowSagas>;

interface Driving {
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

export async function driveSaga(
  app: AppServices,
  types: ReadonlyMap<string, AnySagaType>,
  saga: SagaRow,
  claim: { owner: string; leaseSeconds: number },
  signal: AbortSignal,
): Promise<void> {
  const { owner, leaseSeconds } = claim;
  const db = app.tenancy.bind(saga.workspaceId);
  const type = types.get(saga.sagaType);
  const parsed = type?.context.safeParse(saga.context);
  if (!type || !parsed?.success) {
    // Nothing this process can run (a type from a newer version, a context an older one wrote).
    await release(db, saga, owner, { wakeAt: sql`now() + interval '1 minute'` });
    return;
  }
  const driving: Driving = {
    app,
    owner,
    leaseSeconds,
    db,
    saga,
    steps: stepsOf(type, parsed.data),
    context: parsed.data,
    signal,
  };
  const heartbeat = startHeartbeat(driving);
  try {
    while (!signal.aborted && (await advance(driving))) {
      // advance() answers whether the saga should be driven on at once.
    }
  } catch (error) {
    if (!(error instanceof LeaseLost)) throw error;
  } finally {
    heartbeat.stop();
  }
  if (!signal.aborted) return;
  // The process is closing: let another process (or this one, restarted) take the saga at once.
  await release(db, driving.saga, owner, {}).catch(() => {});
}

/** Renews the lease every third of its length while the saga is driven. */
function startHeartbeat(driving: Driving): { stop(): void } {
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
async function guardedUpdate(tx: Transaction, driving: Driving, values: SagaChanges): Promise<SagaRow> {
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

async function release(
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

/** One move of the saga. Answers true to go on driving it, false when it ended, waits or backs off. */
async function advance(driving: Driving): Promise<boolean> {
  const { saga, steps } = driving;
  if (saga.cancelRequested && ['pending', 'running', 'waiting'].includes(saga.status)) {
    await startCompensating(driving, saga.currentStep - 1, 'The saga was cancelled.');
    return true;
  }
  if (saga.status === 'running' || saga.status === 'waiting') {
    const step = steps[saga.currentStep];
    if (!step) return finish(driving, 'completed');
    if (isWaitStep(step)) return waitOn(driving, step);
    return runAction(driving, step);
  }
  if (saga.status === 'compensating') {
    const next = lastCompensable(driving, saga.currentStep);
    if (!next) return finish(driving, saga.cancelRequested ? 'cancelled' : 'failed');
    if (next.index !== saga.currentStep)
      await driving.db.transaction((tx) => guardedUpdate(tx, driving, { currentStep: next.index }));
    return runCompensation(driving, next.step);
  }
  await release(driving.db, saga, driving.owner, {});
  return false;
}

/** The highest step at or below `from` that completed and has a compensation; none when nothing is left to undo. */
function lastCompensable(
  driving: Driving,
  from: number,
): { index: number; step: ActionStep<unknown> } | undefined {
  for (let index = Math.min(from, driving.steps.length - 1); index >= 0; index -= 1) {
    const step = driving.steps[index];
    if (step && !isWaitStep(step) && step.compensate && step.name in driving.saga.outputs)
      return { index, step };
  }
  return undefined;
}

function stepContext(
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
async function beginAttempt(tx: Transaction, driving: Driving, step: AnyStep, phase: SagaStepPhase) {
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

/** Runs `work` with the step's timeout and the driver's abort signal. */
async function withTimeout<T>(
  step: ActionStep<unknown>,
  outer: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signals = [outer];
  if (step.timeoutMs) signals.push(AbortSignal.timeout(step.timeoutMs));
  const signal = AbortSignal.any(signals);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(
        outer.aborted
          ? new Error('the process driving the saga is closing')
          : new Error(`the step took longer than ${step.timeoutMs} ms`),
      );
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work(signal)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function runAction(driving: Driving, step: ActionStep<unknown>): Promise<boolean> {
  const { prepared } = driving;
  driving.prepared = undefined;
  const attempt =
    prepared?.stepIndex === driving.saga.currentStep
      ? prepared.attempt
      : await driving.db.transaction((tx) => beginAttempt(tx, driving, step, 'action'));
  const context = stepContext(driving, step, 'action', attempt.attempt, driving.signal);
  try {
    const next: { move: MoveOn } = { move: 'none' };
    await withTimeout(step, driving.signal, async (signal) => {
      const scoped = { ...context, signal };
      if (step.transactional) {
        await driving.db.transaction(async (tx) => {
          const output = await step.run(scoped, tx);
          // A step past its timeout must not commit: its work rolls back with the transaction.
          signal.throwIfAborted();
          await completeAction(tx, driving, step, attempt.id, output);
          next.move = await moveOn(tx, driving);
        });
      } else {
        const output = await step.run(scoped, undefined);
        await driving.db.transaction(async (tx) => {
          await completeAction(tx, driving, step, attempt.id, output);
          next.move = await moveOn(tx, driving);
        });
      }
    });
    return next.move !== 'finished';
  } catch (error) {
    if (error instanceof LeaseLost) throw error;
    if (driving.signal.aborted) return false;
    return actionFailed(driving, step, attempt.id, messageOf(error));
  }
}

async function completeAction(
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

/** A failed try: back off and try again, or pause for a person, or undo what was done. */
async function actionFailed(driving: Driving, step: ActionStep<unknown>, attemptId: string, error: string) {
  const policy = { ...defaultRetry, ...step.retry };
  await driving.db.transaction(async (tx) => {
    await tx
      .update(sagaSteps)
      .set({ status: 'failed', finishedAt: sql`now()`, error })
      .where(eq(sagaSteps.id, attemptId));
    if (driving.saga.stepAttempts < policy.attempts) {
      await guardedUpdate(tx, driving, {
        wakeAt: backoffAt(policy, driving.saga.stepAttempts),
        errorMessage: error,
      });
    } else if (step.onExhausted === 'pause') {
      const waitingFor: SagaWait = { kind: 'intervention', step: step.name, error };
      await guardedUpdate(tx, driving, { status: 'waiting', waitingFor, wakeAt: null, errorMessage: error });
      await appendSagaEvent(tx, sagaScope(driving.app, driving.saga), driving.saga, 'paused', {
        reason: error,
      });
    }
  });
  const saga = driving.saga;
  if (saga.stepAttempts >= policy.attempts && step.onExhausted !== 'pause') {
    await startCompensating(driving, saga.currentStep - 1, `Step ${step.name} failed: ${error}`, true);
    return true;
  }
  await release(driving.db, saga, driving.owner, {});
  return false;
}

/** When the next try is due: exponential backoff with full jitter, bounded. */
function backoffAt(policy: typeof defaultRetry, triesSoFar: number) {
  const ceiling = Math.min(
    policy.maxBackoffMs ?? 30_000,
    policy.backoffMs * 2 ** Math.max(0, triesSoFar - 1),
  );
  const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  return sql`now() + make_interval(secs => ${delay / 1000})`;
}

async function startCompensating(
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

async function runCompensation(driving: Driving, step: ActionStep<unknown>): Promise<boolean> {
  const attempt = await driving.db.transaction((tx) => beginAttempt(tx, driving, step, 'compensation'));
  const output = driving.saga.outputs[step.name];
  const context = { ...stepContext(driving, step, 'compensation', attempt.attempt, driving.signal), output };
  const done = async (tx: Transaction, answer: unknown) => {
    await tx
      .update(sagaSteps)
      .set({ status: 'succeeded', finishedAt: sql`now()`, output: answer === undefined ? null : answer })
      .where(eq(sagaSteps.id, attempt.id));
    const { [step.name]: _undone, ...outputs } = driving.saga.outputs;
    await guardedUpdate(tx, driving, { currentStep: driving.saga.currentStep - 1, stepAttempts: 0, outputs });
  };
  try {
    await withTimeout(step, driving.signal, async (signal) => {
      const compensate = step.compensate;
      if (!compensate) return;
      if (step.transactional) {
        await driving.db.transaction(async (tx) => done(tx, await compensate({ ...context, signal }, tx)));
      } else {
        const answer = await compensate({ ...context, signal }, undefined);
        await driving.db.transaction((tx) => done(tx, answer));
      }
    });
    return true;
  } catch (error) {
    if (error instanceof LeaseLost) throw error;
    if (driving.signal.aborted) return false;
    return compensationFailed(driving, step, attempt.id, messageOf(error));
  }
}

async function compensationFailed(
  driving: Driving,
  step: ActionStep<unknown>,
  attemptId: string,
  error: string,
) {
  const policy = { ...defaultRetry, ...step.retry };
  const exhausted = driving.saga.stepAttempts >= policy.attempts;
  await driving.db.transaction(async (tx) => {
    await tx
      .update(sagaSteps)
      .set({ status: 'failed', finishedAt: sql`now()`, error })
      .where(eq(sagaSteps.id, attemptId));
    if (!exhausted) {
      await guardedUpdate(tx, driving, { wakeAt: backoffAt(policy, driving.saga.stepAttempts) });
      return;
    }
    const message = `Undoing step ${step.name} failed: ${error}`;
    await guardedUpdate(tx, driving, {
      status: 'compensation_failed',
      errorMessage: message,
      failedAt: sql`now()`,
    });
    await appendSagaEvent(tx, sagaScope(driving.app, driving.saga), driving.saga, 'compensation_failed', {
      reason: message,
    });
  });
  await release(driving.db, driving.saga, driving.owner, {});
  return false;
}

/** Reaches, or looks again at, a waiting step: done when its time came or its signal arrived. */
async function waitOn(driving: Driving, step: WaitStep<unknown>): Promise<boolean> {
  if (driving.saga.status !== 'waiting') await arriveAtWait(driving, step);
  const waitingFor = driving.saga.waitingFor;
  if (!waitingFor || waitingFor.kind === 'intervention') {
    await release(driving.db, driving.saga, driving.owner, {});
    return false;
  }
  const outcome = await driving.db.transaction((tx) => checkWait(tx, driving, step, waitingFor));
  if (outcome === 'done') return true;
  if (outcome === 'wait') {
    await release(driving.db, driving.saga, driving.owner, {});
    return false;
  }
  const why = outcome === 'refused' ? 'was refused' : 'timed out';
  await startCompensating(driving, driving.saga.currentStep - 1, `Step ${step.name} ${why}.`, true);
  return true;
}

/** First arrival at a waiting step: works out what it waits for, once, and keeps it. */
async function arriveAtWait(driving: Driving, step: WaitStep<unknown>): Promise<void> {
  const wait = step.wait(stepContext(driving, step, 'action', 1, driving.signal));
  const until =
    wait.kind === 'time' ? wait.until : wait.timeoutMs ? new Date(Date.now() + wait.timeoutMs) : undefined;
  const waitingFor: SagaWait =
    wait.kind === 'time'
      ? { kind: 'time', until: wait.until.toISOString() }
      : wait.kind === 'signal'
        ? { kind: 'signal', name: wait.name, until: until?.toISOString() }
        : {
            kind: 'approval',
            name: step.name,
            role: wait.role,
            prompt: wait.prompt,
            until: until?.toISOString(),
          };
  await driving.db.transaction(async (tx) => {
    await beginAttempt(tx, driving, step, 'action');
    await guardedUpdate(tx, driving, { status: 'waiting', waitingFor, wakeAt: until ?? null });
  });
}

type WaitOutcome = 'done' | 'wait' | 'refused' | 'timed_out';

/** Whether the wait is over: its time came, or its signal (or approval) arrived and is taken, or it timed out. */
async function checkWait(
  tx: Transaction,
  driving: Driving,
  step: WaitStep<unknown>,
  waitingFor: Exclude<SagaWait, { kind: 'intervention' }>,
): Promise<WaitOutcome> {
  const { saga } = driving;
  const [attempt] = await tx
    .select({ id: sagaSteps.id })
    .from(sagaSteps)
    .where(
      and(
        eq(sagaSteps.sagaId, saga.id),
        eq(sagaSteps.stepIndex, saga.currentStep),
        eq(sagaSteps.status, 'running'),
      ),
    )
    .orderBy(asc(sagaSteps.attempt));
  if (!attempt) throw new Error(`saga ${saga.id} waits with no running attempt`);
  if (waitingFor.kind === 'time') {
    if (new Date(waitingFor.until).getTime() > Date.now()) return 'wait';
    await completeAction(tx, driving, step, attempt.id, { waitedUntil: waitingFor.until });
    return 'done';
  }
  const [arrived] = await tx
    .select()
    .from(sagaSignals)
    .where(
      and(
        eq(sagaSignals.sagaId, saga.id),
        eq(sagaSignals.name, waitingFor.name),
        isNull(sagaSignals.consumedAt),
      ),
    )
    .orderBy(asc(sagaSignals.createdAt))
    .limit(1)
    .for('update');
  if (arrived) {
    await tx.update(sagaSignals).set({ consumedAt: sql`now()` }).where(eq(sagaSignals.id, arrived.id));
    const payload = arrived.payload ?? null;
    if (waitingFor.kind === 'approval' && !approved(payload)) {
      await failAttempt(tx, attempt.id, 'the approval was refused', payload);
      return 'refused';
    }
    await completeAction(tx, driving, step, attempt.id, {
      ...asObject(payload),
      signalledBy: arrived.sentBy,
    });
    return 'done';
  }
  if (waitingFor.until && new Date(waitingFor.until).getTime() <= Date.now()) {
    await failAttempt(tx, attempt.id, 'the wait timed out');
    return 'timed_out';
  }
  return 'wait';
}

async function failAttempt(
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

function approved(payload: unknown): boolean {
  return (
    typeof payload === 'object' && payload !== null && 'approved' in payload && payload.approved === true
  );
}

function asObject(payload: unknown): Record<string, unknown> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? { ...payload }
    : { payload };
}

type Ending = Extract<SagaStatus, 'completed' | 'failed' | 'cancelled'>;

/** Ends the saga: completed, failed (compensated) or cancelled; audited; the lease let go. */
async function finish(driving: Driving, status: Ending) {
  await driving.db.transaction((tx) => finishIn(tx, driving, status));
  return false;
}

async function finishIn(tx: Transaction, driving: Driving, status: Ending): Promise<void> {
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

type MoveOn = 'next' | 'finished' | 'none';

/**
 * Right after an action's outcome, in its transaction (one commit fewer per step): records the
 * next action's attempt, or completes the saga when no step is left. A crash after that commit
 * leaves the next attempt running, as a crash right after recording it alone would: whoever
 * claims the saga next marks it interrupted and runs the step again, with the same key.
 */
async function moveOn(tx: Transaction, driving: Driving): Promise<MoveOn> {
  const { saga, steps } = driving;
  if (saga.status !== 'running' || saga.cancelRequested || driving.signal.aborted) return 'none';
  const step = steps[saga.currentStep];
  if (!step) {
    await finishIn(tx, driving, 'completed');
    return 'finished';
  }
  if (isWaitStep(step)) return 'none';
  driving.prepared = {
    stepIndex: saga.currentStep,
    attempt: await beginAttempt(tx, driving, step, 'action'),
  };
  return 'next';
}
