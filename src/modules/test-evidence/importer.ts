import { eq } from 'drizzle-orm';
import type { AppServices } from '../../core/http/route.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { WorkspaceDatabase } from '../../core/tenancy/workspace-database.ts';
import { ArchiveRefused } from '../../engines/test-results/index.ts';
import type { FileProblem } from '../../engines/test-results/model.ts';
import { createAttachmentStore } from './attachments.ts';
import {
  clearImportedRows,
  foldRetries,
  markFailed,
  markImported,
  type RunDetails,
  setPreviousStatus,
} from './import-finish.ts';
import { createProgress, type ImportProgress } from './import-progress.ts';
import {
  entriesOf,
  type FolderInfo,
  fixturesOf,
  kindOf,
  readResults,
  readSupportingFiles,
} from './import-read.ts';
import { createRowBatcher } from './import-rows.ts';
import { allureReport, type RunFormat, type RunRow } from './tables.ts';
import { archiveLimitsOf } from './upload.ts';
import { readChunks } from './upload-chunks.ts';

// One try of a run's import (the `import` step of its saga, import-saga.ts): start over from the
// stored upload (removing whatever an earlier try wrote), read it, write its rows in batches, and
// end imported or failed. A run that fails leaves no rows; a try cut off mid-way (its process died
// or is closing) is tried again by the saga, which starts over.

/** The run a try imports; `attempt` is the saga step's attempt, kept on the run as `import_attempts`. */
export interface ClaimedRun {
  id: string;
  workspaceId: string;
  projectId: string;
  format: RunFormat;
  skipInvalid: boolean;
  attempt: number;
}

/** Reasons kept per run: enough to act on, bounded for a folder of a million bad files. */
const maxProblems = 100;

class ImportFailed extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems[0]?.message ?? 'the import failed');
  }
}

/**
 * Imports the run, answering how it ended: imported, or failed for files at fault (the run marked
 * failed with the reasons). Anything else (an unexpected error, the process closing) throws, the
 * rows it wrote left for the next try to remove.
 */
export async function importRun(
  app: AppServices,
  scope: Scope,
  run: ClaimedRun,
  signal: AbortSignal,
): Promise<'imported' | 'failed'> {
  try {
    await clearImportedRows(scope.db, run.id);
    const progress = createProgress(scope.db, run, signal);
    const details = await readRun(app, scope.db, run, progress);
    await foldRetries(scope.db, run.id);
    const row = await runRow(scope.db, run.id);
    if (row) await setPreviousStatus(scope.db, row);
    await markImported(scope, run, details);
    return 'imported';
  } catch (error) {
    if (!(error instanceof ImportFailed) && !(error instanceof ArchiveRefused)) throw error;
    await markFailed(scope, run, problemsOf(error));
    return 'failed';
  }
}

async function runRow(db: WorkspaceDatabase, runId: string): Promise<RunRow | undefined> {
  const [row] = await db.read((executor) =>
    executor.select().from(allureReport).where(eq(allureReport.id, runId)),
  );
  return row;
}

/** Reads the upload in two passes and writes its results; throws ImportFailed for files at fault. */
async function readRun(
  app: AppServices,
  db: WorkspaceDatabase,
  run: ClaimedRun,
  progress: ImportProgress,
): Promise<RunDetails> {
  const first = await readChunks(db, run.id).next();
  if (first.done) throw new ImportFailed([{ file: '', message: 'the upload is empty' }]);
  const kind = kindOf(first.value);
  const limits = archiveLimitsOf(app.settings.testUploadLimits);
  const entries = () => entriesOf(() => readChunks(db, run.id), kind, limits);
  const problems: FileProblem[] = [];
  const skipped: FileProblem[] = [];
  const onProblem = (file: string, message: string) => {
    const list = run.skipInvalid ? skipped : problems;
    if (list.length < maxProblems) list.push({ file, message });
  };
  const attachments = createAttachmentStore({ db }, run.id);
  const info = await readSupportingFiles(entries(), attachments, progress, onProblem);
  await progress.setTotal(info.files);
  const batcher = createRowBatcher(
    { db },
    {
      workspaceId: run.workspaceId,
      projectId: run.projectId,
      runId: run.id,
      categories: info.categories ?? [],
      attachment: attachments.get,
      fixturesOf: (uuid) => fixturesOf(info, uuid),
    },
  );
  const formats = new Set<'allure' | 'junit'>();
  await readResults(entries(), progress, onProblem, async (result, format) => {
    formats.add(format);
    // Once a file has failed the run, the rest is only read for their own problems.
    if (problems.length === 0) await batcher.add(result);
  });
  if (problems.length > 0) throw new ImportFailed(problems);
  await batcher.flush();
  return detailsOf(info, formats, skipped);
}

function detailsOf(info: FolderInfo, formats: Set<'allure' | 'junit'>, skipped: FileProblem[]): RunDetails {
  return {
    format: formats.has('junit') && !formats.has('allure') ? 'junit' : 'allure',
    categories: info.categories ?? [],
    environmentProperties: info.environment,
    executor: info.executor,
    filesTotal: info.files,
    skippedFiles: skipped,
  };
}

function problemsOf(error: ImportFailed | ArchiveRefused): FileProblem[] {
  if (error instanceof ImportFailed) return error.problems;
  return [{ file: error.path ?? '', message: error.message }];
}
