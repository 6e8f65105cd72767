import { runIdempotentWrite, type StoredAnswer } from '../../core/http/idempotency.ts';
import { etagOf } from '../../core/http/resource-routes.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow, toOutput } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import type { LintReport } from '../../engines/sql-lint/index.ts';
import type { LintRunRequest, RecordedRun } from './contracts.ts';
import { checkRequest, lintWith } from './lint.ts';
import { type LintRunListQuery, lintRunResource } from './resource.ts';
import { recordRisks } from './risks.ts';
import { readSettings } from './settings.ts';
import { listRunSummaries, lockProjectRuns } from './store.ts';
import { lockStrategy, strategyResource } from './strategies.ts';

/** Where the run is posted, and the Idempotency-Key that makes a retry safe. */
export interface RunRequest {
  path: string;
  idempotencyKey?: string;
}

/**
 * POST …/migrations/lint-runs: lints the files (outside any transaction: it is pure work), then in
 * one transaction records the run, turns each finding with no open risk into a migration risk of
 * the strategy, and marks the strategy linted. Everything written is audited; a repeated
 * Idempotency-Key answers the first run again.
 */
export async function recordLintRun(
  scope: Scope,
  request: LintRunRequest,
  http: RunRequest,
): Promise<StoredAnswer & { replayed: boolean }> {
  checkRequest(request);
  const settings = await scope.db.read((db) => readSettings(db, scope));
  const report = await lintWith(settings, request);
  const strategyId = request.strategyId ?? settings.defaultStrategyId;
  const field = request.strategyId ? 'strategyId' : 'defaultStrategyId';
  return runIdempotentWrite(
    scope.db,
    { key: http.idempotencyKey, method: 'POST', path: http.path, body: request },
    async (tx) => {
      const run = await writeRun(tx, scope, { report, strategyId, field, commitSha: request.commitSha });
      return {
        status: 201,
        body: JSON.parse(JSON.stringify(run)),
        headers: { etag: etagOf(run.version), location: `${http.path}/${run.id}` },
      };
    },
  );
}

interface RunValues {
  report: LintReport;
  strategyId: string | null;
  /** The request field the strategy came from, for the 422 when it names nothing. */
  field: string;
  commitSha?: string;
}

async function writeRun(tx: Transaction, scope: Scope, values: RunValues): Promise<RecordedRun> {
  const { report, strategyId } = values;
  await assertProjectVisible(tx, scope);
  await lockProjectRuns(tx, scope);
  const strategy = strategyId ? await lockStrategy(tx, scope, strategyId, values.field) : null;
  const row = await createRow(tx, lintRunResource, scope, {
    strategyId,
    commitSha: values.commitSha ?? null,
    pgVersion: report.pgVersion,
    ...report.summary,
    report,
  });
  const risks = await recordRisks(tx, scope, strategyId, report, row.createdAt);
  if (strategy)
    await changeRow(tx, strategyResource, scope, strategy, {
      values: { lastLintedAt: row.createdAt },
      data: { lintRunId: row.id },
    });
  return { ...toOutput(lintRunResource, row), risks };
}

/** GET …/migrations/lint-runs: a page of the project's runs, newest first, without their reports. */
export async function listLintRuns(scope: Scope, query: LintRunListQuery) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    return listRunSummaries(db, scope, query);
  });
}

/** GET …/migrations/lint-runs/{runId}: one run with its report (404 in another project or workspace). */
export async function getLintRun(scope: Scope, runId: string) {
  const row = await scope.db.read((db) => getRow(db, lintRunResource, scope, runId));
  return toOutput(lintRunResource, row);
}
