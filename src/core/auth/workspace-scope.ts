import { sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../db/connection.ts';

/** The role whose row-level-security policies confine it to one workspace (see docs/security.md). */
export const tenantRole = 'shipshape_tenant';

const roleUsable = new WeakMap<object, Promise<boolean>>();

/**
 * Can this connection switch to the tenant role? Not when the migration could not create it (the
 * migrating user lacked CREATEROLE): then the application's workspace filters are the only wall.
 */
function tenantRoleUsable(db: Executor): Promise<boolean> {
  let usable = roleUsable.get(db);
  if (!usable) {
    usable = db
      .execute<{ usable: boolean }>(sql`
        select case when exists (select 1 from pg_roles where rolname = ${tenantRole})
          then pg_has_role(current_user, ${tenantRole}, 'MEMBER') else false end as usable`)
      .then((result) => Boolean(result.rows[0]?.usable));
    roleUsable.set(db, usable);
  }
  return usable;
}

/**
 * Runs `work` in a transaction bound to one workspace: the transaction-local setting
 * `shipshape.workspace_id` names it and the transaction acts as the tenant role, whose policies
 * show and accept only that workspace's rows. So a query that forgets its workspace filter still
 * sees nothing of another workspace. Both settings end with the transaction.
 */
export async function inWorkspace<T>(
  db: Database,
  workspaceId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const switchRole = await tenantRoleUsable(db);
  try {
    return await db.transaction(async (tx) => {
      // One round trip for both settings: set_config('role', …, true) is SET LOCAL ROLE.
      await tx.execute(
        switchRole
          ? sql`select set_config('shipshape.workspace_id', ${workspaceId}, true), set_config('role', ${tenantRole}, true)`
          : sql`select set_config('shipshape.workspace_id', ${workspaceId}, true)`,
      );
      return work(tx);
    });
  } catch (error) {
    if (switchRole) await nameUniqueViolationColumns(db, error);
    throw error;
  }
}

/**
 * Under row-level security PostgreSQL leaves the key out of a unique violation's detail (it could
 * reveal rows the role may not see). The columns are not secret: they are put back from the
 * constraint's definition, so the client still learns which field is taken.
 */
async function nameUniqueViolationColumns(db: Database, error: unknown): Promise<void> {
  for (const candidate of [error, (error as { cause?: unknown })?.cause]) {
    const violation = candidate as { code?: string; detail?: string; constraint?: string } | undefined;
    if (violation?.code !== '23505' || !violation.constraint || violation.detail?.startsWith('Key ('))
      continue;
    const result = await db.execute<{ column: string }>(sql`
      select a.attname as column from pg_class c
      join pg_index i on i.indexrelid = c.oid
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where c.relname = ${violation.constraint}`);
    const columns = result.rows.map((row) => row.column);
    if (columns.length) violation.detail = `Key (${columns.join(', ')})=() already exists.`;
  }
}
