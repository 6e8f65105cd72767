import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection.ts';
import { notFound } from '../errors/app-error.ts';
import { entityMetadata } from './schema.ts';

/** What metadata needs to know of an entity type (a resource definition is one). */
export interface MetadataEntityType {
  name: string;
  label: string;
  table: PgTable & { id: PgColumn; workspaceId: PgColumn };
}

/**
 * The entity in the caller's workspace (whatever its project), or 404 — also when it belongs to
 * another workspace. `lock` holds it for the transaction, so its metadata changes one at a time.
 */
export async function findEntity(
  tx: Executor,
  definition: MetadataEntityType,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<{ id: string }> {
  const { table } = definition;
  const query = tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.workspaceId, workspaceId)))
    .limit(1);
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound(definition.label, id);
  return { id: String(row.id) };
}

/** The ids among `ids` that exist in the workspace. */
export async function existingIds(
  tx: Executor,
  definition: MetadataEntityType,
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { table } = definition;
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)));
  return new Set(rows.map((row) => String(row.id)));
}

export type MetadataSet = Record<string, unknown>;

/** Every entity's metadata as `{ key: value }`, for `?include=metadata`. */
export async function metadataOf(
  db: Executor,
  workspaceId: string,
  entityType: string,
  ids: string[],
): Promise<Map<string, MetadataSet>> {
  const sets = new Map<string, MetadataSet>(ids.map((id) => [id, {}]));
  if (!ids.length) return sets;
  const rows = await db
    .select({
      entityId: entityMetadata.entityId,
      key: entityMetadata.metaKey,
      value: entityMetadata.metaValue,
    })
    .from(entityMetadata)
    .where(
      and(
        eq(entityMetadata.workspaceId, workspaceId),
        eq(entityMetadata.entityType, entityType),
        inArray(entityMetadata.entityId, ids),
      ),
    )
    .orderBy(entityMetadata.metaKey);
  for (const row of rows) {
    const set = sets.get(row.entityId);
    if (set) set[row.key] = row.value;
  }
  return sets;
}

export const metaFilterPattern = /^filter\[meta\.([a-z][a-z0-9_-]{0,63})\]$/;

/**
 * `filter[meta.team]=payments`: rows whose metadata key holds that value — a scalar equal to it as
 * text (so `3` matches the number 3) or an array that contains it.
 */
export function metadataCondition(definition: MetadataEntityType, key: string, value: string): SQL {
  return sql`exists (select 1 from ${entityMetadata} m
    where m.entity_type = ${definition.name} and m.entity_id = ${definition.table.id}
      and m.workspace_id = ${definition.table.workspaceId} and m.meta_key = ${key}
      and ((jsonb_typeof(m.meta_value) = 'array' and m.meta_value ? ${value})
        or (jsonb_typeof(m.meta_value) <> 'array' and m.meta_value #>> '{}' = ${value})))`;
}

/**
 * After a row of `definition` is gone: removes its metadata, and the metadata of rows that the
 * database deleted with it through `on delete cascade` foreign keys (`cascaded`: a project's PRDs).
 */
export async function removeMetadataOfDeleted(
  tx: Executor,
  definition: MetadataEntityType,
  workspaceId: string,
  deletedId: string,
  cascaded: readonly MetadataEntityType[],
): Promise<void> {
  await tx
    .delete(entityMetadata)
    .where(and(eq(entityMetadata.entityType, definition.name), eq(entityMetadata.entityId, deletedId)));
  for (const dependent of cascaded) {
    await tx.execute(sql`delete from ${entityMetadata} m
      where m.workspace_id = ${workspaceId} and m.entity_type = ${dependent.name}
        and not exists (select 1 from ${dependent.table} t where t.id = m.entity_id)`);
  }
}
