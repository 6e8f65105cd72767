import { eq, type SQL, sql } from 'drizzle-orm';
import {
  type SearchLanguage,
  searchAnalytics,
  searchDocuments,
  searchLanguages,
  searchSettings,
} from '../../core/search/schema.ts';
import type { Executor } from '../../db/connection.ts';

// The workspace's search settings and its search analytics.

/** The workspace's text-search configuration (english unless it chose another). */
export async function languageOf(db: Executor, workspaceId: string): Promise<SearchLanguage> {
  const [row] = await db
    .select({ language: searchSettings.language })
    .from(searchSettings)
    .where(eq(searchSettings.workspaceId, workspaceId));
  return searchLanguages.find((language) => language === row?.language) ?? 'english';
}

/** Saves the workspace's text-search configuration (the documents keep theirs until told). */
export async function storeLanguage(db: Executor, workspaceId: string, language: SearchLanguage) {
  await db
    .insert(searchSettings)
    .values({ workspaceId, language })
    .onConflictDoUpdate({ target: searchSettings.workspaceId, set: { language, updatedAt: sql`now()` } });
}

/** Gives every document of the workspace the configuration; PostgreSQL recomputes their vectors. */
export async function setDocumentsLanguage(db: Executor, workspaceId: string, language: SearchLanguage) {
  await db
    .update(searchDocuments)
    .set({ config: sql`${language}::regconfig` })
    .where(eq(searchDocuments.workspaceId, workspaceId));
}

export interface SearchRecord {
  workspaceId: string;
  userId: string;
  /** Normalised: trimmed, lowercased, single-spaced. */
  query: string;
  resultCount: number;
  latencyMs: number;
}

export async function insertSearchRecord(db: Executor, record: SearchRecord): Promise<void> {
  // The server's clock, like the default end of a report's period: a search is never later than
  // a report asked for after it.
  await db.insert(searchAnalytics).values({ ...record, searchedAt: new Date() });
}

/** The searches of a workspace in [from, to). */
export interface Period {
  workspaceId: string;
  from: Date;
  to: Date;
}

function inPeriod(period: Period): SQL {
  return sql`workspace_id = ${period.workspaceId} and searched_at >= ${period.from.toISOString()}::timestamptz
    and searched_at < ${period.to.toISOString()}::timestamptz`;
}

type TotalsRow = { searches: number | string; zero: number | string; p95: number | null };
type QueryRow = { query: string; count: number | string; last: Date | string };

/** How many searches, how many found nothing, and the 95th percentile of their latency. */
export async function periodTotals(db: Executor, period: Period): Promise<TotalsRow | undefined> {
  const result = await db.execute<TotalsRow>(
    sql`select count(*) as searches, count(*) filter (where result_count = 0) as zero,
      percentile_cont(0.95) within group (order by latency_ms) as p95
      from search_analytics where ${inPeriod(period)}`,
  );
  return result.rows[0];
}

/** The most frequent queries of the period, with their average result count. */
export async function topQueries(db: Executor, period: Period, limit: number) {
  const result = await db.execute<QueryRow & { average: number }>(
    sql`select query, count(*) as count, avg(result_count)::float8 as average, max(searched_at) as last
      from search_analytics where ${inPeriod(period)} group by query order by count(*) desc, query limit ${limit}`,
  );
  return result.rows;
}

/** The most frequent queries of the period that found nothing. */
export async function zeroResultQueries(db: Executor, period: Period, limit: number) {
  const result = await db.execute<QueryRow>(
    sql`select query, count(*) as count, max(searched_at) as last
      from search_analytics where ${inPeriod(period)} and result_count = 0
      group by query order by count(*) desc, query limit ${limit}`,
  );
  return result.rows;
}
