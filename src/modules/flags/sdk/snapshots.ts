import { createHash } from 'node:crypto';
import {
  type CompiledSnapshot,
  compileSnapshot,
  type EnvironmentSnapshot,
  toUnleashFeatures,
} from '../../../engines/flag-eval/index.ts';
import type { SdkKey } from './keys.ts';

/** Where snapshots come from: the flags module's loader and its cheap change marker. */
export interface SnapshotSource {
  stamp(key: SdkKey): Promise<string>;
  load(key: SdkKey): Promise<EnvironmentSnapshot>;
}

/** One environment's flags, compiled for evaluation, with what is derived from them on demand. */
export interface ServedSnapshot {
  readonly environmentId: string;
  readonly stamp: string;
  readonly snapshot: EnvironmentSnapshot;
  readonly compiled: CompiledSnapshot;
  /** A short hash of the stamp: the part of every ETag that changes with the flags. */
  readonly revision: string;
  /** The Unleash client payload (with its `query` and `meta`), serialized once per revision. */
  unleashFeatures(): string;
}

export interface SnapshotCacheOptions {
  /** How often a snapshot in use is checked against its stamp (the default 500 ms). */
  revalidateMs?: number;
  /** Older than this (the default 1 s), a request waits for the check instead of being served the snapshot it has. */
  maxStaleMs?: number;
  now?: () => number;
}

interface Entry {
  served: ServedSnapshot;
  checkedAt: number;
  checking: Promise<ServedSnapshot> | null;
}

export interface SnapshotCache {
  current(key: SdkKey): Promise<ServedSnapshot>;
}

/**
 * Compiled snapshots, one per environment, kept in memory. A snapshot is checked against the
 * database's stamp at most every `revalidateMs` and compiled again only when the stamp moved. Under
 * steady traffic the check runs in the background while requests are served the snapshot in
 * memory; a request that finds it unchecked for longer than `maxStaleMs` (an idle environment, a
 * poll every few seconds) waits for the check, so a change is never served late by more than that.
 */
export function createSnapshotCache(
  source: SnapshotSource,
  options: SnapshotCacheOptions = {},
): SnapshotCache {
  const revalidateMs = options.revalidateMs ?? 500;
  const maxStaleMs = options.maxStaleMs ?? 1_000;
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<ServedSnapshot>>();

  const build = async (key: SdkKey, stamp: string): Promise<ServedSnapshot> =>
    servedSnapshot(key.environmentId, stamp, await source.load(key));

  const check = (key: SdkKey, entry: Entry): Promise<ServedSnapshot> => {
    entry.checking ??= (async () => {
      // The check is as fresh as its stamp read, not as its end: a change committed while it ran is
      // caught by the next one.
      const startedAt = now();
      try {
        const stamp = await source.stamp(key);
        if (stamp !== entry.served.stamp) entry.served = await build(key, stamp);
        entry.checkedAt = startedAt;
        return entry.served;
      } finally {
        entry.checking = null;
      }
    })();
    return entry.checking;
  };

  const first = (key: SdkKey): Promise<ServedSnapshot> => {
    let pending = loading.get(key.environmentId);
    if (!pending) {
      pending = (async () => {
        const startedAt = now();
        const served = await build(key, await source.stamp(key));
        entries.set(key.environmentId, { served, checkedAt: startedAt, checking: null });
        return served;
      })().finally(() => loading.delete(key.environmentId));
      loading.set(key.environmentId, pending);
    }
    return pending;
  };

  return {
    current(key) {
      const entry = entries.get(key.environmentId);
      if (!entry) return first(key);
      const age = now() - entry.checkedAt;
      if (age >= 0 && age < revalidateMs) return Promise.resolve(entry.served);
      // A clock set back (age < 0) must not stop the checks.
      if (age > maxStaleMs || age < 0) return check(key, entry);
      void check(key, entry).catch(() => undefined);
      return Promise.resolve(entry.served);
    },
  };
}

function servedSnapshot(environmentId: string, stamp: string, snapshot: EnvironmentSnapshot): ServedSnapshot {
  let unleash: string | undefined;
  const revision = createHash('sha256').update(`${environmentId}:${stamp}`).digest('base64url').slice(0, 16);
  return {
    environmentId,
    stamp,
    snapshot,
    compiled: compileSnapshot(snapshot),
    revision,
    unleashFeatures() {
      unleash ??= JSON.stringify({
        ...toUnleashFeatures(snapshot),
        query: { environment: snapshot.environment, inlineSegmentConstraints: false },
        meta: { etag: `"${revision}"`, revisionId: null, queryHash: revision },
      });
      return unleash;
    },
  };
}
