import { type SQL, sql } from 'drizzle-orm';
import { check, integer, type PgColumn, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { workspaces } from '../auth/schema.ts';

/**
 * The columns every resource table starts with: a UUIDv7 id, the owning workspace, timestamps and
 * the optimistic-concurrency version. Spread into a `pgTable` definition.
 */
export function resourceColumns() {
  return {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  };
}

/** A check that the column holds one of the values: the database refuses what the API would. */
export function checkOneOf(
  name: string,
  column: PgColumn,
  values: readonly string[],
): ReturnType<typeof check> {
  const listed: SQL = sql.raw(values.map((value) => `'${value}'`).join(', '));
  return check(name, sql`${column} in (${listed})`);
}
