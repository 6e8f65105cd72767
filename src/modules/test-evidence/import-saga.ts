import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import { defineSaga } from '../../core/sagas/define.ts';
import type { SagaEngine } from '../../core/sagas/engine.ts';
import type { WorkspaceDatabase } from '../../core/tenancy/workspace-database.ts';
import type { Transaction } from '../../db/connection.ts';
import { markFailed } from './import-finish.ts';
import { type ClaimedRun, importRun } from './importer.ts';
import { allureReport } from './tables.ts';
import { deleteChunks } from './upload-chunks.ts';

// The import of one stored upload as a saga: `import` reads the upload and writes the run's rows
// (all or nothing), `clean-up` deletes the stored upload. A run that fails validation is an
// outcome of the import step, not a failure of it; an unexpected error, or a process that died
// mid-way, is a failed try the engine retries (the next try starts over, removing what the
// earlier one wrote), and the run is marked failed once the tries are used up. The saga's lease
// decides which process imports the run.

export const importSagaType = 'test-evidence.import';

/** Tries of the import step in all; a try the process died in counts. */
export const importTries = 3;

const context = z.object({ runId: z.uuid() });

export const testRunImportSaga = defineSaga({
  type: importSagaType,
  title: 'Test-run import',
  context,
  steps: [
    {
      name: 'import',
      title: 'Read the upload and write the run’s results',
      retry: { attempts: importTries, backoffMs: 2_000 },
      async run({ app, context, scope, saga, attempt, signal }) {
        const run = await beginAttempt(scope, context.runId, attempt);
        if (!run.claimed) return { status: run.status };
        // Tries past the policy's were each cut off by a process that stopped before they failed.
        if (saga.stepAttempts > importTries) {
          await giveUp(scope, run.claimed, 'stopped');
          return { status: 'failed' };
        }
        try {
          return { status: await importRun(app, scope, run.claimed, signal) };
        } catch (error) {
          // A failed try (not one cut off by the process closing) that was the last fails the run.
          if (saga.stepAttempts >= importTries && !signal.aborted)
            await giveUp(scope, run.claimed, 'crashed');
          else await requeue(scope.db, run.claimed);
          throw error;
        }
      },
    },
    {
      name: 'clean-up',
      title: 'Delete the stored upload',
      async run({ context, scope }) {
        await deleteChunks(scope.db, context.runId);
        return { removed: true };
      },
    },
  ],
});

/** Starts the import of a stored upload, in the transaction that marks it queued: one saga per run. */
export async function startImport(
  sagas: SagaEngine,
  scope: Scope,
  tx: Transaction,
  run: { id: string; name: string },
) {
  const { saga } = await sagas.start(
    scope,
    importSagaType,
    { runId: run.id },
    { projectId: scope.projectId, idempotencyKey: run.id, title: `Import test run ${run.name}` },
    tx,
  );
  return saga;
}

/**
 * Takes the run for this try: importing, its attempt this try's, progress from zero. A run already
 * imported or failed (a try that settled it was cut off before the step's end) or deleted is left
 * as it is.
 */
async function beginAttempt(
  scope: Scope,
  runId: string,
  attempt: number,
): Promise<{ claimed: ClaimedRun | null; status: string }> {
  const [row] = await scope.db.read((db) =>
    db
      .update(allureReport)
      .set({ status: 'importing', importAttempts: attempt, filesRead: 0, leaseUntil: null })
      .where(and(eq(allureReport.id, runId), inArray(allureReport.status, ['queued', 'importing'])))
      .returning(),
  );
  if (row)
    return {
      status: row.status,
      claimed: {
        id: row.id,
        workspaceId: row.workspaceId,
        projectId: row.projectId,
        format: row.format,
        skipInvalid: row.skipInvalid,
        attempt,
      },
    };
  return { claimed: null, status: (await statusOf(scope.db, runId)) ?? 'deleted' };
}

async function statusOf(db: WorkspaceDatabase, runId: string): Promise<string | undefined> {
  const [row] = await db.read((executor) =>
    executor.select({ status: allureReport.status }).from(allureReport).where(eq(allureReport.id, runId)),
  );
  return row?.status;
}

/** The tries are used up: the run fails with a reason, its rows and stored upload removed. */
async function giveUp(scope: Scope, run: ClaimedRun, why: 'stopped' | 'crashed'): Promise<void> {
  const message =
    why === 'stopped'
      ? `the import stopped before its end ${importTries} times (the server stopped or crashed)`
      : 'the import failed on the server; try the upload again';
  await markFailed(scope, run, [{ file: '', message }]);
  await deleteChunks(scope.db, run.id);
}

/** The try ended early: the run, if still this try's, shows queued until the saga's next try. */
async function requeue(db: WorkspaceDatabase, run: ClaimedRun): Promise<void> {
  await db.read((executor) =>
    executor
      .update(allureReport)
      .set({ status: 'queued' })
      .where(
        and(
          eq(allureReport.id, run.id),
          eq(allureReport.status, 'importing'),
          eq(allureReport.importAttempts, run.attempt),
        ),
      ),
  );
}
