import type { Transaction } from '../../db/connection.ts';
import { metadataOf } from '../metadata/entities.ts';
import type { AnyResource, OutputOfResource, RowOfResource } from './define.ts';
import type { Scope } from './scope.ts';
import { assertProjectVisible, getRow, type ListParameters, listRows, toOutput } from './service.ts';
import { createRow, deleteRow, updateRow } from './writes.ts';

/**
 * The resource layer's use cases, each in one workspace-bound unit of work: what the generic
 * routes call, and what modules call when they serve a resource in a route of their own.
 */

export type Include = 'metadata' | undefined;

/** A page of answers, with each record's metadata when asked for. */
export async function listResource<D extends AnyResource>(
  scope: Scope,
  definition: D,
  parameters: ListParameters & { include?: Include },
): Promise<{ data: OutputOfResource<D>[]; nextCursor: string | null }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const page = await listRows(db, definition, scope, parameters);
    return {
      data: await withMetadata(db, scope, definition, page.data, parameters.include),
      nextCursor: page.nextCursor,
    };
  });
}

export async function getResource<D extends AnyResource>(
  scope: Scope,
  definition: D,
  id: string,
  include?: Include,
): Promise<{ row: RowOfResource<D>; output: OutputOfResource<D> }> {
  return scope.db.read(async (db) => {
    const row = await getRow(db, definition, scope, id);
    const [output] = await withMetadata(db, scope, definition, [row], include);
    if (!output) throw new Error('a row without an answer');
    return { row, output };
  });
}

/** Creates a row in the caller's transaction (the idempotency layer owns the transaction). */
export async function createResource<D extends AnyResource>(
  tx: Transaction,
  scope: Scope,
  definition: D,
  input: Record<string, unknown>,
): Promise<RowOfResource<D>> {
  await assertProjectVisible(tx, scope);
  return createRow(tx, definition, scope, input);
}

export async function updateResource<D extends AnyResource>(
  scope: Scope,
  definition: D,
  id: string,
  changes: Record<string, unknown>,
  expectedVersion?: number,
): Promise<RowOfResource<D>> {
  return scope.db.transaction((tx) => updateRow(tx, definition, scope, id, changes, expectedVersion));
}

export async function deleteResource(
  scope: Scope,
  definition: AnyResource,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  await scope.db.transaction((tx) => deleteRow(tx, definition, scope, id, expectedVersion));
}

async function withMetadata<D extends AnyResource>(
  db: Parameters<typeof metadataOf>[0],
  scope: Scope,
  definition: D,
  rows: RowOfResource<D>[],
  include: Include,
): Promise<OutputOfResource<D>[]> {
  const outputs = rows.map((row) => toOutput(definition, row));
  if (include !== 'metadata') return outputs;
  const sets = await metadataOf(
    db,
    scope.ctx.workspaceId,
    definition.name,
    rows.map((row) => row.id),
  );
  return outputs.map((entry, index) => ({ ...entry, metadata: sets.get(rows[index]?.id ?? '') ?? {} }));
}
