import { eq, type SQL, sql } from 'drizzle-orm';
import { searchSettings } from '../../core/search/schema.ts';
import type { Executor } from '../../db/connection.ts';

/** The workspace's text-search configuration (english unless it chose another). */
export async function languageOf(db: Executor, workspaceId: string): Promise<string> {
  const [row] = await db
    .select({ language: searchSettings.language })
    .from(searchSettings)
    .where(eq(searchSettings.workspaceId, workspaceId));
  return row?.language ?? 'english';
}

/** Rows of a raw query, typed by the caller. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** `a in (…)` for a non-empty list of texts. */
export function inList(column: SQL, values: string[]): SQL {
  return sql`${column} in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}
