import type { Scope } from '../../core/resource/scope.ts';
import type { AnalyticsQuery } from './contracts.ts';
import { normalizeQuery } from './query.ts';
import { insertSearchRecord, periodTotals, topQueries, zeroResultQueries } from './store.ts';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Records one search. Not an audit event: it changes no content, and the trail should not grow
 * with every keystroke of every reader.
 */
export async function recordSearch(
  scope: Scope,
  entry: { q: string; resultCount: number; latencyMs: number },
): Promise<void> {
  await scope.db.transaction((tx) =>
    insertSearchRecord(tx, {
      workspaceId: scope.ctx.workspaceId,
      userId: scope.ctx.actor.userId,
      query: normalizeQuery(entry.q),
      resultCount: entry.resultCount,
      latencyMs: entry.latencyMs,
    }),
  );
}

/** Top queries and zero-result queries of a period (by default the last 30 days), with counts and latency. */
export async function searchReport(scope: Scope, query: AnalyticsQuery) {
  // The default end includes this very millisecond.
  const to = query.to ? new Date(query.to) : new Date(Date.now() + 1);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * dayMs);
  const period = { workspaceId: scope.ctx.workspaceId, from, to };
  const { totals, top, zero } = await scope.db.read(async (db) => ({
    totals: await periodTotals(db, period),
    top: await topQueries(db, period, query.limit),
    zero: await zeroResultQueries(db, period, query.limit),
  }));
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
