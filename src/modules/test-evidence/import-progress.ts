import { and, eq } from 'drizzle-orm';
import type { WorkspaceDatabase } from '../../core/tenancy/workspace-database.ts';
import type { ClaimedRun } from './importer.ts';
import { allureReport } from './tables.ts';

/** The import stops: the app is closing, or the run is no longer this attempt's (deleted, or taken over). */
export class ImportInterrupted extends Error {
  override readonly name = 'ImportInterrupted';
}

/** How often progress is written at most. */
const recordEveryMs = 1000;
/**
 * How long reading may run before it lets the event loop serve requests: unpacked entries arrive
 * through promises that settle at once, which would otherwise keep the process busy for seconds.
 */
const yieldEveryMs = 20;

export interface ImportProgress {
  /** One more file read (or skipped); now and then records progress. */
  fileRead(): Promise<void>;
  /** The number of files, once known. */
  setTotal(files: number): Promise<void>;
  /** Throws ImportInterrupted when the app is closing; lets requests be served now and then. */
  pause(): Promise<void>;
}

/**
 * Keeps the run's progress: each write finds out whether the run is still this try's, so a try
 * whose saga another process took over (a newer try) stops writing.
 */
export function createProgress(db: WorkspaceDatabase, run: ClaimedRun, signal: AbortSignal): ImportProgress {
  let filesRead = 0;
  let filesTotal: number | null = null;
  let recordedAt = Date.now();
  let yieldedAt = Date.now();
  const check = () => {
    if (signal.aborted) throw new ImportInterrupted('the server is stopping');
  };
  const pause = async () => {
    check();
    if (Date.now() - yieldedAt < yieldEveryMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    yieldedAt = Date.now();
  };
  const record = async () => {
    recordedAt = Date.now();
    const renewed = await db.read((executor) =>
      executor
        .update(allureReport)
        .set({ filesRead, filesTotal })
        .where(
          and(
            eq(allureReport.id, run.id),
            eq(allureReport.status, 'importing'),
            eq(allureReport.importAttempts, run.attempt),
          ),
        )
        .returning({ id: allureReport.id }),
    );
    if (renewed.length === 0) throw new ImportInterrupted('the run was deleted or taken over');
  };
  return {
    async fileRead() {
      filesRead += 1;
      if (Date.now() - recordedAt >= recordEveryMs) await record();
      await pause();
    },
    async setTotal(files) {
      filesTotal = files;
      await record();
    },
    pause,
  };
}
