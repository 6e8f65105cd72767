import { eq, sql } from 'drizzle-orm';
import type { Scope } from '../../core/resource/scope.ts';
import { changeRow } from '../../core/resource/writes.ts';
import type { WorkspaceDatabase } from '../../core/tenancy/workspace-database.ts';
import type { FileProblem } from '../../engines/test-results/model.ts';
import { removeRunAttachments } from './attachments.ts';
import type { ClaimedRun } from './importer.ts';
import { testRunResource } from './resource.ts';
import { allureReport, allureScenarios, type RunRow, type StatusTotals } from './tables.ts';

// The end of an import: retries folded into one scenario per test, each test compared with the
// branch's previous run, totals counted, and the run marked imported (one audited event). Or, on
// failure, every row the import wrote removed and the run marked failed with the reasons.

/**
 * Several results of one history id in a run are one test retried: the latest (by stop time) is
 * the scenario, the earlier ones become its `retries`, oldest first, and their rows go.
 */
export async function foldRetries(db: WorkspaceDatabase, runId: string): Promise<void> {
  // One statement: a data-modifying WITH runs to completion whether or not the rest reads it.
  await db.read((executor) =>
    executor.execute(sql`with ranked as (
        select id, history_id, stopped_at,
          row_number() over (partition by history_id
            order by stopped_at desc nulls last, started_at desc nulls last, id desc) as rank,
          jsonb_strip_nulls(jsonb_build_object('status', status, 'statusMessage', status_message,
            'startedAt', started_at, 'stoppedAt', stopped_at, 'durationMs', duration_ms)) as attempt
        from (select s.*, count(*) over (partition by history_id) as attempts
          from allure_scenarios s where run_id = ${runId}) retried
        where attempts > 1),
      latest as (
        update allure_scenarios s set retries = coalesce((
            select jsonb_agg(r.attempt order by r.stopped_at nulls first, r.id)
            from ranked r where r.history_id = s.history_id and r.rank > 1), '[]'::jsonb)
        from ranked k where k.id = s.id and k.rank = 1
        returning s.id)
      delete from allure_scenarios where id in (select id from ranked where rank > 1)`),
  );
}

/** Each test's status in the previous imported run of the same branch (for new failures and flips). */
export async function setPreviousStatus(db: WorkspaceDatabase, run: RunRow): Promise<void> {
  await db.read((executor) =>
    executor.execute(sql`update allure_scenarios s set previous_status = p.status
      from allure_scenarios p
      where s.run_id = ${run.id} and p.history_id = s.history_id
        and p.run_id = (select r.id from allure_report r
          where r.project_id = ${run.projectId} and r.status = 'imported' and r.id <> ${run.id}
            and r.branch is not distinct from ${run.branch} and r.created_at <= ${run.createdAt}
          order by r.created_at desc, r.id desc limit 1)`),
  );
}

interface RunFacts {
  totals: StatusTotals;
  startedAt: Date | null;
  stoppedAt: Date | null;
}

async function factsOf(db: WorkspaceDatabase, runId: string): Promise<RunFacts> {
  const rows = await db.read((executor) =>
    executor
      .select({
        status: allureScenarios.status,
        count: sql<number>`count(*)::int`,
        startedAt: sql<string | null>`min(${allureScenarios.startedAt})`,
        stoppedAt: sql<string | null>`max(${allureScenarios.stoppedAt})`,
      })
      .from(allureScenarios)
      .where(eq(allureScenarios.runId, runId))
      .groupBy(allureScenarios.status),
  );
  const totals: StatusTotals = { total: 0, passed: 0, failed: 0, broken: 0, skipped: 0, unknown: 0 };
  let startedAt: Date | null = null;
  let stoppedAt: Date | null = null;
  for (const row of rows) {
    totals[row.status] += row.count;
    totals.total += row.count;
    const start = row.startedAt ? new Date(row.startedAt) : null;
    const stop = row.stoppedAt ? new Date(row.stoppedAt) : null;
    if (start && (!startedAt || start < startedAt)) startedAt = start;
    if (stop && (!stoppedAt || stop > stoppedAt)) stoppedAt = stop;
  }
  return { totals, startedAt, stoppedAt };
}

/** What the import read besides the results, kept on the run. */
export interface RunDetails {
  format: 'allure' | 'junit';
  categories: RunRow['categories'];
  environmentProperties: Record<string, string>;
  executor: RunRow['executor'];
  filesTotal: number;
  skippedFiles: FileProblem[];
}

/** Marks the run imported with its totals (audited once), if it is still this attempt's. */
export async function markImported(scope: Scope, run: ClaimedRun, details: RunDetails): Promise<boolean> {
  const facts = await factsOf(scope.db, run.id);
  return scope.db.transaction(async (tx) => {
    const current = await lockedAttempt(tx, run);
    if (!current) return false;
    await changeRow(tx, testRunResource, scope, current, {
      values: {
        ...details,
        ...facts,
        status: 'imported',
        filesRead: details.filesTotal,
        durationMs:
          facts.startedAt && facts.stoppedAt ? facts.stoppedAt.getTime() - facts.startedAt.getTime() : null,
        importedAt: new Date(),
        leaseUntil: null,
        importErrors: [],
      },
      event: 'imported',
      data: { totals: facts.totals, attempt: run.attempt },
      always: true,
    });
    return true;
  });
}

/** The run, locked, if it is still held by this attempt (not deleted, not taken over by another process). */
async function lockedAttempt(
  tx: Parameters<Parameters<WorkspaceDatabase['transaction']>[0]>[0],
  run: ClaimedRun,
) {
  const [row] = await tx.select().from(allureReport).where(eq(allureReport.id, run.id)).for('update');
  return row && row.status === 'importing' && row.importAttempts === run.attempt ? row : null;
}

/** Removes every row an import attempt wrote for the run (the run itself stays). */
export async function clearImportedRows(db: WorkspaceDatabase, runId: string): Promise<void> {
  // Steps go with their scenarios (on delete cascade).
  await db.read((executor) => executor.delete(allureScenarios).where(eq(allureScenarios.runId, runId)));
  await removeRunAttachments({ db }, runId);
}

/** Marks the run failed with the reasons, its rows removed (all or nothing), audited. */
export async function markFailed(scope: Scope, run: ClaimedRun, errors: FileProblem[]): Promise<boolean> {
  await clearImportedRows(scope.db, run.id);
  return scope.db.transaction(async (tx) => {
    const current = await lockedAttempt(tx, run);
    if (!current) return false;
    await changeRow(tx, testRunResource, scope, current, {
      values: { status: 'failed', importErrors: errors, leaseUntil: null },
      event: 'failed',
      data: { errors: errors.slice(0, 20), attempt: run.attempt },
      always: true,
    });
    return true;
  });
}
