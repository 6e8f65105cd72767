import { describe, expect, it } from 'vitest';
import type { EnvironmentSnapshot } from '../../../engines/flag-eval/index.ts';
import { createEvaluationCounter, type ScopedTally } from './counts.ts';
import type { SdkKey } from './keys.ts';
import { createSnapshotCache } from './snapshots.ts';

const key: SdkKey = {
  id: 'key',
  workspaceId: 'workspace',
  projectId: 'project',
  environmentId: 'production-id',
  environment: 'production',
  kind: 'server',
};

function snapshotWith(enabled: boolean): EnvironmentSnapshot {
  return {
    environment: 'production',
    segments: [],
    flags: [
      { key: 'a', type: 'boolean', enabled, rules: [], variants: [], defaultValue: false, prerequisites: [] },
    ],
  };
}

/** A source whose stamp and snapshot the test moves, counting how often each is read. */
function fakeSource() {
  const state = { stamp: 's1', enabled: false, stampReads: 0, loads: 0 };
  return {
    state,
    source: {
      stamp: async () => {
        state.stampReads++;
        return state.stamp;
      },
      load: async () => {
        state.loads++;
        return snapshotWith(state.enabled);
      },
    },
  };
}

describe('the snapshot cache', () => {
  it('reads nothing within the revalidation interval, checks in the background after it, waits when stale', async () => {
    let now = 0;
    const { state, source } = fakeSource();
    const cache = createSnapshotCache(source, { revalidateMs: 500, maxStaleMs: 1_000, now: () => now });
    const first = await cache.current(key);
    expect(first.compiled.keys).toEqual(['a']);
    expect(state).toMatchObject({ stampReads: 1, loads: 1 });

    now = 400;
    expect(await cache.current(key)).toBe(first);
    expect(state.stampReads).toBe(1);

    state.stamp = 's2';
    state.enabled = true;
    now = 700;
    // Due: served what is in memory at once, checked in the background.
    expect(await cache.current(key)).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    const second = await cache.current(key);
    expect(second).not.toBe(first);
    expect(second.revision).not.toBe(first.revision);
    expect(state.loads).toBe(2);

    state.stamp = 's3';
    now = 5_000;
    // Unchecked for longer than maxStaleMs: the request waits for the check.
    const third = await cache.current(key);
    expect(third.stamp).toBe('s3');
  });

  it('compiles again only when the stamp moved', async () => {
    let now = 0;
    const { state, source } = fakeSource();
    const cache = createSnapshotCache(source, { now: () => now });
    await cache.current(key);
    now = 10_000;
    await cache.current(key);
    expect(state).toMatchObject({ stampReads: 2, loads: 1 });
  });
});

describe('the evaluation counter', () => {
  it('adds evaluations up per flag and variant and writes them once on close', async () => {
    const written: ScopedTally[][] = [];
    const counter = createEvaluationCounter(
      async (tallies) => {
        written.push([...tallies]);
      },
      () => undefined,
      60_000,
    );
    counter.count(key, 'a', 'on', true);
    counter.count(key, 'a', 'on', true);
    counter.count(key, 'a', 'off', false, 3);
    await counter.close();
    expect(written).toHaveLength(1);
    const rows = written[0]?.map(({ flagKey, variant, yes, no }) => ({ flagKey, variant, yes, no }));
    expect(rows).toEqual([
      { flagKey: 'a', variant: 'on', yes: 2, no: 0 },
      { flagKey: 'a', variant: 'off', yes: 0, no: 3 },
    ]);
  });

  it('keeps the counts of a failed write for the next one', async () => {
    let fail = true;
    const written: ScopedTally[] = [];
    const counter = createEvaluationCounter(
      async (tallies) => {
        if (fail) throw new Error('database away');
        written.push(...tallies);
      },
      () => undefined,
      60_000,
    );
    counter.count(key, 'a', '', true);
    await counter.flush();
    fail = false;
    counter.count(key, 'a', '', true);
    await counter.close();
    expect(written.map(({ yes }) => yes)).toEqual([2]);
  });
});
