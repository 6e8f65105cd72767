// Two server processes on one PostgreSQL database drive sagas together: every step runs once, no
// saga is driven by both at a time, and when one process is killed (kill -9) mid-way the other
// finishes its sagas once their leases lapse. (PGlite serves one process: PostgreSQL only.)
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabaseKind } from '../../src/test-support/database.ts';
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

const sagas = 50;
const steps = ['s1', 's2', 's3'];

describe.skipIf(testDatabaseKind() !== 'postgres')('two server processes on one PostgreSQL', () => {
  let database: ServerDatabase;
  let effects: EffectsServer;
  const servers: SagaServer[] = [];

  beforeAll(async () => {
    database = await serverDatabase('saga-scale-out');
    effects = await startEffectsServer();
  });

  afterAll(async () => {
    for (const server of servers) await killHard(server);
    await effects?.close();
    await database?.dispose();
  });

  const serve = async () => {
    const server = await startSagaServer({
      ...database.settings,
      SAGA_LEASE_SECONDS: '2',
      SAGA_EFFECTS_URL: effects.url,
    });
    servers.push(server);
    return server;
  };

  it('runs every step once, never by both at a time, and the survivor finishes the sagas of the one killed', async () => {
    // The first migrates the database; the second starts on it once it is ready.
    const doomed = await serve();
    const survivor = await serve();
    const context = { steps, workMs: 60 };
    const ids: string[] = [];
    for (let index = 0; index < sagas; index += 1) {
      // Half started through each process: each drives what it starts, and takes what is free.
      const through = index % 2 === 0 ? doomed : survivor;
      const { id } = await controlCall<{ id: string }>(through, '/start', { type: 'test.crash', context });
      ids.push(id);
    }
    // Killed mid-way, once it has done some of the work.
    await vi.waitFor(
      () =>
        expect(
          effects.reports.filter((report) => report.pid === doomed.child.pid && report.moment === 'effect')
            .length,
        ).toBeGreaterThanOrEqual(20),
      { timeout: 60_000, interval: 10 },
    );
    await killHard(doomed);
    const killedAt = Date.now();

    await vi.waitFor(
      async () => {
        const statuses = await controlCall<{ id: string; status: string }[]>(survivor, '/statuses');
        expect(statuses.filter((saga) => saga.status === 'completed')).toHaveLength(sagas);
      },
      { timeout: 120_000, interval: 250 },
    );

    const doomedPid = doomed.child.pid;
    const survivorPid = survivor.child.pid;
    let handedOver = 0;
    for (const id of ids) {
      const reports = effects.reports.filter((report) => report.sagaId === id);
      const byDoomed = reports.filter((report) => report.pid === doomedPid);
      const bySurvivor = reports.filter((report) => report.pid === survivorPid);
      expect(byDoomed.length + bySurvivor.length).toBe(reports.length);
      // Never both at a time: the survivor touched a saga of the killed process only after the kill.
      if (byDoomed.length && bySurvivor.length) {
        handedOver += 1;
        expect(Math.min(...bySurvivor.map((report) => report.at))).toBeGreaterThanOrEqual(killedAt);
      }
      const lastOfDoomed: StepReport | undefined = byDoomed.at(-1);
      for (const step of steps) {
        const done = effects.effects(id, step);
        const doneBy = (pid: number | undefined) => done.filter((report) => report.pid === pid).length;
        // Each process did each step at most once; a step done twice is the one the kill cut off
        // after its effect, before its outcome committed — done again, with the same key.
        expect(doneBy(survivorPid)).toBeLessThanOrEqual(1);
        expect(doneBy(doomedPid)).toBeLessThanOrEqual(1);
        expect(done.length).toBeGreaterThanOrEqual(1);
        if (done.length === 2) {
          expect(lastOfDoomed?.step).toBe(step);
          expect(done[0]?.key).toBe(done[1]?.key);
        }
      }
    }
    // The kill did land mid-way: some sagas changed hands, and both processes drove some.
    expect(handedOver).toBeGreaterThan(0);
    expect(effects.reports.some((report) => report.pid === survivorPid)).toBe(true);
  }, 240_000);
});
