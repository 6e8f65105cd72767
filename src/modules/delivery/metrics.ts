import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import type {
  jiraMetricsSchema,
  mergeRequestMetricsQuerySchema,
  mergeRequestMetricsSchema,
  metricsQuerySchema,
  reviewerMetricsSchema,
} from './metrics-contracts.ts';

// The delivery metrics, computed by the database over the synced rows: percentiles with
// percentile_cont (linear interpolation between ranks), buckets with date_trunc in UTC.

export interface Window {
  from: Date;
  to: Date;
}

const day = 86_400_000;

/**
 * Runs a metric's statements in one read-only transaction tuned for analysis: no JIT (PostgreSQL
 * compiles a plan whose estimate is large, set-returning functions such as jsonb_each make it so,
 * and the compiling costs more than the query saves) and room to sort the window's rows in memory.
 */
export function analyticalRead<T>(scope: Scope, work: (db: Executor) => Promise<T>): Promise<T> {
  return scope.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return work(tx);
  });
}

export function windowOf(query: { from?: string; to?: string }): Window {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * day);
  return { from, to };
}

type Percentiles = { p50: number | null; p75: number | null; p90: number | null };

/** `percentile_cont` of a column at p50, p75 and p90, as one SQL array. */
function percentilesOf(column: SQL): SQL {
  return sql`percentile_cont(array[0.5, 0.75, 0.9]) within group (order by ${column})`;
}

function asPercentiles(value: unknown): Percentiles {
  const list = Array.isArray(value) ? value : [];
  const at = (index: number) =>
    list[index] === null || list[index] === undefined ? null : Math.round(Number(list[index]));
  return { p50: at(0), p75: at(1), p90: at(2) };
}

const stageColumns = {
  coding: sql.raw('mr.coding_ms'),
  pickup: sql.raw('mr.pickup_ms'),
  review: sql.raw('mr.review_ms'),
  deploy: sql.raw('mr.deploy_ms'),
  lead: sql.raw('mr.lead_ms'),
};

function stageSelect(): SQL {
  return sql.join(
    Object.entries(stageColumns).map(([name, column]) => sql`${percentilesOf(column)} as ${sql.raw(name)}`),
    sql`, `,
  );
}

type StageRow = Record<keyof typeof stageColumns, unknown>;
const noStages: StageRow = { coding: null, pickup: null, review: null, deploy: null, lead: null };

function stagesOf(row: StageRow) {
  return {
    coding: asPercentiles(row.coding),
    pickup: asPercentiles(row.pickup),
    review: asPercentiles(row.review),
    deploy: asPercentiles(row.deploy),
    lead: asPercentiles(row.lead),
  };
}

/** The expression a merge request is grouped by; labels fan an MR out to each of its labels. */
function groupExpression(groupBy: string): { from: SQL; group: SQL } {
  if (groupBy === 'label')
    return {
      from: sql`, unnest(case when cardinality(mr.labels) = 0 then array['(none)'] else mr.labels end) as label`,
      group: sql`label`,
    };
  if (groupBy === 'author') return { from: sql``, group: sql`mr.author_handle` };
  if (groupBy === 'targetBranch') return { from: sql``, group: sql`mr.target_branch` };
  if (groupBy === 'team')
    return {
      from: sql``,
      group: sql`coalesce((select p.team from delivery_people p where mr.author_handle = any(p.gitlab_usernames) order by p.id limit 1), '(no team)')`,
    };
  return { from: sql``, group: sql`null::text` };
}

const bucketSql = (interval: 'week' | 'month', column: SQL) =>
  sql`to_char(date_trunc(${interval}, ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

export async function mergeRequestMetrics(
  scope: Scope,
  projectId: string,
  query: z.output<typeof mergeRequestMetricsQuerySchema>,
): Promise<z.input<typeof mergeRequestMetricsSchema>> {
  const { from, to } = windowOf(query);
  const inWindow = sql`mr.project_id = ${projectId} and mr.merged_at >= ${from.toISOString()}::timestamptz
    and mr.merged_at < ${to.toISOString()}::timestamptz`;
  const { from: fanOut, group } = groupExpression(query.groupBy);
  return analyticalRead(scope, async (db: Executor) => {
    const overall = await db.execute<StageRow & { merged: number }>(sql`
      select count(*)::int as merged, ${stageSelect()} from gitlab_mr_lead_times mr where ${inWindow}`);
    const series = await db.execute<StageRow & { merged: number; bucket: string; grp: string | null }>(sql`
      select ${bucketSql(query.interval, sql`mr.merged_at`)} as bucket, ${group} as grp, count(*)::int as merged,
        ${stageSelect()}
      from gitlab_mr_lead_times mr ${fanOut} where ${inWindow}
      group by 1, 2 order by 1, 2`);
    const head = overall.rows[0];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      interval: query.interval,
      groupBy: query.groupBy,
      overall: { merged: Number(head?.merged ?? 0), stages: stagesOf(head ?? noStages) },
      series: series.rows.map((row) => ({
        bucket: row.bucket,
        group: row.grp,
        merged: Number(row.merged),
        stages: stagesOf(row),
      })),
    };
  });
}

export async function jiraMetrics(
  scope: Scope,
  projectId: string,
  query: z.output<typeof metricsQuerySchema>,
): Promise<z.input<typeof jiraMetricsSchema>> {
  const { from, to } = windowOf(query);
  const done = sql`i.project_id = ${projectId} and i.done_at >= ${from.toISOString()}::timestamptz
    and i.done_at < ${to.toISOString()}::timestamptz`;
  return analyticalRead(scope, async (db: Executor) => {
    const overall = await db.execute<{ done: number; lead: unknown; cycle: unknown }>(sql`
      select count(*)::int as done, ${percentilesOf(sql`i.lead_ms`)} as lead, ${percentilesOf(sql`i.cycle_ms`)} as cycle
      from jira_lead_times i where ${done}`);
    const throughput = await db.execute<{ bucket: string; done: number; lead: unknown; cycle: unknown }>(sql`
      select ${bucketSql(query.interval, sql`i.done_at`)} as bucket, count(*)::int as done,
        ${percentilesOf(sql`i.lead_ms`)} as lead, ${percentilesOf(sql`i.cycle_ms`)} as cycle
      from jira_lead_times i where ${done} group by 1 order by 1`);
    // The mean, not a percentile: a median per status sorts every (issue, status) pair of the
    // window, several times the cost of the rest of the figures together.
    const statuses = await db.execute<{ status: string; issues: number; mean: unknown; total: unknown }>(sql`
      select s.key as status, count(*)::int as issues,
        avg(s.value::bigint) as mean, sum(s.value::bigint) as total
      from jira_lead_times i, jsonb_each_text(i.time_in_status) s
      where ${done} group by s.key order by sum(s.value::bigint) desc`);
    const head = overall.rows[0];
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      interval: query.interval,
      overall: {
        done: Number(head?.done ?? 0),
        lead: asPercentiles(head?.lead),
        cycle: asPercentiles(head?.cycle),
      },
      throughput: throughput.rows.map((row) => ({
        bucket: row.bucket,
        done: Number(row.done),
        lead: asPercentiles(row.lead),
        cycle: asPercentiles(row.cycle),
      })),
      timeInStatus: statuses.rows.map((row) => ({
        status: row.status,
        issues: Number(row.issues),
        meanMs: row.mean === null ? null : Math.round(Number(row.mean)),
        totalMs: Number(row.total),
      })),
    };
  });
}

/** Gini coefficient of the counts: 0 when shared evenly, towards 1 when one holds them all. */
export function gini(counts: number[]): number | null {
  const sorted = counts.filter((count) => count > 0).sort((a, b) => a - b);
  const total = sorted.reduce((sum, count) => sum + count, 0);
  if (sorted.length === 0 || total === 0) return null;
  const weighted = sorted.reduce((sum, count, index) => sum + (index + 1) * count, 0);
  return Number(((2 * weighted) / (sorted.length * total) - (sorted.length + 1) / sorted.length).toFixed(4));
}

export async function reviewerMetrics(
  scope: Scope,
  projectId: string,
  query: { from?: string; to?: string },
): Promise<z.input<typeof reviewerMetricsSchema>> {
  const { from, to } = windowOf(query);
  const merged = sql`mr.project_id = ${projectId} and mr.merged_at >= ${from.toISOString()}::timestamptz
    and mr.merged_at < ${to.toISOString()}::timestamptz`;
  return analyticalRead(scope, async (db: Executor) => {
    const totals = await db.execute<{ merged: number; unreviewed: number }>(sql`
      select count(*)::int as merged, count(*) filter (where mr.reviewer_count = 0)::int as unreviewed
      from gitlab_mr_lead_times mr where ${merged}`);
    // The window's merged merge requests first, then their reviewers through the contributors' key.
    const reviewers = await db.execute<{
      handle: string;
      name: string | null;
      reviews: number;
      comments: number;
    }>(sql`
      with merged as materialized (select mr.mr_key from gitlab_mr_lead_times mr where ${merged})
      select c.handle, min(c.name) as name, count(distinct c.mr_key)::int as reviews,
        coalesce(sum(c.count) filter (where c.role = 'reviewer'), 0)::int as comments
      from gitlab_mr_contributors c
      where c.project_id = ${projectId} and c.role in ('reviewer', 'approver')
        and c.mr_key in (select mr_key from merged)
      group by c.handle order by 3 desc, 1`);
    const all = reviewers.rows.reduce((sum, row) => sum + Number(row.reviews), 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      merged: Number(totals.rows[0]?.merged ?? 0),
      mergedWithoutReview: Number(totals.rows[0]?.unreviewed ?? 0),
      reviewers: reviewers.rows.map((row) => ({
        handle: row.handle,
        name: row.name,
        reviews: Number(row.reviews),
        comments: Number(row.comments),
        share: all === 0 ? 0 : Number((Number(row.reviews) / all).toFixed(4)),
      })),
      balance: gini(reviewers.rows.map((row) => Number(row.reviews))),
    };
  });
}
