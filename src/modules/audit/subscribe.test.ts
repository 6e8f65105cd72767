import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../core/events/append.ts';
import type { StoredEvent } from '../../core/events/chain.ts';
import { type Subscription, subscribe } from '../../core/events/subscribe.ts';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { testDatabaseKind } from '../../test-support/database.ts';
import { createProject } from './test-helpers.ts';

let t: TestApp;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A subscriber with a fresh name that records what it receives, of one workspace only. */
async function recorder(
  caller: Caller,
  eventTypes: readonly string[] | '*',
  options: { name?: string; database?: DatabaseHandle; fail?: (event: StoredEvent) => boolean } = {},
) {
  counter += 1;
  const received: StoredEvent[] = [];
  const subscription = await subscribe(options.database ?? t.database, {
    name: options.name ?? `test-${counter}-${caller.workspaceId}`,
    eventTypes,
    pollIntervalMs: 60_000,
    handler: (event) => {
      if (event.workspaceId !== caller.workspaceId) return;
      if (options.fail?.(event)) throw new Error(`handler failed on ${event.sequence}`);
      received.push(event);
    },
  });
  return { received, subscription, sequences: () => received.map((event) => event.sequence) };
}

const stops: Subscription[] = [];
afterAll(async () => {
  for (const subscription of stops) await subscription.stop();
});

describe('subscriptions', () => {
  it('delivers committed events of the asked types, in sequence order', async () => {
    const owner = await t.newWorkspace();
    const projects = await recorder(owner, ['project.created', 'project.deleted']);
    stops.push(projects.subscription);
    const first = await createProject(owner);
    await owner.patch(`/api/v1/projects/${first.id}`, { name: 'Renamed' });
    await createProject(owner);
    await owner.delete(`/api/v1/projects/${first.id}`);
    await projects.subscription.drain();
    expect(projects.received.map((event) => [event.sequence, event.eventType])).toEqual([
      [1, 'project.created'],
      [3, 'project.created'],
      [4, 'project.deleted'],
    ]);
    expect(projects.received[0]?.aggregateId).toBe(first.id);
  });

  it('never delivers a write that failed (nothing was committed)', async () => {
    const owner = await t.newWorkspace();
    const all = await recorder(owner, '*');
    stops.push(all.subscription);
    await createProject(owner, { key: 'DUPE' });
    expect((await owner.post('/api/v1/projects', { name: 'Again', key: 'DUPE' })).status).toBe(409);
    await createProject(owner);
    await all.subscription.drain();
    expect(all.sequences()).toEqual([1, 2]);
  });

  it('resumes after a restart from its saved position, without repeating what it handled', async () => {
    const owner = await t.newWorkspace();
    const name = `resume-${owner.workspaceId}`;
    const before = await recorder(owner, '*', { name });
    await createProject(owner);
    await createProject(owner);
    await before.subscription.drain();
    await before.subscription.stop();
    await createProject(owner);
    const after = await recorder(owner, '*', { name });
    stops.push(after.subscription);
    await after.subscription.drain();
    expect(before.sequences()).toEqual([1, 2]);
    expect(after.sequences()).toEqual([3]);
  });

  it('delivers again an event whose handler failed, before any later one (at least once, in order)', async () => {
    const owner = await t.newWorkspace();
    let failing = true;
    const flaky = await recorder(owner, '*', { fail: (event) => failing && event.sequence === 2 });
    stops.push(flaky.subscription);
    for (let index = 0; index < 3; index += 1) await createProject(owner);
    await expect(flaky.subscription.drain()).rejects.toThrow('handler failed on 2');
    expect(flaky.sequences()).toEqual([1]);
    failing = false;
    await flaky.subscription.drain();
    expect(flaky.sequences()).toEqual([1, 2, 3]);
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'never skips an event that commits late, and reads nothing uncommitted',
    async () => {
      const owner = await t.newWorkspace();
      const all = await recorder(owner, '*');
      stops.push(all.subscription);
      await createProject(owner);
      // A writer that has appended event 2 but not committed yet; a second writer waits behind it.
      let commit: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let appended: () => void = () => {};
      const hasAppended = new Promise<void>((resolve) => {
        appended = resolve;
      });
      const late = t.database.db.transaction(async (tx) => {
        const ctx = {
          requestId: 'late',
          workspaceId: owner.workspaceId,
          actor: { userId: owner.userId, kind: 'person' as const, role: 'owner' as const, readOnly: false },
        };
        await appendEvent(
          tx,
          { ctx, app: t.services },
          {
            eventType: 'project.noted',
            aggregateType: 'project',
            aggregateId: '01900000-0000-7000-8000-000000000000',
            changes: {},
          },
        );
        appended();
        await held;
      });
      // The second writer starts only once event 2 is taken, so it must queue behind the late one.
      await hasAppended;
      const waiting = createProject(owner);
      await all.subscription.drain();
      expect(all.sequences()).toEqual([1]);
      commit();
      await late;
      await waiting;
      await all.subscription.drain();
      expect(all.sequences()).toEqual([1, 2, 3]);
    },
  );

  it.runIf(testDatabaseKind() === 'postgres')(
    'across two processes on one PostgreSQL: woken by notifications, each event handled once',
    async () => {
      const owner = await t.newWorkspace();
      const url = t.testDatabase.url as string;
      const second = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
      const name = `shared-${owner.workspaceId}`;
      const seen: number[] = [];
      let notify: () => void = () => {};
      const handler = (event: StoredEvent) => {
        if (event.workspaceId !== owner.workspaceId) return;
        seen.push(event.sequence);
        if (seen.length === 6) notify();
      };
      const all = new Promise<void>((resolve) => {
        notify = resolve;
      });
      const here = await subscribe(t.database, { name, eventTypes: '*', handler, pollIntervalMs: 60_000 });
      const there = await subscribe(second, { name, eventTypes: '*', handler, pollIntervalMs: 60_000 });
      try {
        for (let index = 0; index < 6; index += 1) await createProject(owner);
        // No drain and no polling: only the notifications sent on commit can deliver these.
        await all;
        await here.drain();
        await there.drain();
        expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
      } finally {
        await here.stop();
        await there.stop();
        await second.close();
      }
    },
  );
});
