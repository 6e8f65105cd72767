import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { authorize } from '../../core/auth/permissions.ts';
import { appendEvent } from '../../core/events/append.ts';
import { AppError } from '../../core/http/errors.ts';
import { resourceType } from '../../core/metadata/entities.ts';
import { metadataSchemas } from '../../core/metadata/schema.ts';
import type { Database } from '../../db/connection.ts';
import type { MetadataSchemaDefinition } from './contracts.ts';
import { metadataPermissions, schemaOf } from './service.ts';

function noSchema(entityType: string): AppError {
  return new AppError('not_found', `No metadata schema for ${entityType} in this workspace.`, {
    code: 'metadata_schema.not_found',
  });
}

/** The workspace's metadata schema for a type; 404 when none is declared. */
export async function readSchema(db: Database, ctx: RequestContext, type: string) {
  const definition = resourceType(type);
  authorize(ctx.actor, metadataPermissions.readSchema);
  const [row] = await db
    .select()
    .from(metadataSchemas)
    .where(
      and(eq(metadataSchemas.workspaceId, ctx.workspaceId), eq(metadataSchemas.entityType, definition.name)),
    );
  if (!row) throw noSchema(definition.name);
  return {
    entityType: definition.name,
    updatedAt: row.updatedAt,
    ...(row.definition as MetadataSchemaDefinition),
  };
}

/**
 * Declares (or replaces) the schema. It applies to writes from now on; metadata already stored
 * stays as it is until its entity's metadata is next written.
 */
export async function saveSchema(
  db: Database,
  ctx: RequestContext,
  type: string,
  schema: MetadataSchemaDefinition,
) {
  const definition = resourceType(type);
  authorize(ctx.actor, metadataPermissions.manageSchema);
  return db.transaction(async (tx) => {
    const before = await schemaOf(tx, ctx.workspaceId, definition.name);
    const [row] = await tx
      .insert(metadataSchemas)
      .values({ workspaceId: ctx.workspaceId, entityType: definition.name, definition: schema })
      .onConflictDoUpdate({
        target: [metadataSchemas.workspaceId, metadataSchemas.entityType],
        set: { definition: schema, updatedAt: sql`now()` },
      })
      .returning();
    if (!row) throw new Error('saving a metadata schema returned nothing');
    await appendEvent(tx, ctx, {
      eventType: 'metadata_schema.updated',
      aggregateType: 'metadata_schema',
      aggregateId: ctx.workspaceId,
      changes: { [definition.name]: { before, after: schema } },
      data: { entityType: definition.name },
    });
    return { entityType: definition.name, updatedAt: row.updatedAt, ...schema };
  });
}

/** Removes the schema: metadata of that type is free-form again. */
export async function removeSchema(db: Database, ctx: RequestContext, type: string) {
  const definition = resourceType(type);
  authorize(ctx.actor, metadataPermissions.manageSchema);
  await db.transaction(async (tx) => {
    const before = await schemaOf(tx, ctx.workspaceId, definition.name);
    if (!before) throw noSchema(definition.name);
    await tx
      .delete(metadataSchemas)
      .where(
        and(
          eq(metadataSchemas.workspaceId, ctx.workspaceId),
          eq(metadataSchemas.entityType, definition.name),
        ),
      );
    await appendEvent(tx, ctx, {
      eventType: 'metadata_schema.deleted',
      aggregateType: 'metadata_schema',
      aggregateId: ctx.workspaceId,
      changes: { [definition.name]: { before, after: null } },
      data: { entityType: definition.name },
    });
  });
}
