import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { diffFields } from '../../core/events/append.ts';
import type { ResourceDefinition, Row } from '../../core/resource/define.ts';
import { auditedFields } from '../../core/resource/service.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { eventsInBatches } from './events-store.ts';
import { applyEvent, type RebuiltEntity } from './rebuild.ts';

export interface ReplayDifference {
  id: string;
  /** `missing_live`: events say it exists, the table has no row; `missing_replayed`: the reverse. */
  kind: 'differs' | 'missing_live' | 'missing_replayed';
  /** For `differs`: each differing field, as replayed and as live. */
  fields?: Record<string, { replayed: unknown; live: unknown }>;
}

export interface ReplayReport {
  aggregateType: string;
  eventsRead: number;
  rowsReplayed: number;
  rowsLive: number;
  differenceCount: number;
  /** The first `maxListed` differences. */
  differences: ReplayDifference[];
}

const batchSize = 500;
const maxListed = 100;

/**
 * Rebuilds the workspace's current rows of one resource type from its events into a temporary
 * table, then compares them with the live table row by row (a merge join on id, in batches), and
 * reports every row that differs. Zero differences means the trail explains the table exactly.
 */
export async function replayResource(
  db: Database,
  workspaceId: string,
  definition: ResourceDefinition,
  decode?: (field: string, value: unknown) => unknown,
): Promise<ReplayReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table audit_replay (
      id uuid primary key, version integer not null, state jsonb) on commit drop`);
    let eventsRead = 0;
    for await (const batch of eventsInBatches(
      tx,
      workspaceId,
      { aggregateType: definition.name },
      batchSize,
    )) {
      eventsRead += batch.length;
      const entities = await loadReplayed(tx, [...new Set(batch.map((event) => event.aggregateId))]);
      for (const event of batch) {
        entities.set(event.aggregateId, applyEvent(entities.get(event.aggregateId) ?? null, event, decode));
      }
      await saveReplayed(tx, entities);
    }
    const fields = [...auditedFields(definition), 'version'];
    const report: ReplayReport = {
      aggregateType: definition.name,
      eventsRead,
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
      const live = await liveBatch(tx, definition, workspaceId, after);
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
      if (upTo === null) break;
      after = upTo;
    }
    return report;
  });
}

async function loadReplayed(tx: Executor, ids: string[]): Promise<Map<string, RebuiltEntity | null>> {
  const result = await tx.execute<{ id: string; version: number; state: RebuiltEntity | null }>(
    sql`select id, version, state from audit_replay where id in ${ids}`,
  );
  return new Map(result.rows.map((row) => [row.id, row.state]));
}

async function saveReplayed(tx: Executor, entities: Map<string, RebuiltEntity | null>): Promise<void> {
  const rows = [...entities].map(([id, entity]) => ({ id, version: entity?.version ?? 0, state: entity }));
  await tx.execute(sql`insert into audit_replay (id, version, state)
    select id, version, state from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as replayed(id uuid, version integer, state jsonb)
    on conflict (id) do update set version = excluded.version, state = excluded.state`);
}

/** Replayed rows that exist (not deleted) with after < id <= upTo (upTo null: no upper bound). */
async function replayedBetween(
  tx: Executor,
  after: string | null,
  upTo: string | null,
): Promise<Map<string, RebuiltEntity>> {
  const lower = after === null ? sql`true` : sql`id > ${after}`;
  const upper = upTo === null ? sql`true` : sql`id <= ${upTo}`;
  const result = await tx.execute<{ id: string; state: RebuiltEntity }>(
    sql`select id, state from audit_replay where state is not null and ${lower} and ${upper} order by id`,
  );
  return new Map(result.rows.map((row) => [row.id, row.state]));
}

async function liveBatch(
  tx: Executor,
  definition: ResourceDefinition,
  workspaceId: string,
  after: string | null,
): Promise<Row[]> {
  const { table } = definition;
  const where = [eq(table.workspaceId, workspaceId)];
  if (after !== null) where.push(gt(table.id, after));
  return (await tx
    .select()
    .from(table)
    .where(and(...where))
    .orderBy(asc(table.id))
    .limit(batchSize)) as Row[];
}
