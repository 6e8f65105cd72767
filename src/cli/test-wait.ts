import type { ApiClient } from './api-client.ts';
import type { ProgressStream } from './progress.ts';
import { runPath } from './test-client.ts';
import { createPhaseProgress } from './test-progress.ts';
import type { TestRun } from './test-types.ts';

const finished = new Set(['imported', 'failed']);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows a run's import by reading the run until it is imported or failed: files read of the
 * total as progress. Asks often at first (small runs import in a moment), then every two seconds.
 */
export async function waitForImport(
  client: ApiClient,
  queued: TestRun,
  options: { stream: ProgressStream; timeoutSeconds: number },
): Promise<TestRun> {
  const progress = createPhaseProgress(
    (done, total) => `importing: ${done}${total === null ? '' : `/${total}`} files read`,
    { stream: options.stream },
  );
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  let run = queued;
  let wait = 100;
  while (!finished.has(run.status)) {
    if (Date.now() > deadline) {
      progress.finish();
      throw new Error(
        `run ${run.id} is still ${run.status} after ${options.timeoutSeconds} s; follow it with shipshape tests show ${run.id}`,
      );
    }
    await pause(wait);
    wait = Math.min(wait * 2, 2000);
    run = await client.request<TestRun>('GET', runPath(run));
    if (run.status === 'importing') progress.update(run.progress.filesRead, run.progress.filesTotal);
  }
  progress.finish();
  return run;
}
