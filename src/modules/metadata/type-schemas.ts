import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { MetadataSchemaDefinition } from './contracts.ts';
import { deleteSchema, schemaOf, storedSchemaOf, storeSchema } from './store.ts';

// The schemas a workspace declares for the metadata of each entity type.

function noSchema(entityType: string): AppError {
  return new AppError('not_found', `No metadata schema for ${entityType} in this workspace.`, {
    code: 'metadata_schema.not_found',
  });
}

/** The workspace's metadata schema for a type; 404 when none is declared. */
export async function readSchema(scope: Scope, type: string) {
  const definition = scope.app.resources.require(type);
  const stored = await scope.db.read((db) => storedSchemaOf(db, scope.ctx.workspaceId, definition.name));
  if (!stored) throw noSchema(definition.name);
  return { entityType: definition.name, updatedAt: stored.updatedAt, ...stored.definition };
}

/**
 * Declares (or replaces) the schema. It applies to writes from now on; metadata already stored
 * stays as it is until its entity's metadata is next written.
 */
export async function saveSchema(scope: Scope, type: string, schema: MetadataSchemaDefinition) {
  const definition = scope.app.resources.require(type);
  const { workspaceId } = scope.ctx;
  return scope.db.transaction(async (tx) => {
    const before = await schemaOf(tx, workspaceId, definition.name);
    const updatedAt = await storeSchema(tx, workspaceId, definition.name, schema);
    await appendEvent(tx, scope, {
      eventType: 'metadata_schema.updated',
      aggregateType: 'metadata_schema',
      aggregateId: workspaceId,
      changes: { [definition.name]: { before, after: schema } },
      data: { entityType: definition.name },
    });
    return { entityType: definition.name, updatedAt, ...schema };
  });
}

/** Removes the schema: metadata of that type is free-form again. */
export async function removeSchema(scope: Scope, type: string): Promise<void> {
  const definition = scope.app.resources.require(type);
  const { workspaceId } = scope.ctx;
  await scope.db.transaction(async (tx) => {
    const before = await schemaOf(tx, workspaceId, definition.name);
    if (!before) throw noSchema(definition.name);
    await deleteSchema(tx, workspaceId, definition.name);
    await appendEvent(tx, scope, {
      eventType: 'metadata_schema.deleted',
      aggregateType: 'metadata_schema',
      aggregateId: workspaceId,
      changes: { [definition.name]: { before, after: null } },
      data: { entityType: definition.name },
    });
  });
}
