import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { propertyOf, stringPropertyOf } from '../errors/unknown-values.ts';

/** The role whose row-level-security policies confine it to one workspace (see docs/security.md). */
export const tenantRole = 'shipshape_tenant';

/**
 * Can this connection switch to the tenant role? Not when the migration could not create it (the
 * migrating user lacked CREATEROLE): then the application's workspace filters are the only wall.
 */
export async function tenantRoleUsable(db: Executor): Promise<boolean> {
  const result = await db.execute<{ usable: boolean }>(sql`
    select case when exists (select 1 from pg_roles where rolname = ${tenantRole})
      then pg_has_role(current_user, ${tenantRole}, 'MEMBER') else false end as usable`);
  return Boolean(result.rows[0]?.usable);
}

/**
 * Under row-level security PostgreSQL leaves the key out of a unique violation's detail (it could
 * reveal rows the role may not see). The columns are not secret: they are put back from the
 * constraint's definition, so the client still learns which field is taken.
 */
export async function nameUniqueViolationColumns(db: Executor, error: unknown): Promise<void> {
  for (const candidate of [error, propertyOf(error, 'cause')]) {
    const constraint = stringPropertyOf(candidate, 'constraint');
    if (stringPropertyOf(candidate, 'code') !== '23505' || !constraint) continue;
    if (stringPropertyOf(candidate, 'detail')?.startsWith('Key (')) continue;
    const result = await db.execute<{ column: string }>(sql`
      select a.attname as column from pg_class c
      join pg_index i on i.indexrelid = c.oid
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where c.relname = ${constraint}`);
    const columns = result.rows.map((row) => row.column);
    if (columns.length && typeof candidate === 'object' && candidate !== null)
      Reflect.set(candidate, 'detail', `Key (${columns.join(', ')})=() already exists.`);
  }
}
