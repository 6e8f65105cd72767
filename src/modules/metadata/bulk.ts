import { authorize } from '../../core/auth/permissions.ts';
import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import { type MetadataSet, metadataOf } from '../../core/metadata/entities.ts';
import type { AnyResource } from '../../core/resource/define.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import { type BulkOperation, type MetadataSchemaDefinition, maxKeysPerEntity } from './contracts.ts';
import { saveSet } from './service.ts';
import { lockExisting, schemaOf } from './store.ts';
import { schemaErrors } from './validation.ts';

/** One entity the operations touch: its metadata before them and after them. */
interface Target {
  definition: AnyResource;
  id: string;
  before: MetadataSet;
  after: MetadataSet;
  /** Index of the last operation on each key, and of the first on the entity, to place errors. */
  lastOperationOn: Map<string, number>;
  firstOperation: number;
}

const targetKey = (entityType: string, id: string) => `${entityType}:${id}`;

/**
 * Applies up to 1,000 set/delete operations on many entities in one transaction: either every
 * operation is valid and all apply, or the answer lists each rejected operation by index and
 * nothing changes. An entity of another workspace is reported exactly like a missing one.
 */
export async function applyBulk(scope: Scope, operations: BulkOperation[]) {
  const errors: FieldError[] = [];
  const types = entityTypesOf(scope, operations, errors);
  for (const definition of types.values()) authorize(scope.ctx.actor, definition.permissions.update);

  return scope.db.transaction(async (tx) => {
    const targets = await lockTargets(tx, scope, [...types.values()], operations);
    applyOperations(operations, types, targets, errors);
    await checkTargets(tx, scope, [...types.values()], targets, errors);
    if (errors.length) throw bulkRejected(errors);
    let entities = 0;
    for (const target of targets.values()) {
      const entity = { entityType: target.definition.name, entityId: target.id };
      if (await saveSet(tx, scope, entity, target.before, target.after)) entities += 1;
    }
    return { applied: operations.length, entities };
  });
}

/** The entity types the operations name, by name; an error for each operation naming an unknown one. */
function entityTypesOf(scope: Scope, operations: BulkOperation[], errors: FieldError[]) {
  const types = new Map<string, AnyResource>();
  operations.forEach((operation, index) => {
    const definition = scope.app.resources.get(operation.entityType);
    if (definition) types.set(definition.name, definition);
    else
      errors.push({
        path: `operations.${index}.entityType`,
        message: `no entity type ${operation.entityType}`,
      });
  });
  return types;
}

/** Locks the entities the operations name that exist in the workspace, with their metadata now. */
async function lockTargets(
  tx: Executor,
  scope: Scope,
  types: AnyResource[],
  operations: BulkOperation[],
): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  for (const definition of types) {
    const named = operations.filter((op) => op.entityType === definition.name).map((op) => op.entityId);
    const existing = await lockExisting(tx, definition, scope.ctx.workspaceId, [...new Set(named)]);
    const sets = await metadataOf(tx, scope.ctx.workspaceId, definition.name, [...existing]);
    for (const id of existing) {
      const before = sets.get(id) ?? {};
      targets.set(targetKey(definition.name, id), {
        definition,
        id,
        before,
        after: { ...before },
        lastOperationOn: new Map(),
        firstOperation: -1,
      });
    }
  }
  return targets;
}

/** Plays the operations on the targets' sets, in order; an error for each naming a missing entity. */
function applyOperations(
  operations: BulkOperation[],
  types: Map<string, AnyResource>,
  targets: Map<string, Target>,
  errors: FieldError[],
): void {
  operations.forEach((operation, index) => {
    const definition = types.get(operation.entityType);
    if (!definition) return;
    const target = targets.get(targetKey(definition.name, operation.entityId));
    if (!target) {
      errors.push({ path: `operations.${index}.entityId`, message: `no ${definition.label} with this id` });
      return;
    }
    if (target.firstOperation < 0) target.firstOperation = index;
    target.lastOperationOn.set(operation.key, index);
    if (operation.op === 'set') target.after[operation.key] = operation.value;
    else delete target.after[operation.key];
  });
}

/**
 * Checks each changed entity's final set against its type's schema and the size limit; each error
 * goes to the last operation on the key at fault (or the entity's first operation).
 */
async function checkTargets(
  tx: Executor,
  scope: Scope,
  types: AnyResource[],
  targets: Map<string, Target>,
  errors: FieldError[],
): Promise<void> {
  const schemas = new Map<string, MetadataSchemaDefinition | null>();
  for (const definition of types)
    schemas.set(definition.name, await schemaOf(tx, scope.ctx.workspaceId, definition.name));
  for (const target of targets.values()) {
    if (target.firstOperation < 0) continue;
    const schema = schemas.get(target.definition.name) ?? null;
    for (const error of schemaErrors(schema, target.after, 'metadata')) {
      const key = error.path.slice('metadata.'.length);
      const index = target.lastOperationOn.get(key) ?? target.firstOperation;
      errors.push({ path: `operations.${index}.value`, message: `${key} ${error.message}` });
    }
    if (Object.keys(target.after).length > maxKeysPerEntity)
      errors.push({
        path: `operations.${target.firstOperation}`,
        message: `at most ${maxKeysPerEntity} keys per entity`,
      });
  }
}

function bulkRejected(errors: FieldError[]): AppError {
  const sorted = errors.sort((a, b) => indexOf(a) - indexOf(b));
  return new AppError(
    'unprocessable',
    `${sorted.length} operation error(s); nothing was applied. First: ${sorted[0]?.path} ${sorted[0]?.message}`,
    { code: 'metadata.bulk_rejected', errors: sorted },
  );
}

function indexOf(error: FieldError): number {
  return Number(error.path.split('.')[1]);
}
