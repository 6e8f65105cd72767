import { sql } from 'drizzle-orm';
import type { ModuleJob } from '../../core/app/module.ts';
import type { AppServices } from '../../core/http/route.ts';

// What an upload leaves when its process dies: imports themselves are sagas (import-saga.ts) that
// the saga engine takes over from a dead process, but an upload cut off mid-way never started one,
// and a run settled by an import whose saga did not get to clean up keeps its stored upload. This
// crosses workspaces, so it runs on the unbound database.

/** An upload that has not finished after this long was cut off (its process died): removed. */
const abandonedUploadHours = 1;

/**
 * Uploads cut off mid-way (their process died) are removed with their chunks; so are the chunks of
 * runs that settled but whose import did not get to delete them.
 */
export async function removeAbandonedUploads(app: AppServices): Promise<void> {
  await app.systemDatabase.db.execute(
    sql`delete from allure_report where status = 'uploading'
      and created_at < now() - make_interval(hours => ${abandonedUploadHours})`,
  );
  await app.systemDatabase.db.execute(
    sql`delete from test_run_upload_chunks as chunk using allure_report as run
      where chunk.run_id = run.id and run.status in ('imported', 'failed')`,
  );
}

/** Every minute, on one process (and at start): what a dead process left of its uploads. */
export const abandonedUploadsJob: ModuleJob = {
  // The name the job had when it also drained the imports, kept for the schedule it is known by.
  name: 'test-evidence-imports',
  schedule: () => '* * * * *',
  runAtStart: true,
  run: removeAbandonedUploads,
};
