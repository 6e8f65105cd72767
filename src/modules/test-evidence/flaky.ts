import { sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { afterCursor, encodeCursor, orderBy, type SortKey } from '../../core/resource/sorting.ts';
import type { Executor } from '../../db/connection.ts';
import { testStatuses } from '../../engines/test-results/model.ts';
import type { FlakyQuery, FlakyTest, QuarantinedQuery, QuarantinedTest } from './analysis-contracts.ts';
import {
  isFlakyTest,
  latestBranch,
  latestResults,
  type RunWindow,
  rankedPage,
  runWindow,
  testWindows,
} from './flaky-store.ts';
import { projectOf } from './scenarios-store.ts';
import { allureReport, allureScenarios } from './tables.ts';

// Flaky tests: over the last N imported runs of a branch, the tests whose result flipped between
// passing and failing from one run to the next (same test case id), or that passed only after
// retries; and, apart from them, the tests whose latest result is quarantined or muted.

const s = allureScenarios;
const r = allureReport;

async function windowOf(db: Executor, scope: Scope, query: { branch?: string; runs: number }) {
  const branch = query.branch ?? (await latestBranch(db, scope));
  // No imported run at all: an empty window.
  if (branch === undefined) return { branch: null, runIds: [], createdAt: [] };
  return runWindow(db, scope, branch, query.runs);
}

/** The upload time of the run at this place of the window (counted oldest first). */
function runTime(window: RunWindow, run: number | null): Date | null {
  if (run === null) return null;
  return window.createdAt[window.runIds.length - 1 - run] ?? null;
}

/** GET …/flaky-tests: a page of the branch's flaky tests, most flipping first. */
export async function listFlakyTests(
  scope: Scope,
  query: FlakyQuery,
): Promise<{ data: FlakyTest[]; nextCursor: string | null; branch: string | null }> {
  // A transaction, so that the analysis may take the memory it needs for itself (testWindows).
  return scope.db.transaction(async (db) => {
    await assertProjectVisible(db, scope);
    const window = await windowOf(db, scope, query);
    const flaky = (await testWindows(db, scope, window)).filter(isFlakyTest);
    const page = await rankedPage(db, flaky, query);
    const latest = await latestResults(db, scope, window, page.historyIds);
    const byId = new Map(flaky.map((test) => [test.historyId, test]));
    const data = page.historyIds.flatMap((historyId): FlakyTest[] => {
      const test = byId.get(historyId);
      const last = latest.get(historyId);
      if (!test || !last) return [];
      const { flakiness } = test;
      return [
        {
          historyId,
          testCaseId: last.test_case_id,
          fullName: last.full_name,
          runsConsidered: flakiness.considered,
          flips: flakiness.flips,
          flipRate: flakiness.flipRate,
          firstFlipAt: runTime(window, flakiness.firstFlip),
          lastFlipAt: runTime(window, flakiness.lastFlip),
          retriedPasses: test.retriedPasses,
          lastStatus: last.status,
        },
      ];
    });
    return { data, nextCursor: page.nextCursor, branch: window.branch };
  });
}

/** The columns of the quarantined list the query computes (a CTE), for the resource layer's cursors. */
const quarantineList = pgTable('quarantine_list', {
  id: text('history_id').notNull(),
  fullName: text('full_name').notNull(),
});
const byName: SortKey[] = [{ field: 'fullName', column: quarantineList.fullName, descending: false }];

const quarantinedRow = z.object({
  history_id: z.string(),
  test_case_id: z.string().nullable(),
  full_name: z.string(),
  status: z.enum(testStatuses),
  muted: z.boolean(),
  quarantined: z.boolean(),
  run_id: z.string(),
  scenario_id: z.string(),
  run_created_at: z.coerce.date(),
});

async function quarantinedPage(db: Executor, scope: Scope, window: RunWindow, query: QuarantinedQuery) {
  const ids = sql.join(
    window.runIds.map((id, index) => sql`(${id}::uuid, ${index}::int)`),
    sql`, `,
  );
  const after = query.cursor ? sql`and ${afterCursor(byName, quarantineList.id, query.cursor)}` : sql``;
  // Only tests quarantined or muted somewhere in the window can be quarantined at its end: the
  // latest result is looked up for those few, not sorted out of every result of the window.
  const answer = await db.execute(sql`with window_runs (run_id, position) as (values ${ids}),
    candidates as (
      select distinct ${s.historyId} as history_id from ${s}
      join window_runs on window_runs.run_id = ${s.runId}
      where ${s.workspaceId} = ${scope.ctx.workspaceId} and (${s.quarantined} or ${s.muted})
    ),
    ${quarantineList} as (
      select distinct on (${s.historyId}) ${s.historyId} as history_id, ${s.testCaseId} as test_case_id,
        ${s.fullName} as full_name, ${s.status} as status, ${s.muted} as muted,
        ${s.quarantined} as quarantined, ${s.runId} as run_id, ${s.id} as scenario_id,
        ${r.createdAt} as run_created_at
      from ${s}
      join candidates on candidates.history_id = ${s.historyId}
      join window_runs on window_runs.run_id = ${s.runId}
      join ${r} on ${r.id} = ${s.runId}
      where ${s.workspaceId} = ${scope.ctx.workspaceId} and ${s.projectId} = ${projectOf(scope)}
      order by ${s.historyId}, window_runs.position
    )
    select * from ${quarantineList} where (quarantined or muted) ${after}
    order by ${sql.join(orderBy(byName, quarantineList.id), sql`, `)}
    limit ${query.limit + 1}`);
  return z.array(quarantinedRow).parse(answer.rows);
}

/** GET …/quarantined-tests: the tests whose latest result in the window is quarantined or muted. */
export async function listQuarantinedTests(
  scope: Scope,
  query: QuarantinedQuery,
): Promise<{ data: QuarantinedTest[]; nextCursor: string | null; branch: string | null }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const window = await windowOf(db, scope, query);
    if (window.runIds.length === 0) return { data: [], nextCursor: null, branch: window.branch };
    const rows = await quarantinedPage(db, scope, window, query);
    const shown = rows.slice(0, query.limit);
    const last = shown[shown.length - 1];
    return {
      data: shown.map((row) => ({
        historyId: row.history_id,
        testCaseId: row.test_case_id,
        fullName: row.full_name,
        status: row.status,
        muted: row.muted,
        quarantined: row.quarantined,
        runId: row.run_id,
        scenarioId: row.scenario_id,
        runCreatedAt: row.run_created_at,
      })),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(byName, { id: last.history_id, fullName: last.full_name })
          : null,
      branch: window.branch,
    };
  });
}
