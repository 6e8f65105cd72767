import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { AnyResource } from '../../core/resource/define.ts';
import type { Executor } from '../../db/connection.ts';
import type { RebuiltEntity } from './rebuild.ts';

/**
 * The replay's working table: each entity rebuilt from its events (state null once deleted),
 * temporary and private to the replay's transaction.
 */
export async function createReplayTable(tx: Executor): Promise<void> {
  await tx.execute(sql`create temporary table audit_replay (
    id uuid primary key, version integer not null, state jsonb) on commit drop`);
}

export async function loadReplayed(tx: Executor, ids: string[]): Promise<Map<string, RebuiltEntity | null>> {
  const result = await tx.execute<{ id: string; version: number; state: RebuiltEntity | null }>(
    sql`select id, version, state from audit_replay where id in ${ids}`,
  );
  return new Map(result.rows.map((row) => [row.id, row.state]));
}

export async function saveReplayed(tx: Executor, entities: Map<string, RebuiltEntity | null>): Promise<void> {
  const rows = [...entities].map(([id, entity]) => ({ id, version: entity?.version ?? 0, state: entity }));
  await tx.execute(sql`insert into audit_replay (id, version, state)
    select id, version, state from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as replayed(id uuid, version integer, state jsonb)
    on conflict (id) do update set version = excluded.version, state = excluded.state`);
}

/** Replayed rows that exist (not deleted) with after < id <= upTo (upTo null: no upper bound). */
export async function replayedBetween(
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

/** A live row of a resource chosen at run time: its id, and its fields by name. */
export type LiveRow = { id: string } & Record<string, unknown>;

/** The next `limit` live rows of the resource in the workspace, in id order, after `after`. */
export async function liveBatch(
  tx: Executor,
  definition: AnyResource,
  workspaceId: string,
  after: string | null,
  limit: number,
): Promise<LiveRow[]> {
  const { table } = definition;
  const where = [eq(table.workspaceId, workspaceId)];
  if (after !== null) where.push(gt(table.id, after));
  // The table is chosen at run time, so Drizzle knows its rows only as fields by name; every one has an id.
  return (await tx
    .select()
    .from(table)
    .where(and(...where))
    .orderBy(asc(table.id))
    .limit(limit)) as LiveRow[];
}
