import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { invalidField } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import type { TrendPoint, TrendQuery } from './analysis-contracts.ts';
import { projectOf } from './scenarios-store.ts';
import { allureReport } from './tables.ts';

// Pass rate and duration over time, by branch: the imported runs bucketed by the day or week they
// were uploaded (UTC; weeks start on Monday).

const r = allureReport;
const day = 86_400_000;
const defaultDays = 30;
const maxBuckets = 366;

function trendWindow(query: TrendQuery): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultDays * day);
  if (from > to) throw invalidField('query.from', 'must be before `to`');
  const bucket = query.interval === 'week' ? 7 * day : day;
  if ((to.getTime() - from.getTime()) / bucket > maxBuckets)
    throw invalidField('query.from', `at most ${maxBuckets} ${query.interval}s before \`to\``);
  return { from, to };
}

const totalOf = (field: 'passed' | 'total' | 'skipped') =>
  sql`coalesce((${r.totals} ->> ${sql.raw(`'${field}'`)})::bigint, 0)`;

/** GET …/test-trends: one point per bucket and branch that had imported runs. */
export async function testTrends(scope: Scope, query: TrendQuery): Promise<{ data: TrendPoint[] }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const { from, to } = trendWindow(query);
    const conditions: SQL[] = [
      eq(r.workspaceId, scope.ctx.workspaceId),
      eq(r.projectId, projectOf(scope)),
      eq(r.status, 'imported'),
      gte(r.createdAt, from),
      lte(r.createdAt, to),
    ];
    if (query.branch) conditions.push(eq(r.branch, query.branch));
    // The interval is one of two words (the schema's enum), written inline so that the select and
    // the GROUP BY are the same expression to the planner.
    const unit = sql.raw(query.interval === 'week' ? `'week'` : `'day'`);
    const period = sql<string>`date_trunc(${unit}, ${r.createdAt}, 'UTC')`;
    const rows = await db
      .select({
        period,
        branch: r.branch,
        runs: sql<number>`count(*)::int`,
        passed: sql<string>`sum(${totalOf('passed')})`,
        counted: sql<string>`sum(${totalOf('total')} - ${totalOf('skipped')})`,
        avgDurationMs: sql<string | null>`avg(${r.durationMs})`,
        tests: sql<string>`avg(${totalOf('total')})`,
      })
      .from(r)
      .where(and(...conditions))
      .groupBy(period, r.branch)
      .orderBy(period, r.branch);
    return {
      data: rows.map((row) => {
        const counted = Number(row.counted);
        return {
          period: new Date(row.period),
          branch: row.branch,
          runs: Number(row.runs),
          passRate: counted > 0 ? Number(row.passed) / counted : null,
          avgDurationMs: row.avgDurationMs === null ? null : Math.round(Number(row.avgDurationMs)),
          tests: Math.round(Number(row.tests)),
        };
      }),
    };
  });
}
