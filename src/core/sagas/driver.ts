import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/connection.ts';
import { messageOf } from '../errors/unknown-values.ts';
import type { AppServices } from '../http/route.ts';
import { appendSagaEvent, sagaScope } from './audit.ts';
import { type ActionStep, type AnySagaType, defaultRetry, isWaitStep, stepsOf } from './define.ts';
import {
  backoffAt,
  beginAttempt,
  completeAction,
  type Driving,
  finish,
  finishIn,
  guardedUpdate,
  LeaseLost,
  release,
  startCompensating,
  startHeartbeat,
  stepContext,
} from './driving.ts';
import { type SagaRow, type SagaWait, sagaSteps } from './tables.ts';
import { waitOn } from './waits.ts';

// Drives one claimed saga until it ends, waits, backs off, or its lease is lost. Each step runs in
// three commits: the attempt is recorded (running), the work is done, the outcome is recorded with
// the saga's next position. A process that dies between the first and the last leaves a running
// attempt behind; whoever claims the saga next marks it interrupted and tries the step again, with
// the same idempotency key. Every saga update is guarded by this driver's lease: a driver whose
// lease lapsed (another process took the saga) writes nothing more.

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
