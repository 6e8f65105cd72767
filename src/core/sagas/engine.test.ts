import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineModule } from '../../core/app/module.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { auditEvents } from '../events/schema.ts';
import { systemScope } from '../resource/scope.ts';
import { cancelSaga, decideApproval, resumeSaga, retrySaga, signalSaga } from './actions.ts';
import { defineSaga } from './define.ts';
import { type SagaRow, sagaSteps, workflowSagas } from './tables.ts';

// The engine through a test module's saga types. Each saga's context names how its steps behave;
// every run of an action or compensation is counted per saga, so a test sees exactly what ran.

const runs = new Map<string, string[]>();
const record = (sagaId: string, what: string) => runs.set(sagaId, [...(runs.get(sagaId) ?? []), what]);
const failuresLeft = new Map<string, number>();

const behaviour = z.object({
  /** step name → how many times its action fails before it succeeds (-1: always). */
  failAction: z.record(z.string(), z.number().int()).default({}),
  failCompensation: z.record(z.string(), z.number().int()).default({}),
});

const fails = (key: string, budget: number | undefined) => {
  if (budget === undefined || budget === 0) return false;
  if (budget < 0) return true;
  const left = failuresLeft.get(key) ?? budget;
  failuresLeft.set(key, left - 1);
  return left > 0;
};

const countingStep = (name: string, options: { onExhausted?: 'pause' } = {}) => ({
  name,
  retry: { attempts: 2, backoffMs: 1, maxBackoffMs: 2 },
  onExhausted: options.onExhausted,
  async run({ saga, context }: { saga: SagaRow; context: z.infer<typeof behaviour> }) {
    record(saga.id, `run:${name}`);
    if (fails(`${saga.id}:run:${name}`, context.failAction[name])) throw new Error(`${name} broke`);
    return { did: name };
  },
  async compensate({ saga, context }: { saga: SagaRow; context: z.infer<typeof behaviour> }) {
    record(saga.id, `undo:${name}`);
    if (fails(`${saga.id}:undo:${name}`, context.failCompensation[name]))
      throw new Error(`undoing ${name} broke`);
    return { undid: name };
  },
});

const threeSteps = defineSaga({
  type: 'test.three-steps',
  title: 'Three counted steps',
  context: behaviour,
  steps: [countingStep('one'), countingStep('two'), countingStep('three')],
});

const pausing = defineSaga({
  type: 'test.pausing',
  title: 'Pauses for a person',
  context: behaviour,
  steps: [countingStep('one'), countingStep('two', { onExhausted: 'pause' })],
});

const waiting = defineSaga({
  type: 'test.waiting',
  title: 'Waits for a signal, then an approval',
  context: behaviour,
  steps: [
    countingStep('one'),
    { name: 'go', wait: () => ({ kind: 'signal', name: 'go' }) },
    { name: 'sign-off', wait: () => ({ kind: 'approval', role: 'admin', prompt: 'Ship it?' }) },
    countingStep('two'),
  ],
});

const sagaTestModule = defineModule({ name: 'saga-tests', sagas: [threeSteps, pausing, waiting] });

describe('the saga engine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sagaTestModule] });
  });
  afterAll(() => t.close());

  const scope = () => systemScope(t.services, t.owner.workspaceId, t.owner.userId);
  const start = async (type: string, context: object = {}, options = {}) =>
    (await t.services.sagas.start(scope(), type, context, options)).saga;

  const sagaNow = async (id: string) => {
    const [saga] = await t.services.tenancy
      .bind(t.owner.workspaceId)
      .read((db) => db.select().from(workflowSagas).where(eq(workflowSagas.id, id)));
    if (!saga) throw new Error('saga gone');
    return saga;
  };

  /** Drives until the saga rests in one of `statuses` (retries back off a few milliseconds). */
  const settle = async (id: string, statuses: readonly string[]) => {
    for (let round = 0; round < 500; round += 1) {
      t.services.sagas.kick();
      await t.services.sagas.idle();
      const saga = await sagaNow(id);
      if (statuses.includes(saga.status) && !saga.leaseOwner) return saga;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`saga ${id} did not reach ${statuses.join('/')}: ${(await sagaNow(id)).status}`);
  };

  const attempts = (id: string) =>
    t.services.tenancy
      .bind(t.owner.workspaceId)
      .read((db) =>
        db
          .select()
          .from(sagaSteps)
          .where(eq(sagaSteps.sagaId, id))
          .orderBy(asc(sagaSteps.startedAt), asc(sagaSteps.stepIndex), asc(sagaSteps.attempt)),
      );

  it('runs every step once, in order, and keeps what each answered', async () => {
    const saga = await start('test.three-steps');
    const done = await settle(saga.id, ['completed']);
    expect(runs.get(saga.id)).toEqual(['run:one', 'run:two', 'run:three']);
    expect(done.outputs).toEqual({ one: { did: 'one' }, two: { did: 'two' }, three: { did: 'three' } });
    expect(done.currentStep).toBe(3);
    expect(done.completedAt).not.toBeNull();
    expect(
      (await attempts(saga.id)).map((row) => [row.stepName, row.phase, row.attempt, row.status]),
    ).toEqual([
      ['one', 'action', 1, 'succeeded'],
      ['two', 'action', 1, 'succeeded'],
      ['three', 'action', 1, 'succeeded'],
    ]);
    const events = await t.services.tenancy.bind(t.owner.workspaceId).read((db) =>
      db
        .select({ eventType: auditEvents.eventType })
        .from(auditEvents)
        .where(and(eq(auditEvents.aggregateId, saga.id))),
    );
    expect(events.map((event) => event.eventType)).toEqual(['saga.started', 'saga.completed']);
  });

  it('retries a step that fails once, with the same idempotency key', async () => {
    const saga = await start('test.three-steps', { failAction: { two: 1 } });
    await settle(saga.id, ['completed']);
    expect(runs.get(saga.id)).toEqual(['run:one', 'run:two', 'run:two', 'run:three']);
    const twos = (await attempts(saga.id)).filter((row) => row.stepName === 'two');
    expect(twos.map((row) => [row.attempt, row.status])).toEqual([
      [1, 'failed'],
      [2, 'succeeded'],
    ]);
    expect(new Set(twos.map((row) => row.idempotencyKey)).size).toBe(1);
  });

  it('undoes the completed steps in reverse when a step keeps failing, and never runs the later ones', async () => {
    const saga = await start('test.three-steps', { failAction: { three: -1 } });
    const failed = await settle(saga.id, ['failed']);
    expect(runs.get(saga.id)).toEqual([
      'run:one',
      'run:two',
      'run:three',
      'run:three',
      'undo:two',
      'undo:one',
    ]);
    expect(failed.errorMessage).toContain('three broke');
    expect(failed.outputs).toEqual({});
    expect(failed.failedAt).not.toBeNull();
  });

  it('stops in compensation_failed when an undo keeps failing; resuming with skip finishes the undoing', async () => {
    const saga = await start('test.three-steps', {
      failAction: { three: -1 },
      failCompensation: { two: -1 },
    });
    const stuck = await settle(saga.id, ['compensation_failed']);
    expect(stuck.errorMessage).toContain('undoing two broke');
    expect(runs.get(saga.id)?.filter((what) => what === 'undo:two')).toHaveLength(2);
    expect(runs.get(saga.id)).not.toContain('undo:one');

    await resumeSaga(scope(), t.services.sagas, saga.id, { skip: true, reason: 'rolled back by hand' });
    await settle(saga.id, ['failed']);
    expect(runs.get(saga.id)?.at(-1)).toBe('undo:one');
    const skipped = (await attempts(saga.id)).find((row) => row.status === 'skipped');
    expect(skipped).toMatchObject({ stepName: 'two', phase: 'compensation', error: 'rolled back by hand' });
  });

  it('pauses for a person when the policy says so, and a retry goes on from the failed step', async () => {
    const saga = await start('test.pausing', { failAction: { two: 2 } });
    const paused = await settle(saga.id, ['waiting']);
    expect(paused.waitingFor).toMatchObject({ kind: 'intervention', step: 'two' });
    await retrySaga(scope(), t.services.sagas, saga.id);
    await settle(saga.id, ['completed']);
    expect(runs.get(saga.id)).toEqual(['run:one', 'run:two', 'run:two', 'run:two']);
  });

  it('waits for a signal and an approval, durable in the database, then goes on', async () => {
    const saga = await start('test.waiting');
    const waitingForGo = await settle(saga.id, ['waiting']);
    expect(waitingForGo.waitingFor).toMatchObject({ kind: 'signal', name: 'go' });
    await signalSaga(scope(), t.services.sagas, saga.id, 'go', { build: 42 });
    const waitingForApproval = await settle(saga.id, ['waiting']);
    expect(waitingForApproval.waitingFor).toMatchObject({
      kind: 'approval',
      role: 'admin',
      prompt: 'Ship it?',
    });
    expect(waitingForApproval.outputs.go).toMatchObject({ build: 42, signalledBy: t.owner.userId });
    await decideApproval(scope(), t.services.sagas, saga.id, { approved: true, comment: 'fine' });
    await settle(saga.id, ['completed']);
    expect(runs.get(saga.id)).toEqual(['run:one', 'run:two']);
  });

  it('undoes what was done when a waiting saga is cancelled', async () => {
    const saga = await start('test.waiting');
    await settle(saga.id, ['waiting']);
    await cancelSaga(scope(), t.services.sagas, saga.id, 'not today');
    const cancelled = await settle(saga.id, ['cancelled']);
    expect(runs.get(saga.id)).toEqual(['run:one', 'undo:one']);
    expect(cancelled.errorMessage).toBe('The saga was cancelled.');
    await expect(cancelSaga(scope(), t.services.sagas, saga.id)).rejects.toMatchObject({
      code: 'saga.illegal_transition',
    });
  });

  it('answers the first saga when started again with the same idempotency key', async () => {
    const first = await start('test.three-steps', {}, { idempotencyKey: 'release-42' });
    const again = await t.services.sagas.start(
      scope(),
      'test.three-steps',
      {},
      { idempotencyKey: 'release-42' },
    );
    expect(again).toMatchObject({ created: false, saga: { id: first.id } });
    await settle(first.id, ['completed']);
  });

  it('refuses a context its type does not accept, storing nothing', async () => {
    await expect(start('test.three-steps', { failAction: { one: 'often' } })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(start('test.no-such-type')).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
