import { and, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { authorize } from '../../core/auth/permissions.ts';
import { AppError, type FieldError } from '../../core/http/errors.ts';
import { type MetadataSet, metadataOf } from '../../core/metadata/entities.ts';
import { declaredResources, type ResourceDefinition } from '../../core/resource/define.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { type BulkOperation, maxKeysPerEntity } from './contracts.ts';
import { saveSet, schemaOf } from './service.ts';
import { schemaErrors } from './validation.ts';

interface Target {
  definition: ResourceDefinition;
  id: string;
  before: MetadataSet;
  after: MetadataSet;
  /** Index of the last operation on each key, and of the first on the entity, to place errors. */
  lastOperationOn: Map<string, number>;
  firstOperation: number;
}

/** Locks the listed entities of one type that exist in the workspace; answers their ids. */
async function lockExisting(
  tx: Executor,
  definition: ResourceDefinition,
  workspaceId: string,
  ids: string[],
) {
  const { table } = definition;
  const rows = (await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)))
    .for('update')) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}

/**
 * Applies up to 1,000 set/delete operations on many entities in one transaction: either every
 * operation is valid and all apply, or the answer lists each rejected operation by index and
 * nothing changes. An entity of another workspace is reported exactly like a missing one.
 */
export async function applyBulk(db: Database, ctx: RequestContext, operations: BulkOperation[]) {
  const errors: FieldError[] = [];
  const types = new Map<string, ResourceDefinition>();
  operations.forEach((operation, index) => {
    const definition = declaredResources().get(operation.entityType);
    if (definition) types.set(definition.name, definition);
    else
      errors.push({
        path: `operations.${index}.entityType`,
        message: `no entity type ${operation.entityType}`,
      });
  });
  for (const definition of types.values()) authorize(ctx.actor, definition.permissions.update);

  return db.transaction(async (tx) => {
    const targets = new Map<string, Target>();
    for (const definition of types.values()) {
      const ids = [
        ...new Set(operations.filter((op) => op.entityType === definition.name).map((op) => op.entityId)),
      ];
      const existing = await lockExisting(tx, definition, ctx.workspaceId, ids);
      const sets = await metadataOf(tx, ctx.workspaceId, definition.name, [...existing]);
      for (const id of existing) {
        const before = sets.get(id) ?? {};
        targets.set(`${definition.name}:${id}`, {
          definition,
          id,
          before,
          after: { ...before },
          lastOperationOn: new Map(),
          firstOperation: -1,
        });
      }
    }
    operations.forEach((operation, index) => {
      const definition = types.get(operation.entityType);
      if (!definition) return;
      const target = targets.get(`${definition.name}:${operation.entityId}`);
      if (!target) {
        errors.push({ path: `operations.${index}.entityId`, message: `no ${definition.label} with this id` });
        return;
      }
      if (target.firstOperation < 0) target.firstOperation = index;
      target.lastOperationOn.set(operation.key, index);
      if (operation.op === 'set') target.after[operation.key] = operation.value;
      else delete target.after[operation.key];
    });
    const schemas = new Map<string, Awaited<ReturnType<typeof schemaOf>>>();
    for (const definition of types.values())
      schemas.set(definition.name, await schemaOf(tx, ctx.workspaceId, definition.name));
    for (const target of targets.values()) {
      if (target.firstOperation < 0) continue;
      for (const error of schemaErrors(
        schemas.get(target.definition.name) ?? null,
        target.after,
        'metadata',
      )) {
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
    if (errors.length) {
      const sorted = errors.sort((a, b) => indexOf(a) - indexOf(b));
      throw new AppError(
        'unprocessable',
        `${sorted.length} operation error(s); nothing was applied. First: ${sorted[0]?.path} ${sorted[0]?.message}`,
        { code: 'metadata.bulk_rejected', errors: sorted },
      );
    }
    let entities = 0;
    for (const target of targets.values()) {
      if (await saveSet(tx, ctx, target.definition, target.id, target.before, target.after)) entities += 1;
    }
    return { applied: operations.length, entities };
  });
}

function indexOf(error: FieldError): number {
  return Number(error.path.split('.')[1]);
}
