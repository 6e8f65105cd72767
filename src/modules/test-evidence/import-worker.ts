import { sql } from 'drizzle-orm';
import type { ModuleJob } from '../../core/app/module.ts';
import type { AppServices } from '../../core/http/route.ts';
import { importRun } from './importer.ts';
import type { RunFormat } from './tables.ts';

// Who imports which run. Every process may: an upload kicks its own process at once, a job drains
// leftovers every minute, and a starting server drains once. A run is claimed with SKIP LOCKED
// under a lease the importer keeps renewing; a process that dies lets its lease lapse and the run
// is claimed again, its half-written rows removed first. Claims cross workspaces, so they run on
// the unbound database; everything a claimed import writes goes through its workspace's binding.

/** The background lane imports run in: one import at a time per process. */
export const importLane = 'test-evidence.import';
/** How long a claim holds without being renewed. */
export const leaseSeconds = 30;
/** Attempts before a run that keeps failing to finish (a crash every time) is marked failed. */
export const maxAttempts = 3;
/** An upload that has not finished after this long was cut off (its process died): removed. */
const abandonedUploadHours = 1;

/** A run this process now holds. */
export interface ClaimedRun {
  id: string;
  workspaceId: string;
  projectId: string;
  createdBy: string | null;
  format: RunFormat;
  skipInvalid: boolean;
  attempt: number;
}

/** Starts importing what is queued in this process, unless it is already at it. */
export function kickImports(app: AppServices): void {
  app.background.kick(importLane, (signal) => drainImports(app, signal));
}

/** Imports queued runs (and runs whose importer died) one by one until none is left or the app closes. */
export async function drainImports(app: AppServices, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const run = await claimRun(app);
    if (!run) return;
    await importRun(app, run, signal);
  }
}

async function claimRun(app: AppServices): Promise<ClaimedRun | null> {
  const [row] = await app.systemDatabase.query<{
    id: string;
    workspace_id: string;
    project_id: string;
    created_by: string | null;
    format: RunFormat;
    skip_invalid: boolean;
    import_attempts: number;
  }>(
    `update allure_report set status = 'importing', import_attempts = import_attempts + 1,
       lease_until = now() + make_interval(secs => $1), files_read = 0
     where id = (select id from allure_report
       where status = 'queued' or (status = 'importing' and lease_until < now())
       order by created_at limit 1 for update skip locked)
     returning id, workspace_id, project_id, created_by, format, skip_invalid, import_attempts`,
    [leaseSeconds],
  );
  if (!row) return null;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    projectId: row.project_id,
    createdBy: row.created_by,
    format: row.format,
    skipInvalid: row.skip_invalid,
    attempt: row.import_attempts,
  };
}

/**
 * Uploads cut off mid-way (their process died) are removed with their chunks; so are the chunks of
 * runs that settled but whose process died before it could delete them.
 */
async function removeAbandonedUploads(app: AppServices): Promise<void> {
  await app.systemDatabase.db.execute(
    sql`delete from allure_report where status = 'uploading'
      and created_at < now() - make_interval(hours => ${abandonedUploadHours})`,
  );
  await app.systemDatabase.db.execute(
    sql`delete from test_run_upload_chunks as chunk using allure_report as run
      where chunk.run_id = run.id and run.status in ('imported', 'failed')`,
  );
}

/** Every minute, on one process: what a crashed process left (lapsed leases, cut-off uploads). */
export const importJob: ModuleJob = {
  name: 'test-evidence-imports',
  schedule: () => '* * * * *',
  runAtStart: true,
  async run(app) {
    await removeAbandonedUploads(app);
    kickImports(app);
    await app.background.idle(importLane);
  },
};
