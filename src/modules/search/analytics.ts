import { sql } from 'drizzle-orm';
import { searchAnalytics } from '../../core/search/schema.ts';
import type { Database } from '../../db/connection.ts';
import { normalizeQuery } from './query.ts';
import { rowsOf } from './store.ts';

/**
 * Records one search. Not an audit event: it changes no content, and the trail should not grow
 * with every keystroke of every reader.
 */
export async function recordSearch(
  db: Database,
  entry: { workspaceId: string; userId: string; q: string; resultCount: number; latencyMs: number },
): Promise<void> {
  await db.insert(searchAnalytics).values({
    workspaceId: entry.workspaceId,
    userId: entry.userId,
    query: normalizeQuery(entry.q),
    resultCount: entry.resultCount,
    latencyMs: entry.latencyMs,
    // The server's clock, like the default end of a report's period: a search is never later than
    // a report asked for after it.
    searchedAt: new Date(),
  });
}

/** Top queries and zero-result queries of a period, with counts and latency. */
export async function searchReport(db: Database, workspaceId: string, from: Date, to: Date, limit: number) {
  const period = sql`workspace_id = ${workspaceId} and searched_at >= ${from.toISOString()}::timestamptz
    and searched_at < ${to.toISOString()}::timestamptz`;
  const [totals] = await rowsOf<{ searches: number | string; zero: number | string; p95: number | null }>(
    db,
    sql`select count(*) as searches, count(*) filter (where result_count = 0) as zero,
      percentile_cont(0.95) within group (order by latency_ms) as p95
      from search_analytics where ${period}`,
  );
  const top = await rowsOf<{ query: string; count: number | string; average: number; last: Date | string }>(
    db,
    sql`select query, count(*) as count, avg(result_count)::float8 as average, max(searched_at) as last
      from search_analytics where ${period} group by query order by count(*) desc, query limit ${limit}`,
  );
  const zero = await rowsOf<{ query: string; count: number | string; last: Date | string }>(
    db,
    sql`select query, count(*) as count, max(searched_at) as last
      from search_analytics where ${period} and result_count = 0
      group by query order by count(*) desc, query limit ${limit}`,
  );
  return {
    from,
    to,
    searches: Number(totals?.searches ?? 0),
    zeroResultSearches: Number(totals?.zero ?? 0),
    latencyP95Ms: totals?.p95 === null || totals?.p95 === undefined ? null : Number(totals.p95),
    topQueries: top.map((row) => ({
      query: row.query,
      count: Number(row.count),
      averageResults: Math.round(Number(row.average) * 10) / 10,
      lastSearchedAt: new Date(row.last),
    })),
    zeroResultQueries: zero.map((row) => ({
      query: row.query,
      count: Number(row.count),
      lastSearchedAt: new Date(row.last),
    })),
  };
}
