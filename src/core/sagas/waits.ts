import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/connection.ts';
import type { WaitStep } from './define.ts';
import { type SagaWait, sagaSignals, sagaSteps } from './tables.ts';

// Waiting steps: the first arrival records what the step waits for (a time, a signal, an approval)
// and lets the saga go; each later look takes an arrived signal or approval, or notices the wait
// timed out. Signals are rows until a waiting step consumes them, so a wait survives restarts.

import {
  beginAttempt,
  completeAction,
  type Driving,
  failAttempt,
  guardedUpdate,
  release,
  startCompensating,
  stepContext,
} from './driving.ts';

/** Reaches, or looks again at, a waiting step: done when its time came or its signal arrived. */
export async function waitOn(driving: Driving, step: WaitStep<unknown>): Promise<boolean> {
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
