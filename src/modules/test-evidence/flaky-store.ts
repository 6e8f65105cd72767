import { and, desc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { doublePrecision, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import { afterCursor, encodeCursor, orderBy, type SortKey } from '../../core/resource/sorting.ts';
import type { Executor } from '../../db/connection.ts';
import { type Flakiness, flakinessOf, type WindowResult } from '../../engines/test-results/flaky.ts';
import { type TestStatus, testStatuses } from '../../engines/test-results/model.ts';
import { projectOf } from './scenarios-store.ts';
import { allureReport, allureScenarios } from './tables.ts';

// The flakiness of a branch over its last N imported runs: one pass over the window's results,
// grouped per test in the database (200 runs × 2,000 tests is 400,000 rows, 2,000 groups), each
// test's flips counted by the engine's definition, the flaky ones ranked and paged in SQL.

const s = allureScenarios;
const r = allureReport;

/** The branch's window: its last `runs` imported runs, newest first. */
export interface RunWindow {
  branch: string | null;
  runIds: string[];
  /** When each run was uploaded, in the same order. */
  createdAt: Date[];
}

/** The branch a flaky list defaults to: the most recent imported run's (null when it had none). */
export async function latestBranch(db: Executor, scope: Scope): Promise<string | null | undefined> {
  const [latest] = await db
    .select({ branch: r.branch })
    .from(r)
    .where(
      and(
        eq(r.workspaceId, scope.ctx.workspaceId),
        eq(r.projectId, projectOf(scope)),
        eq(r.status, 'imported'),
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(1);
  return latest ? latest.branch : undefined;
}

/** The ids of the branch's last `count` imported runs (uploaded by `until`, if given), newest first. */
export async function runWindow(
  db: Executor,
  scope: Scope,
  branch: string | null,
  count: number,
  until?: Date,
): Promise<RunWindow> {
  const rows = await db
    .select({ id: r.id, createdAt: r.createdAt })
    .from(r)
    .where(
      and(
        eq(r.workspaceId, scope.ctx.workspaceId),
        eq(r.projectId, projectOf(scope)),
        branch === null ? isNull(r.branch) : eq(r.branch, branch),
        eq(r.status, 'imported'),
        until ? lte(r.createdAt, until) : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(count);
  return { branch, runIds: rows.map((row) => row.id), createdAt: rows.map((row) => row.createdAt) };
}

/** The window as a VALUES list: each run id with its place, 0 being the newest. */
function windowValues(window: RunWindow): SQL {
  const rows = window.runIds.map((id, index) => sql`(${id}::uuid, ${index}::int)`);
  return sql`window_runs (run_id, position) as (values ${sql.join(rows, sql`, `)})`;
}

/** Each result travels as one number: its place in the window × 8 + its status. */
const statusCodes: readonly TestStatus[] = ['passed', 'failed', 'broken', 'skipped', 'unknown'];
const encodedResult = sql`window_runs.position * 8 + case ${s.status} when 'passed' then 0 when 'failed' then 1
  when 'broken' then 2 when 'skipped' then 3 else 4 end`;
/**
 * The test case id compared as a 32-bit hash: whether it changed between two results is all that
 * matters, and a collision (one in four billion per change) would only hide one flip.
 */
const caseHash = sql`hashtext(coalesce(${s.testCaseId}, ''))`;

const aggregateRow = z.object({
  history_id: z.string(),
  results: z.array(z.coerce.number()),
  case_changed: z.boolean(),
  retried_passes: z.coerce.number(),
});

/** One test's results over the window, and how flaky they make it. */
export interface TestWindow {
  historyId: string;
  retriedPasses: number;
  flakiness: Flakiness;
}

/** Each result's test case id (as its hash), for the tests whose id changed within the window. */
async function caseHashes(db: Executor, scope: Scope, window: RunWindow, historyIds: string[]) {
  const byTest = new Map<string, Map<number, string>>();
  if (historyIds.length === 0) return byTest;
  const tests = sql.join(
    historyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const answer = await db.execute(sql`with ${windowValues(window)}
    select ${s.historyId} as history_id, window_runs.position, ${caseHash}::text as case_hash
    from ${s} join window_runs on window_runs.run_id = ${s.runId}
    where ${s.workspaceId} = ${scope.ctx.workspaceId} and ${s.historyId} in (${tests})`);
  const rows = z
    .array(z.object({ history_id: z.string(), position: z.coerce.number(), case_hash: z.string() }))
    .parse(answer.rows);
  for (const row of rows) {
    const positions = byTest.get(row.history_id) ?? new Map<number, string>();
    positions.set(row.position, row.case_hash);
    byTest.set(row.history_id, positions);
  }
  return byTest;
}

/**
 * Every test's results in the window, one row per test, grouped by hashing with no ORDER BY: the
 * order is restored per test by the engine, since sorting the window's rows (400,000 for 200 runs
 * of 2,000 tests) in the database costs more than the scan. The hash table gets the memory it
 * needs for the transaction only, instead of spilling to disk in sorted groups.
 */
export async function testWindows(db: Executor, scope: Scope, window: RunWindow): Promise<TestWindow[]> {
  if (window.runIds.length === 0) return [];
  await db.execute(sql`select set_config('work_mem', '64MB', true)`);
  const answer = await db.execute(sql`with ${windowValues(window)}
    select ${s.historyId} as history_id, array_agg(${encodedResult}) as results,
      min(${caseHash}) <> max(${caseHash}) as case_changed,
      (count(*) filter (where ${s.status} = 'passed' and jsonb_array_length(${s.retries}) > 0))::int
        as retried_passes
    from ${s} join window_runs on window_runs.run_id = ${s.runId}
    where ${s.workspaceId} = ${scope.ctx.workspaceId}
    group by ${s.historyId}`);
  const rows = z.array(aggregateRow).parse(answer.rows);
  const cases = await caseHashes(
    db,
    scope,
    window,
    rows.filter((row) => row.case_changed).map((row) => row.history_id),
  );
  const last = window.runIds.length - 1;
  return rows.map((row) => {
    const results = row.results.map((code): WindowResult => {
      const position = Math.floor(code / 8);
      // The engine counts runs oldest first; positions count from the newest.
      return {
        run: last - position,
        status: statusCodes[code % 8] ?? 'unknown',
        testCaseId: cases.get(row.history_id)?.get(position) ?? null,
      };
    });
    return { historyId: row.history_id, retriedPasses: row.retried_passes, flakiness: flakinessOf(results) };
  });
}

/** Flaky: it flipped, or passed only after retries. */
export const isFlakyTest = (test: TestWindow) => test.flakiness.flips > 0 || test.retriedPasses > 0;

/**
 * The columns of the ranking (a CTE over the flaky tests, not a table): declared so that the
 * resource layer's cursors page it like any other ordered rows.
 */
const ranking = pgTable('flaky_ranking', {
  id: text('history_id').notNull(),
  flipRate: doublePrecision('flip_rate').notNull(),
  retriedPasses: integer('retried_passes').notNull(),
});
const rankOrder: SortKey[] = [
  { field: 'flipRate', column: ranking.flipRate, descending: true },
  { field: 'retriedPasses', column: ranking.retriedPasses, descending: true },
];

/** One page of these flaky tests, ranked by flip rate, then passes after retries. */
export async function rankedPage(
  db: Executor,
  tests: TestWindow[],
  page: { limit: number; cursor?: string },
): Promise<{ historyIds: string[]; nextCursor: string | null }> {
  const rows = tests.map((test) => ({
    history_id: test.historyId,
    flip_rate: test.flakiness.flipRate,
    retried_passes: test.retriedPasses,
  }));
  const after = page.cursor ? sql`where ${afterCursor(rankOrder, ranking.id, page.cursor)}` : sql``;
  const answer = await db.execute(sql`with ${ranking} as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(history_id text, flip_rate float8, retried_passes int)
    )
    select * from ${ranking} ${after}
    order by ${sql.join(orderBy(rankOrder, ranking.id), sql`, `)}
    limit ${page.limit + 1}`);
  const ranked = z
    .array(
      z.object({ history_id: z.string(), flip_rate: z.coerce.number(), retried_passes: z.coerce.number() }),
    )
    .parse(answer.rows);
  const shown = ranked.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    historyIds: shown.map((row) => row.history_id),
    nextCursor:
      ranked.length > page.limit && last
        ? encodeCursor(rankOrder, {
            id: last.history_id,
            flipRate: last.flip_rate,
            retriedPasses: last.retried_passes,
          })
        : null,
  };
}

/** Share (0..1) of the window's tests that are flaky. */
export async function flakyShare(db: Executor, scope: Scope, window: RunWindow): Promise<number> {
  const tests = await testWindows(db, scope, window);
  return tests.length > 0 ? tests.filter(isFlakyTest).length / tests.length : 0;
}

const latestRow = z.object({
  history_id: z.string(),
  test_case_id: z.string().nullable(),
  full_name: z.string(),
  status: z.enum(testStatuses),
});

/** The latest result in the window of each of these tests: its name, test case id and status. */
export async function latestResults(
  db: Executor,
  scope: Scope,
  window: RunWindow,
  historyIds: string[],
): Promise<Map<string, z.output<typeof latestRow>>> {
  if (historyIds.length === 0 || window.runIds.length === 0) return new Map();
  const tests = sql.join(
    historyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const answer = await db.execute(sql`with ${windowValues(window)}
    select distinct on (${s.historyId}) ${s.historyId} as history_id, ${s.testCaseId} as test_case_id,
      ${s.fullName} as full_name, ${s.status} as status
    from ${s} join window_runs on window_runs.run_id = ${s.runId}
    where ${s.workspaceId} = ${scope.ctx.workspaceId} and ${s.projectId} = ${projectOf(scope)}
      and ${s.historyId} in (${tests})
    order by ${s.historyId}, window_runs.position`);
  const rows = z.array(latestRow).parse(answer.rows);
  return new Map(rows.map((row) => [row.history_id, row]));
}
