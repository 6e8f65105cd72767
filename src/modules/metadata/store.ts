import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MetadataEntityType, MetadataSet } from '../../core/metadata/entities.ts';
import { entityMetadata, metadataSchemas } from '../../core/metadata/schema.ts';
import type { Executor } from '../../db/connection.ts';
import { type MetadataSchemaDefinition, metadataSchemaBody } from './contracts.ts';

/** The workspace's schema for an entity type, with when it was last declared; null when none is. */
export async function storedSchemaOf(
  db: Executor,
  workspaceId: string,
  entityType: string,
): Promise<{ definition: MetadataSchemaDefinition; updatedAt: Date } | null> {
  const [row] = await db
    .select({ definition: metadataSchemas.definition, updatedAt: metadataSchemas.updatedAt })
    .from(metadataSchemas)
    .where(and(eq(metadataSchemas.workspaceId, workspaceId), eq(metadataSchemas.entityType, entityType)));
  if (!row) return null;
  // Every stored definition went through this schema on its way in; parsing it again types it.
  return { definition: metadataSchemaBody.parse(row.definition), updatedAt: row.updatedAt };
}

/** The workspace's schema for an entity type, or null when it declared none. */
export async function schemaOf(
  db: Executor,
  workspaceId: string,
  entityType: string,
): Promise<MetadataSchemaDefinition | null> {
  return (await storedSchemaOf(db, workspaceId, entityType))?.definition ?? null;
}

/** Declares (or replaces) the schema of an entity type; answers when it was stored. */
export async function storeSchema(
  db: Executor,
  workspaceId: string,
  entityType: string,
  definition: MetadataSchemaDefinition,
): Promise<Date> {
  const [row] = await db
    .insert(metadataSchemas)
    .values({ workspaceId, entityType, definition })
    .onConflictDoUpdate({
      target: [metadataSchemas.workspaceId, metadataSchemas.entityType],
      set: { definition, updatedAt: sql`now()` },
    })
    .returning({ updatedAt: metadataSchemas.updatedAt });
  if (!row) throw new Error('saving a metadata schema returned nothing');
  return row.updatedAt;
}

export async function deleteSchema(db: Executor, workspaceId: string, entityType: string): Promise<void> {
  await db
    .delete(metadataSchemas)
    .where(and(eq(metadataSchemas.workspaceId, workspaceId), eq(metadataSchemas.entityType, entityType)));
}

/** Locks the listed entities of one type that exist in the workspace; answers their ids. */
export async function lockExisting(
  tx: Executor,
  definition: MetadataEntityType,
  workspaceId: string,
  ids: string[],
): Promise<Set<string>> {
  const { table } = definition;
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)))
    .for('update');
  return new Set(rows.map((row) => String(row.id)));
}

/** One entity's metadata, as stored: its workspace, type and id. */
export interface MetadataOwner {
  workspaceId: string;
  entityType: string;
  entityId: string;
}

export async function deleteKeys(tx: Executor, owner: MetadataOwner, keys: string[]): Promise<void> {
  await tx
    .delete(entityMetadata)
    .where(
      and(
        eq(entityMetadata.workspaceId, owner.workspaceId),
        eq(entityMetadata.entityType, owner.entityType),
        eq(entityMetadata.entityId, owner.entityId),
        inArray(entityMetadata.metaKey, keys),
      ),
    );
}

/** Writes the given keys of `set`, inserting new ones and overwriting those that exist. */
export async function writeKeys(
  tx: Executor,
  owner: MetadataOwner,
  set: MetadataSet,
  keys: string[],
  userId: string,
): Promise<void> {
  await tx
    .insert(entityMetadata)
    .values(
      keys.map((key) => ({
        workspaceId: owner.workspaceId,
        entityType: owner.entityType,
        entityId: owner.entityId,
        metaKey: key,
        metaValue: set[key],
        updatedBy: userId,
      })),
    )
    .onConflictDoUpdate({
      target: [entityMetadata.entityType, entityMetadata.entityId, entityMetadata.metaKey],
      set: {
        metaValue: sql`excluded.meta_value`,
        updatedAt: sql`now()`,
        updatedBy: sql`excluded.updated_by`,
      },
    });
}
