import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/connection.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { appendEvent, diffFields } from '../events/append.ts';
import { removeMetadataOfDeleted } from '../metadata/entities.ts';
import { type AnyResource, type BaseRow, type RowOfResource, rowsOf, type ValuesOf } from './define.ts';
import type { Scope } from './scope.ts';
import { auditedFields, getRow } from './service.ts';

// The resource layer's writes: every change to a resource row locks it, checks the version the
// caller read, moves the version on and appends its event in the caller's transaction.

/**
 * The row, locked until the transaction ends, at the version the caller read: 412 (changing
 * nothing) when it has moved on. The first step of every change to an existing row.
 */
export async function lockRow<D extends AnyResource>(
  tx: Transaction,
  definition: D,
  scope: Scope,
  id: string,
  expectedVersion?: number,
): Promise<RowOfResource<D>> {
  const current = await getRow(tx, definition, scope, id, true);
  assertVersion(definition, current, expectedVersion);
  return current;
}

/** Inserts a row and its `<name>.created` event, in the caller's transaction. */
export async function createRow<D extends AnyResource>(
  tx: Transaction,
  definition: D,
  scope: Scope,
  input: Record<string, unknown>,
): Promise<RowOfResource<D>> {
  const hook = { scope, ctx: scope.ctx, tx, projectId: scope.projectId };
  const values: Record<string, unknown> = definition.hooks?.beforeCreate
    ? await definition.hooks.beforeCreate({ ...input }, hook)
    : { ...input };
  values.workspaceId = scope.ctx.workspaceId;
  if (definition.scope === 'project') values.projectId = scope.projectId;
  const [row] = rowsOf(definition, await tx.insert(definition.table).values(values).returning());
  if (!row) throw new Error(`insert into ${definition.name} returned nothing`);
  await definition.hooks?.afterCreate?.(row, hook);
  await appendEvent(tx, scope, {
    eventType: `${definition.name}.created`,
    aggregateType: definition.name,
    aggregateId: row.id,
    aggregateVersion: row.version,
    changes: diffFields(null, row, auditedFields(definition)),
  });
  return row;
}

/** A change to an existing row, as `changeRow` applies it. */
export interface RowChange<D extends AnyResource> {
  values: ValuesOf<D['table']>;
  /** The version the caller read (412 when the row has moved on); only when `changeRow` locks the row itself. */
  expectedVersion?: number;
  /** What happened: the event is `<resource name>.<event>` (default `updated`). */
  event?: string;
  /** Data kept with the event (a transition, a comment). */
  data?: Record<string, unknown>;
  reason?: string;
  /** The fields whose before and after the event records (default: the resource's audited fields). */
  fields?: readonly string[];
  /**
   * Record the event and bump the version even when no recorded field changes (an approval that
   * does not yet approve). Otherwise a change that changes nothing writes nothing.
   */
  always?: boolean;
}

/**
 * The one versioned write: locks the row (unless the caller passes the row it already locked),
 * compares the version (412), writes the values with the next version and the current time, and
 * appends the event — all in the caller's transaction. Updates and lifecycle transitions alike go
 * through here, so no module writes `version + 1` itself.
 */
export async function changeRow<D extends AnyResource>(
  tx: Transaction,
  definition: D,
  scope: Scope,
  target: string | RowOfResource<D>,
  change: RowChange<D>,
): Promise<RowOfResource<D>> {
  const current: RowOfResource<D> =
    typeof target === 'string'
      ? await lockRow(tx, definition, scope, target, change.expectedVersion)
      : target;
  const fields = change.fields ?? auditedFields(definition);
  if (
    !change.always &&
    Object.keys(diffFields(current, { ...current, ...change.values }, fields)).length === 0
  )
    return current;
  const { table } = definition;
  const [row] = rowsOf(
    definition,
    await tx
      .update(table)
      .set({ ...change.values, version: sql`${table.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(table.id, current.id), eq(table.workspaceId, scope.ctx.workspaceId)))
      .returning(),
  );
  if (!row) throw notFound(definition.label, current.id);
  await appendEvent(tx, scope, {
    eventType: `${definition.name}.${change.event ?? 'updated'}`,
    aggregateType: definition.name,
    aggregateId: row.id,
    aggregateVersion: row.version,
    changes: diffFields(current, row, fields),
    data: change.data,
    reason: change.reason,
  });
  return row;
}

/**
 * Applies a PATCH with optimistic concurrency: when `expectedVersion` is given and the row has
 * moved on, answers 412 and changes nothing. A change that alters nothing writes nothing.
 */
export async function updateRow<D extends AnyResource>(
  tx: Transaction,
  definition: D,
  scope: Scope,
  id: string,
  changes: Record<string, unknown>,
  expectedVersion?: number,
): Promise<RowOfResource<D>> {
  const current = await lockRow(tx, definition, scope, id, expectedVersion);
  const values = definition.hooks?.beforeUpdate
    ? await definition.hooks.beforeUpdate({ ...changes }, current, {
        scope,
        ctx: scope.ctx,
        tx,
        projectId: scope.projectId,
      })
    : changes;
  return changeRow(tx, definition, scope, current, { values: values as ValuesOf<D['table']> });
}

/** Deletes a row (412 on a stale expected version) and records `<name>.deleted` with its last values. */
export async function deleteRow(
  tx: Transaction,
  definition: AnyResource,
  scope: Scope,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const current = await lockRow(tx, definition, scope, id, expectedVersion);
  await definition.hooks?.beforeDelete?.(current, { scope, ctx: scope.ctx, tx, projectId: scope.projectId });
  await tx
    .delete(definition.table)
    .where(and(eq(definition.table.id, id), eq(definition.table.workspaceId, scope.ctx.workspaceId)));
  await removeMetadataOfDeleted(
    tx,
    definition,
    scope.ctx.workspaceId,
    id,
    scope.app.resources.cascadedFrom(definition),
  );
  await appendEvent(tx, scope, {
    eventType: `${definition.name}.deleted`,
    aggregateType: definition.name,
    aggregateId: id,
    // The version the row would have had: the next one, so the history stays strictly increasing.
    aggregateVersion: current.version + 1,
    changes: diffFields(current, null, auditedFields(definition)),
  });
}

function assertVersion(definition: AnyResource, current: BaseRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw new AppError(
      'precondition_failed',
      `This ${definition.label} is at version ${current.version}, not ${expectedVersion}: someone changed it since you read it. Read it again and reapply your change.`,
      { code: 'version_mismatch', extensions: { currentVersion: current.version } },
    );
  }
}
