import { eq, type InferInsertModel, type InferSelectModel, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/connection.ts';
import { appendEvent, diffFields } from '../events/append.ts';
import type { Scope } from './scope.ts';

/** A table of at most one row per workspace, keyed by `workspace_id` (what the workspace sets), versioned. */
export type WorkspaceRowTable = PgTable & { workspaceId: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** A row of such a table, as Drizzle reads it. */
export type WorkspaceRowOf<TTable extends WorkspaceRowTable> = InferSelectModel<TTable> & {
  workspaceId: string;
  version: number;
  updatedAt: Date;
};

/** Drizzle's builders take a table of known columns; a workspace-keyed table is one, whatever else it has. */
function asWorkspaceRowTable(table: WorkspaceRowTable): WorkspaceRowTable {
  return table;
}

/** The rows of a workspace-keyed table (see `rowsOf`). */
function workspaceRowsOf<TTable extends WorkspaceRowTable>(
  _table: TTable,
  rows: readonly Record<string, unknown>[],
): WorkspaceRowOf<TTable>[] {
  return rows as WorkspaceRowOf<TTable>[];
}

/** A change to a workspace's own row, as `changeWorkspaceRow` applies it. */
export interface WorkspaceRowChange<TTable extends WorkspaceRowTable> {
  /** The aggregate type of the event `<name>.updated`; its aggregate id is the workspace's. */
  name: string;
  table: TTable;
  values: Partial<InferInsertModel<TTable>>;
  /** The fields whose before and after the event records; a change that alters none writes nothing. */
  fields: readonly string[];
  /** What the fields are while the workspace has no row. */
  defaults: Record<string, unknown>;
}

/**
 * `changeRow` for a row the workspace has at most one of, without a resource's columns (a policy
 * it sets): locks the row, and unless no recorded field changes, creates it at version 1 or writes
 * the values with the next version and the current time, then appends `<name>.updated` — all in
 * the caller's transaction. Answers the row as it now is, or null while the workspace has none.
 */
export async function changeWorkspaceRow<TTable extends WorkspaceRowTable>(
  tx: Transaction,
  scope: Scope,
  change: WorkspaceRowChange<TTable>,
): Promise<WorkspaceRowOf<TTable> | null> {
  const { table, values } = change;
  const { workspaceId } = scope.ctx;
  const [current] = workspaceRowsOf(
    table,
    await tx
      .select()
      .from(asWorkspaceRowTable(table))
      .where(eq(table.workspaceId, workspaceId))
      .for('update'),
  );
  const before: Record<string, unknown> = current ?? change.defaults;
  const changes = diffFields(before, { ...before, ...values }, change.fields);
  if (Object.keys(changes).length === 0) return current ?? null;
  const [row] = workspaceRowsOf(
    table,
    await tx
      .insert(asWorkspaceRowTable(table))
      .values({ ...values, workspaceId })
      .onConflictDoUpdate({
        target: table.workspaceId,
        set: { ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` },
      })
      .returning(),
  );
  if (!row) throw new Error(`saving the ${change.name} returned nothing`);
  await appendEvent(tx, scope, {
    eventType: `${change.name}.updated`,
    aggregateType: change.name,
    aggregateId: workspaceId,
    aggregateVersion: row.version,
    changes,
  });
  return row;
}
