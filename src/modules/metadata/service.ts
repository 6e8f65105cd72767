import { authorize } from '../../core/auth/permissions.ts';
import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { FieldChanges } from '../../core/events/schema.ts';
import {
  findEntity,
  type MetadataEntityType,
  type MetadataSet,
  metadataOf,
} from '../../core/metadata/entities.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import { type MetadataSchemaDefinition, maxKeysPerEntity } from './contracts.ts';
import { deleteKeys, schemaOf, writeKeys } from './store.ts';
import { schemaErrors } from './validation.ts';

/** JSON with sorted object keys, so that equal values compare equal whatever order they came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What differs between two sets, as audit field changes. */
function diffSets(before: MetadataSet, after: MetadataSet): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const previous = Object.hasOwn(before, key) ? before[key] : null;
    const next = Object.hasOwn(after, key) ? after[key] : null;
    if (canonical(previous) !== canonical(next)) changes[key] = { before: previous, after: next };
  }
  return changes;
}

/**
 * Writes the difference between two sets of one entity and records it, in the caller's
 * transaction. Answers whether anything changed.
 */
export async function saveSet(
  tx: Executor,
  scope: Scope,
  entity: { entityType: string; entityId: string },
  before: MetadataSet,
  after: MetadataSet,
): Promise<boolean> {
  const changes = diffSets(before, after);
  const keys = Object.keys(changes);
  if (!keys.length) return false;
  const owner = { workspaceId: scope.ctx.workspaceId, ...entity };
  const removed = keys.filter((key) => !Object.hasOwn(after, key));
  const written = keys.filter((key) => key in after);
  if (removed.length) await deleteKeys(tx, owner, removed);
  if (written.length) await writeKeys(tx, owner, after, written, scope.ctx.actor.userId);
  await appendEvent(tx, scope, {
    eventType: 'entity_metadata.changed',
    aggregateType: 'entity_metadata',
    aggregateId: entity.entityId,
    changes,
    data: { entityType: entity.entityType },
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
export async function readMetadata(scope: Scope, type: string, id: string) {
  const definition = scope.app.resources.require(type);
  authorize(scope.ctx.actor, definition.permissions.read);
  return scope.db.read(async (db) => {
    await findEntity(db, definition, scope.ctx.workspaceId, id);
    const sets = await metadataOf(db, scope.ctx.workspaceId, definition.name, [id]);
    return { entityType: definition.name, entityId: id, metadata: sets.get(id) ?? {} };
  });
}

/**
 * Changes one entity's metadata: the entity locked for the transaction, the new set checked
 * against the workspace's schema (`refusal` says why it does not fit), then saved and audited.
 */
async function changeMetadata(
  scope: Scope,
  type: string,
  id: string,
  change: (before: MetadataSet, definition: MetadataEntityType) => MetadataSet,
  refusal: string,
) {
  const definition = scope.app.resources.require(type);
  authorize(scope.ctx.actor, definition.permissions.update);
  const { workspaceId } = scope.ctx;
  return scope.db.transaction(async (tx) => {
    await findEntity(tx, definition, workspaceId, id, true);
    const before = (await metadataOf(tx, workspaceId, definition.name, [id])).get(id) ?? {};
    const after = change(before, definition);
    const errors = checkSet(await schemaOf(tx, workspaceId, definition.name), after, 'metadata');
    if (errors.length) throw rejected(errors, refusal);
    await saveSet(tx, scope, { entityType: definition.name, entityId: id }, before, after);
    return { entityType: definition.name, entityId: id, metadata: after };
  });
}

/**
 * Replaces (`replace`) or merges (`merge`: null deletes a key) an entity's metadata, checked
 * against the workspace's schema, audited, with the entity locked for the transaction.
 */
export async function writeMetadata(
  scope: Scope,
  type: string,
  id: string,
  mode: 'replace' | 'merge',
  input: Record<string, unknown>,
) {
  const merged = (before: MetadataSet) => {
    const after: MetadataSet = mode === 'replace' ? {} : { ...before };
    for (const [key, value] of Object.entries(input)) {
      if (value === null) delete after[key];
      else after[key] = value;
    }
    return after;
  };
  return changeMetadata(scope, type, id, merged, 'The metadata does not fit the schema');
}

/** Deletes one key; 404 when the entity or the key does not exist. */
export async function deleteMetadataKey(scope: Scope, type: string, id: string, key: string): Promise<void> {
  const withoutKey = (before: MetadataSet, definition: MetadataEntityType) => {
    if (!Object.hasOwn(before, key)) {
      throw new AppError('not_found', `This ${definition.label} has no metadata key ${key}.`, {
        code: 'metadata.key_not_found',
      });
    }
    const after = { ...before };
    delete after[key];
    return after;
  };
  await changeMetadata(scope, type, id, withoutKey, 'The metadata would not fit the schema');
}
