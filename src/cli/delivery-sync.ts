import type { Command } from 'commander';
import {
  type ApiClient,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
} from './api-client.ts';
import type { DeliveryCommand } from './delivery-commands.ts';
import { deliveryBase, humanDuration } from './delivery-format.ts';
import type { SyncRun } from './delivery-types.ts';
import type { ProgressStream } from './progress.ts';
import { table } from './test-format.ts';

// `shipshape delivery sync`: starts a sync of the project's sources and follows each run until it
// settles, with what it has read so far on stderr.

type Options = ConnectionOptions & Record<string, unknown>;

const settled = new Set(['completed', 'failed']);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `source 0190…: running (merge requests) — 3 pages, 40 created, 2 updated`. */
export function syncRunLine(run: SyncRun): string {
  const phase = run.phase && !settled.has(run.status) ? ` (${run.phase})` : '';
  const took = run.durationMs === null ? '' : ` in ${humanDuration(run.durationMs)}`;
  const errors = run.errors.length
    ? `; ${run.errors.length} error(s), last: ${run.errors.at(-1)?.message}`
    : '';
  return `source ${run.sourceId}: ${run.status}${phase} — ${run.pages} pages, ${run.created} created, ${run.updated} updated${took}${errors}`;
}

/**
 * Reads each run until every one is completed or failed, writing a line whenever one moves on.
 * Asks often at first (a small source syncs in a moment), then every two seconds.
 */
export async function followSyncRuns(
  client: ApiClient,
  base: string,
  started: SyncRun[],
  options: { stream: ProgressStream; timeoutSeconds?: number },
): Promise<SyncRun[]> {
  const deadline =
    options.timeoutSeconds === undefined ? Infinity : Date.now() + options.timeoutSeconds * 1000;
  const shown = new Map<string, string>();
  let runs = started;
  let wait = 100;
  for (;;) {
    for (const run of runs) {
      const line = syncRunLine(run);
      if (shown.get(run.id) !== line) options.stream.write(`${line}\n`);
      shown.set(run.id, line);
    }
    if (runs.every((run) => settled.has(run.status))) return runs;
    if (Date.now() > deadline)
      throw new Error(
        `the sync is still running after ${options.timeoutSeconds} s; see shipshape delivery sync --no-wait`,
      );
    await pause(wait);
    wait = Math.min(wait * 2, 2000);
    runs = await Promise.all(
      runs.map((run) =>
        settled.has(run.status)
          ? run
          : client.request<SyncRun>('GET', `${base}/delivery-sync-runs/${encodeURIComponent(run.id)}`),
      ),
    );
  }
}

function runsText(runs: SyncRun[]): string {
  if (runs.length === 0) return 'No enabled sources to sync.';
  const rows = runs.map((run) => [
    run.id,
    run.sourceId,
    run.status,
    String(run.pages),
    String(run.created),
    String(run.updated),
    humanDuration(run.durationMs),
    run.errors.at(-1)?.message ?? '',
  ]);
  return table([['RUN', 'SOURCE', 'STATUS', 'PAGES', 'CREATED', 'UPDATED', 'TOOK', 'LAST ERROR'], ...rows]);
}

export function registerDeliverySyncCommand(delivery: Command, command: DeliveryCommand): void {
  command(delivery, 'sync', 'Sync the project’s sources now and follow the runs; exit 0 when all complete')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--source <id>', 'only this source (by default every enabled one)')
    .option('--full', 'read everything again, not only what changed since the last sync')
    .option('--no-wait', 'answer the started runs at once instead of following them')
    .option('--timeout <seconds>', 'give up following after this long')
    .action(async (options: Options) => {
      const client = createApiClient(resolveConnection(options));
      const base = await deliveryBase(client, String(options.project));
      const body = {
        ...(options.source ? { sourceId: String(options.source) } : {}),
        full: Boolean(options.full),
      };
      const started = await client.request<{ runs: SyncRun[] }>('POST', `${base}/delivery/sync`, { body });
      if (options.wait === false) {
        printResult(options, started.runs, () => runsText(started.runs));
        return;
      }
      const runs = await followSyncRuns(client, base, started.runs, {
        stream: process.stderr,
        timeoutSeconds: options.timeout === undefined ? undefined : Number(options.timeout),
      });
      printResult(options, runs, () => runsText(runs));
      if (runs.some((run) => run.status !== 'completed')) process.exitCode = 1;
    });
}
