import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { authorize, definePermission } from '../../core/auth/permissions.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { FieldChanges } from '../../core/events/schema.ts';
import { AppError, type FieldError } from '../../core/http/errors.ts';
import { findEntity, type MetadataSet, metadataOf, resourceType } from '../../core/metadata/entities.ts';
import { entityMetadata, metadataSchemas } from '../../core/metadata/schema.ts';
import type { ResourceDefinition } from '../../core/resource/define.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { type MetadataSchemaDefinition, maxKeysPerEntity } from './contracts.ts';
import { schemaErrors } from './validation.ts';

export const metadataPermissions = {
  /** The route-level gate; reading an entity's metadata also needs that entity's read permission. */
  read: definePermission('metadata.read', 'read'),
  /** The route-level gate; changing metadata also needs the entity's update permission. */
  write: definePermission('metadata.write', 'write'),
  readSchema: definePermission('metadata_schema.read', 'read'),
  manageSchema: definePermission('metadata_schema.manage', 'administer'),
};

/** The workspace's schema for an entity type, or null when it declared none. */
export async function schemaOf(
  db: Executor,
  workspaceId: string,
  entityType: string,
): Promise<MetadataSchemaDefinition | null> {
  const [row] = await db
    .select({ definition: metadataSchemas.definition })
    .from(metadataSchemas)
    .where(and(eq(metadataSchemas.workspaceId, workspaceId), eq(metadataSchemas.entityType, entityType)));
  return (row?.definition as MetadataSchemaDefinition | undefined) ?? null;
}

/** JSON with sorted object keys, so that equal values compare equal whatever order they came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What differs between two sets, as audit field changes. */
function diffSets(before: MetadataSet, after: MetadataSet): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const previous = key in before ? before[key] : null;
    const next = key in after ? after[key] : null;
    if (canonical(previous) !== canonical(next)) changes[key] = { before: previous, after: next };
  }
  return changes;
}

/** Writes the difference between two sets of one entity and records it, in the caller's transaction. */
export async function saveSet(
  tx: Executor,
  ctx: RequestContext,
  definition: ResourceDefinition,
  entityId: string,
  before: MetadataSet,
  after: MetadataSet,
): Promise<boolean> {
  const changes = diffSets(before, after);
  const keys = Object.keys(changes);
  if (!keys.length) return false;
  const removed = keys.filter((key) => !(key in after));
  const written = keys.filter((key) => key in after);
  if (removed.length) {
    await tx
      .delete(entityMetadata)
      .where(
        and(
          eq(entityMetadata.entityType, definition.name),
          eq(entityMetadata.entityId, entityId),
          inArray(entityMetadata.metaKey, removed),
        ),
      );
  }
  if (written.length) {
    await tx
      .insert(entityMetadata)
      .values(
        written.map((key) => ({
          workspaceId: ctx.workspaceId,
          entityType: definition.name,
          entityId,
          metaKey: key,
          metaValue: after[key],
          updatedBy: ctx.actor.userId,
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
  await appendEvent(tx, ctx, {
    eventType: 'entity_metadata.changed',
    aggregateType: 'entity_metadata',
    aggregateId: entityId,
    changes,
    data: { entityType: definition.name },
  });
  return true;
}

function rejected(errors: FieldError[], detail: string): AppError {
  return new AppError(
    'unprocessable',
    `${detail}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
    {
      code: 'metadata.invalid',
      errors,
    },
  );
}

/** Checks the size and the schema of a set as it would be stored. */
function checkSet(schema: MetadataSchemaDefinition | null, set: MetadataSet, prefix: string): FieldError[] {
  const errors = schemaErrors(schema, set, prefix);
  if (Object.keys(set).length > maxKeysPerEntity)
    errors.push({ path: prefix, message: `at most ${maxKeysPerEntity} keys per entity` });
  return errors;
}

/** An entity's metadata; 404 for an unknown type or an entity outside the caller's workspace. */
export async function readMetadata(db: Database, ctx: RequestContext, type: string, id: string) {
  const definition = resourceType(type);
  authorize(ctx.actor, definition.permissions.read);
  await findEntity(db, definition, ctx.workspaceId, id);
  const sets = await metadataOf(db, ctx.workspaceId, definition.name, [id]);
  return { entityType: definition.name, entityId: id, metadata: sets.get(id) ?? {} };
}

/**
 * Replaces (`replace`) or merges (`merge`: null deletes a key) an entity's metadata, checked
 * against the workspace's schema, audited, with the entity locked for the transaction.
 */
export async function writeMetadata(
  db: Database,
  ctx: RequestContext,
  type: string,
  id: string,
  mode: 'replace' | 'merge',
  input: Record<string, unknown>,
) {
  const definition = resourceType(type);
  authorize(ctx.actor, definition.permissions.update);
  return db.transaction(async (tx) => {
    await findEntity(tx, definition, ctx.workspaceId, id, true);
    const before = (await metadataOf(tx, ctx.workspaceId, definition.name, [id])).get(id) ?? {};
    const after: MetadataSet = mode === 'replace' ? {} : { ...before };
    for (const [key, value] of Object.entries(input)) {
      if (value === null) delete after[key];
      else after[key] = value;
    }
    const errors = checkSet(await schemaOf(tx, ctx.workspaceId, definition.name), after, 'metadata');
    if (errors.length) throw rejected(errors, 'The metadata does not fit the schema');
    await saveSet(tx, ctx, definition, id, before, after);
    return { entityType: definition.name, entityId: id, metadata: after };
  });
}

/** Deletes one key; 404 when the entity or the key does not exist. */
export async function deleteMetadataKey(
  db: Database,
  ctx: RequestContext,
  type: string,
  id: string,
  key: string,
) {
  const definition = resourceType(type);
  authorize(ctx.actor, definition.permissions.update);
  await db.transaction(async (tx) => {
    await findEntity(tx, definition, ctx.workspaceId, id, true);
    const before = (await metadataOf(tx, ctx.workspaceId, definition.name, [id])).get(id) ?? {};
    if (!(key in before)) {
      throw new AppError('not_found', `This ${definition.label} has no metadata key ${key}.`, {
        code: 'metadata.key_not_found',
      });
    }
    const after = { ...before };
    delete after[key];
    const errors = checkSet(await schemaOf(tx, ctx.workspaceId, definition.name), after, 'metadata');
    if (errors.length) throw rejected(errors, 'The metadata would not fit the schema');
    await saveSet(tx, ctx, definition, id, before, after);
  });
}
