import type { AppContext } from '../../../core/resource/scope.ts';
import { recordEvaluations } from '../evaluation-counts.ts';
import { loadSnapshot, snapshotStamp } from '../snapshot.ts';
import type { TallyWriter } from './counts.ts';
import type { SnapshotSource } from './snapshots.ts';

/** Snapshots read from the flags tables, bound to the key's workspace. */
export function snapshotSource(app: AppContext): SnapshotSource {
  return {
    stamp: (key) => app.tenancy.bind(key.workspaceId).read((db) => snapshotStamp(db, key.environmentId)),
    load: (key) => app.tenancy.bind(key.workspaceId).read((db) => loadSnapshot(db, key.environmentId)),
  };
}

/** Writes tallies through the flags module's evaluation counts, one statement per environment. */
export function tallyWriter(app: AppContext): TallyWriter {
  return async (tallies) => {
    const byEnvironment = new Map<string, (typeof tallies)[number][]>();
    for (const tally of tallies) {
      const list = byEnvironment.get(tally.environmentId) ?? [];
      list.push(tally);
      byEnvironment.set(tally.environmentId, list);
    }
    for (const list of byEnvironment.values()) {
      const first = list[0];
      if (!first) continue;
      const { workspaceId, projectId, environmentId } = first;
      await app.tenancy
        .bind(workspaceId)
        .read((db) => recordEvaluations(db, { workspaceId, projectId, environmentId }, list));
    }
  };
}
