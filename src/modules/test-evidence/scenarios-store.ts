import { and, asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import type { TestStatus } from '../../engines/test-results/model.ts';
import type { Change, ScenarioOutput, StepOutput } from './analysis-contracts.ts';
import {
  allureReport,
  allureScenarios,
  allureSteps,
  type RunRow,
  type ScenarioRow,
  type StepRow,
  type StoredAttachment,
} from './tables.ts';

// Reading what an import wrote: the run (only an imported one is evidence), its scenarios as the
// API shows them, and a scenario's steps as a tree.

export function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('a test evidence route needs a project');
  return scope.projectId;
}

/**
 * The project's run, or 404 (also for another workspace's); 409 while it is not imported, since
 * until then its rows are an import's scratch work.
 */
export async function importedRun(db: Executor, scope: Scope, runId: string): Promise<RunRow> {
  const [run] = await db
    .select()
    .from(allureReport)
    .where(
      and(
        eq(allureReport.id, runId),
        eq(allureReport.workspaceId, scope.ctx.workspaceId),
        eq(allureReport.projectId, projectOf(scope)),
      ),
    )
    .limit(1);
  if (!run) throw notFound('test run', runId);
  if (run.status !== 'imported')
    throw new AppError('conflict', `Test run ${runId} is ${run.status}; only an imported run answers this.`, {
      code: 'test_run.not_imported',
      extensions: { runStatus: run.status },
    });
  return run;
}

const failing: readonly TestStatus[] = ['failed', 'broken'];
export const isFailing = (status: TestStatus | null) => status !== null && failing.includes(status);

/** How the scenario's status compares with the branch's previous run. */
export function changeOf(status: TestStatus, previous: TestStatus | null): Change | null {
  if (isFailing(status) && previous === 'passed') return 'new-failure';
  if (status === 'passed' && isFailing(previous)) return 'fixed';
  if (isFailing(status) && isFailing(previous)) return 'still-failing';
  return null;
}

/** Passed only after retries, or marked flaky by the adapter (as the `flaky` filter says). */
export function isFlaky(row: Pick<ScenarioRow, 'flaky' | 'status' | 'retries'>): boolean {
  return row.flaky || (row.status === 'passed' && row.retries.length > 0);
}

export function scenarioOutput(row: ScenarioRow): ScenarioOutput {
  return {
    id: row.id,
    runId: row.runId,
    historyId: row.historyId,
    testCaseId: row.testCaseId,
    fullName: row.fullName,
    name: row.name,
    status: row.status,
    statusMessage: row.statusMessage,
    category: row.category,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
    durationMs: row.durationMs,
    labels: row.labels,
    epic: row.epic,
    feature: row.feature,
    story: row.story,
    suite: row.suite,
    severity: row.severity,
    owner: row.owner,
    tags: row.tags,
    parameters: row.parameters,
    links: row.links,
    retries: row.retries,
    flaky: isFlaky(row),
    known: row.known,
    muted: row.muted,
    quarantined: row.quarantined,
    previousStatus: row.previousStatus,
    change: changeOf(row.status, row.previousStatus),
  };
}

/** The run's scenario, or 404. */
export async function scenarioOf(db: Executor, scope: Scope, run: RunRow, id: string) {
  const [row] = await db
    .select()
    .from(allureScenarios)
    .where(
      and(
        eq(allureScenarios.id, id),
        eq(allureScenarios.runId, run.id),
        eq(allureScenarios.workspaceId, scope.ctx.workspaceId),
      ),
    )
    .limit(1);
  if (!row) throw notFound('test scenario', id);
  return row;
}

/** Where the API serves an attachment's bytes, through the run that references them. */
export function attachmentUrl(run: Pick<RunRow, 'id' | 'projectId'>, sha256: string): string {
  return `/api/v1/projects/${run.projectId}/test-runs/${run.id}/attachments/${sha256}`;
}

export function attachmentsOf(run: RunRow, attachments: readonly StoredAttachment[]) {
  return attachments.map((attachment) => ({ ...attachment, url: attachmentUrl(run, attachment.sha256) }));
}

/** The scenario's steps and fixtures, nested under their parents in the order they ran. */
export async function stepTree(db: Executor, run: RunRow, scenarioId: string): Promise<StepOutput[]> {
  const rows = await db
    .select()
    .from(allureSteps)
    .where(and(eq(allureSteps.scenarioId, scenarioId), eq(allureSteps.runId, run.id)))
    .orderBy(asc(allureSteps.position), asc(allureSteps.id));
  const byParent = new Map<string | null, StepRow[]>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const build = (parentId: string | null, depth: number): StepOutput[] =>
    // Nesting is bounded so that a parent loop in bad data cannot recurse forever.
    depth > 100
      ? []
      : (byParent.get(parentId) ?? []).map((row) => ({
          id: row.id,
          kind: row.kind,
          name: row.name,
          status: row.status,
          statusMessage: row.statusMessage,
          durationMs: row.durationMs,
          parameters: row.parameters,
          attachments: attachmentsOf(run, row.attachments),
          steps: build(row.id, depth + 1),
        }));
  return build(null, 0);
}
