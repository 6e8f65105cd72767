import { AppError } from '../../core/errors/app-error.ts';
import { diffFields } from '../../core/events/append.ts';
import type { AnyResource } from '../../core/resource/define.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { auditedFields } from '../../core/resource/service.ts';
import type { Transaction } from '../../db/connection.ts';
import type { ReplayDifference, ReplayReport } from './contracts.ts';
import { readableValues } from './events.ts';
import { eventsInBatches } from './events-store.ts';
import { applyEvent } from './rebuild.ts';
import { createReplayTable, liveBatch, loadReplayed, replayedBetween, saveReplayed } from './replay-store.ts';

const batchSize = 500;
const maxListed = 100;

type Decode = (field: string, value: unknown) => unknown;

/**
 * Rebuilds the workspace's current rows of one resource type from its events into a temporary
 * table, then compares them with the live table row by row (a merge join on id, in batches), and
 * reports every row that differs. Zero differences means the trail explains the table exactly.
 */
export async function replayResource(scope: Scope, type: string): Promise<ReplayReport> {
  const definition = scope.app.resources.get(type);
  if (!definition) {
    const known = scope.app.resources
      .all()
      .map((resource) => resource.name)
      .join(', ');
    throw new AppError('validation_failed', `type: unknown resource type; known: ${known}`, {
      errors: [{ path: 'type', message: `must be one of ${known}` }],
    });
  }
  // Replay compares plain values; it needs audit.administer, which the roles that may see them hold.
  const decode = readableValues(scope, true);
  return scope.db.transaction(async (tx) => {
    await createReplayTable(tx);
    const eventsRead = await replayEvents(tx, scope.ctx.workspaceId, definition, decode);
    return { ...(await compareWithLive(tx, scope.ctx.workspaceId, definition)), eventsRead };
  });
}

/** Applies every event of the type to the replay table, batch by batch; answers how many were read. */
async function replayEvents(
  tx: Transaction,
  workspaceId: string,
  definition: AnyResource,
  decode: Decode,
): Promise<number> {
  let eventsRead = 0;
  const batches = eventsInBatches(
    (work) => work(tx),
    workspaceId,
    { aggregateType: definition.name },
    batchSize,
  );
  for await (const batch of batches) {
    eventsRead += batch.length;
    const entities = await loadReplayed(tx, [...new Set(batch.map((event) => event.aggregateId))]);
    for (const event of batch) {
      entities.set(event.aggregateId, applyEvent(entities.get(event.aggregateId) ?? null, event, decode));
    }
    await saveReplayed(tx, entities);
  }
  return eventsRead;
}

/** Walks the live table and the replayed rows together in id order, recording each difference. */
async function compareWithLive(
  tx: Transaction,
  workspaceId: string,
  definition: AnyResource,
): Promise<ReplayReport> {
  const fields = [...auditedFields(definition), 'version'];
  const report: ReplayReport = {
    aggregateType: definition.name,
    eventsRead: 0,
    rowsReplayed: 0,
    rowsLive: 0,
    differenceCount: 0,
    differences: [],
  };
  const record = (difference: ReplayDifference) => {
    report.differenceCount += 1;
    if (report.differences.length < maxListed) report.differences.push(difference);
  };
  let after: string | null = null;
  for (;;) {
    const live = await liveBatch(tx, definition, workspaceId, after, batchSize);
    const upTo = live.at(-1)?.id ?? null;
    const replayed = await replayedBetween(tx, after, upTo);
    report.rowsLive += live.length;
    report.rowsReplayed += replayed.size;
    for (const row of live) {
      const rebuilt = replayed.get(row.id);
      replayed.delete(row.id);
      if (!rebuilt) {
        record({ id: row.id, kind: 'missing_replayed' });
        continue;
      }
      const changes = diffFields({ ...rebuilt.state, version: rebuilt.version }, row, fields);
      if (Object.keys(changes).length > 0) {
        const shown = Object.fromEntries(
          Object.entries(changes).map(([field, change]) => [
            field,
            { replayed: change.before, live: change.after },
          ]),
        );
        record({ id: row.id, kind: 'differs', fields: shown });
      }
    }
    for (const id of replayed.keys()) record({ id, kind: 'missing_live' });
    if (upTo === null) return report;
    after = upTo;
  }
}
