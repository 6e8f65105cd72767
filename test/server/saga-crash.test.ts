// A server killed (kill -9) while it drives sagas: after a restart on the same database every saga
// reaches its right end, no completed step runs again, the step that was cut off runs again with
// the same idempotency key, and a saga waiting for a signal still waits and moves on when signalled.
// The server runs the crash-test saga type (src/test-support/saga-crash-module.ts), whose steps
// report each side effect to an HTTP server of the test's and block where the test holds them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  controlCall,
  type EffectsServer,
  killHard,
  type SagaServer,
  type StepReport,
  startEffectsServer,
  startSagaServer,
} from '../../src/test-support/saga-crash.ts';
import { type ServerDatabase, serverDatabase } from '../../src/test-support/server-process.ts';

let database: ServerDatabase;
let effects: EffectsServer;

beforeAll(async () => {
  database = await serverDatabase('saga-crash');
  effects = await startEffectsServer();
});

afterAll(async () => {
  await effects?.close();
  await database?.dispose();
});

/** A short lease, so that a restarted process takes over its dead predecessor's sagas in seconds. */
const serve = () =>
  startSagaServer({ ...database.settings, SAGA_LEASE_SECONDS: '2', SAGA_EFFECTS_URL: effects.url });

interface SagaView {
  saga: { id: string; status: string; currentStep: number; outputs: Record<string, unknown> };
  steps: { stepName: string; phase: string; attempt: number; status: string; idempotencyKey: string }[];
}

const start = async (server: SagaServer, steps: string[], extra: object = {}) =>
  (await controlCall<{ id: string }>(server, '/start', { type: 'test.crash', context: { steps, ...extra } }))
    .id;
const read = (server: SagaServer, id: string) => controlCall<SagaView>(server, `/saga/${id}`);

const reportsOf = (id: string, step: string, phase: string, moment: string) =>
  effects.reports.filter(
    (report) =>
      report.sagaId === id && report.step === step && report.phase === phase && report.moment === moment,
  );
const is =
  (step: string, phase: string, moment: string) =>
  (report: StepReport): boolean =>
    report.step === step && report.phase === phase && report.moment === moment;

describe('a server killed while it drives sagas', () => {
  it('resumes every saga after a restart at the step that was cut off, running no finished step again', async () => {
    let first = await serve();
    const ids = { waiting: '', first: '', between: '', during: '', undoing: '' };
    try {
      // The waiting saga first: it waits without holding a driver.
      ids.waiting = await start(first, ['w1', 'w2'], { waitFor: 'go' });
      await vi.waitFor(async () => expect((await read(first, ids.waiting)).saga.status).toBe('waiting'), {
        timeout: 30_000,
      });
      // Each of the others is held at its point until the kill.
      effects.rule = (report) => {
        if (report.pid !== first.child.pid) return 'go';
        if (is('f1', 'action', 'before')(report)) return 'hold'; // before its first step does anything
        if (is('p2', 'action', 'before')(report)) return 'hold'; // after p1 committed, before p2 acts
        if (is('d2', 'action', 'effect')(report)) return 'hold'; // during d2: its effect done, not committed
        if (is('c3', 'action', 'before')(report)) return 'fail'; // c3 fails: undo c2, then c1
        if (is('c2', 'compensation', 'before')(report)) return 'hold'; // during the undoing of c2
        return 'go';
      };
      ids.first = await start(first, ['f1', 'f2', 'f3']);
      ids.between = await start(first, ['p1', 'p2', 'p3']);
      ids.during = await start(first, ['d1', 'd2', 'd3']);
      ids.undoing = await start(first, ['c1', 'c2', 'c3']);
      await Promise.all(
        [
          is('f1', 'action', 'before'),
          is('p2', 'action', 'before'),
          is('d2', 'action', 'effect'),
          is('c2', 'compensation', 'before'),
        ].map((match) => effects.next(match)),
      );
    } finally {
      await killHard(first);
    }
    effects.rule = () => 'go';

    first = await serve();
    try {
      const ended = async (id: string, status: string) =>
        vi.waitFor(async () => expect((await read(first, id)).saga.status).toBe(status), {
          timeout: 60_000,
          interval: 200,
        });
      await ended(ids.first, 'completed');
      await ended(ids.between, 'completed');
      await ended(ids.during, 'completed');
      await ended(ids.undoing, 'failed');
      // The waiting saga still waits: nothing it waits for came.
      expect((await read(first, ids.waiting)).saga.status).toBe('waiting');
      expect(reportsOf(ids.waiting, 'w2', 'action', 'before')).toHaveLength(0);
      await controlCall(first, `/signal/${ids.waiting}/go`, { note: 'after the restart' });
      await ended(ids.waiting, 'completed');

      const count = (id: string, step: string, phase: 'action' | 'compensation' = 'action') =>
        effects.effects(id, step, phase).length;
      // Cut off before acting: ran once, on its second attempt, with the first attempt's key.
      expect(['f1', 'f2', 'f3'].map((step) => count(ids.first, step))).toEqual([1, 1, 1]);
      expect(new Set(reportsOf(ids.first, 'f1', 'action', 'before').map((r) => r.key)).size).toBe(1);
      expect(reportsOf(ids.first, 'f1', 'action', 'before')).toHaveLength(2);
      // Between p1 and p2's work: p1 never ran again.
      expect(['p1', 'p2', 'p3'].map((step) => count(ids.between, step))).toEqual([1, 1, 1]);
      expect(reportsOf(ids.between, 'p1', 'action', 'before')).toHaveLength(1);
      // Cut off after its effect, before its outcome committed: at least once — twice, same key.
      expect(['d1', 'd2', 'd3'].map((step) => count(ids.during, step))).toEqual([1, 2, 1]);
      const keys = effects.effects(ids.during, 'd2').map((report) => report.key);
      expect(keys[0]).toBe(keys[1]);
      expect(effects.effects(ids.during, 'd2').map((report) => report.attempt)).toEqual([1, 2]);
      // Cut off while undoing c2: c2's undo ran once after the restart, then c1's; c3 never acted.
      expect(['c1', 'c2', 'c3'].map((step) => count(ids.undoing, step))).toEqual([1, 1, 0]);
      expect(['c1', 'c2', 'c3'].map((step) => count(ids.undoing, step, 'compensation'))).toEqual([1, 1, 0]);
      expect(reportsOf(ids.undoing, 'c2', 'compensation', 'before')).toHaveLength(2);
      const undo = effects.effects(ids.undoing, 'c1', 'compensation')[0];
      const undoTwo = effects.effects(ids.undoing, 'c2', 'compensation')[0];
      expect(undoTwo && undo && undoTwo.at <= undo.at).toBe(true);
      // Each waiting step ran once; the signal came after the restart.
      expect(['w1', 'w2'].map((step) => count(ids.waiting, step))).toEqual([1, 1]);

      // The timelines record the attempts the kill cut off as interrupted.
      const timeline = async (id: string, step: string, phase = 'action') =>
        (await read(first, id)).steps
          .filter((row) => row.stepName === step && row.phase === phase)
          .map((row) => `${row.attempt}:${row.status}`);
      expect(await timeline(ids.first, 'f1')).toEqual(['1:interrupted', '2:succeeded']);
      expect(await timeline(ids.between, 'p1')).toEqual(['1:succeeded']);
      expect(await timeline(ids.between, 'p2')).toEqual(['1:interrupted', '2:succeeded']);
      expect(await timeline(ids.during, 'd2')).toEqual(['1:interrupted', '2:succeeded']);
      expect(await timeline(ids.undoing, 'c2', 'compensation')).toEqual(['1:interrupted', '2:succeeded']);
      expect(await timeline(ids.waiting, 'wait')).toEqual(['1:succeeded']);
    } finally {
      await killHard(first);
    }
  }, 240_000);
});
