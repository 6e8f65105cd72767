import { eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import { defineSaga } from '../../core/sagas/define.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { refreshDerived } from './derive.ts';
import { measureQualityGates } from './gates.ts';
import { ingestDeployments, ingestJiraIssues, ingestMergeRequests, type PageOutcome } from './ingest.ts';
import { connectionReader, sourceWithConnection } from './reader.ts';
import { RemoteError } from './remote/remote-error.ts';
import { type DeliverySettings, settingsOf } from './settings.ts';
import { refreshDeliveryStatistics } from './statistics.ts';
import type { Target } from './store.ts';
import { syncSagaType } from './sync-start.ts';
import { deliverySources, deliverySyncRuns } from './tables.ts';

// A sync as a saga. `read` reads each listing page by page; every page's rows and the run's
// checkpoint (listing, next cursor, counts) commit in one transaction, so a sync stopped anywhere
// — a crash, a deploy, a network failure past the retries — resumes at the page after the last one
// committed, and a page read twice changes nothing (upserts on natural keys). `finish` derives what
// spans rows (first deployments, monthly contributions) and moves the source's watermark.

const readTries = 4;
const maxKeptErrors = 100;

type SyncRun = typeof deliverySyncRuns.$inferSelect;

async function runOf(db: Executor, runId: string): Promise<SyncRun | undefined> {
  const [run] = await db.select().from(deliverySyncRuns).where(eq(deliverySyncRuns.id, runId));
  return run;
}

function keptErrors(run: SyncRun, messages: string[]) {
  const at = new Date().toISOString();
  return [...run.errors, ...messages.map((message) => ({ at, message }))].slice(-maxKeptErrors);
}

async function ingestPage(
  db: Executor,
  phase: string,
  items: unknown[],
  context: { target: Target; gitlabProjectId: number | null; settings: DeliverySettings },
): Promise<PageOutcome> {
  const { target, gitlabProjectId, settings } = context;
  if (phase === 'merge_requests') return ingestMergeRequests(db, target, items);
  if (phase === 'deployments') return ingestDeployments(db, target, gitlabProjectId, items, settings);
  return ingestJiraIssues(db, target, items, settings, new Date());
}

/** Reads every page from the run's checkpoint on, committing each with the next checkpoint. */
async function readPages(scope: Scope, runId: string, signal: AbortSignal): Promise<void> {
  let run = await scope.db.read((db) => runOf(db, runId));
  if (!run || run.status === 'completed') return;
  // A run failed for good (a refused token) stays failed: the saga's remaining tries end at once.
  if (run.status === 'failed') throw new Error(run.errors.at(-1)?.message ?? 'the sync failed');
  const { source, connection } = await sourceWithConnection(scope, run.sourceId);
  const reader = connectionReader(scope, connection, source);
  const settings = await scope.db.read((db) => settingsOf(db, source.projectId));
  const target: Target = {
    workspaceId: scope.ctx.workspaceId,
    projectId: source.projectId,
    sourceId: source.id,
  };
  const since = run.since?.toISOString() ?? null;
  const gitlabProjectId = await reader.gitlabProjectId(signal);
  let phaseIndex = Math.max(0, reader.phases.indexOf(run.phase ?? reader.phases[0] ?? ''));
  let cursor = run.cursor;
  while (phaseIndex < reader.phases.length) {
    const phase = reader.phases[phaseIndex] ?? '';
    const page = await reader.page(phase, since, cursor, signal);
    const atEnd = page.next === null;
    const nextPhase = atEnd ? (reader.phases[phaseIndex + 1] ?? 'done') : phase;
    const current: SyncRun = run;
    run = await scope.db.transaction(async (tx) => {
      const outcome = await ingestPage(tx, phase, page.items, { target, gitlabProjectId, settings });
      const [saved] = await tx
        .update(deliverySyncRuns)
        .set({
          status: 'running',
          startedAt: current.startedAt ?? new Date(),
          phase: nextPhase,
          cursor: atEnd ? null : page.next,
          pages: sql`${deliverySyncRuns.pages} + 1`,
          created: sql`${deliverySyncRuns.created} + ${outcome.created}`,
          updated: sql`${deliverySyncRuns.updated} + ${outcome.updated}`,
          seenUpTo: outcome.latest
            ? sql`greatest(${deliverySyncRuns.seenUpTo}, ${outcome.latest}::timestamptz)`
            : deliverySyncRuns.seenUpTo,
          errors: keptErrors(
            current,
            outcome.errors.map((error) => `${phase} ${error.path}: ${error.message}`),
          ),
          updatedAt: new Date(),
        })
        .where(eq(deliverySyncRuns.id, runId))
        .returning();
      return saved ?? current;
    });
    if (atEnd) phaseIndex += 1;
    cursor = atEnd ? null : page.next;
  }
}

/** The run ends (completed or failed) and its source records how and when. */
async function endRun(
  tx: Executor,
  run: SyncRun,
  ending: { status: 'completed' | 'failed'; errors?: SyncRun['errors']; syncedUpTo?: SQL },
): Promise<void> {
  const finishedAt = new Date();
  await tx
    .update(deliverySyncRuns)
    .set({
      status: ending.status,
      ...(ending.errors ? { errors: ending.errors } : { phase: 'done' }),
      finishedAt,
      durationMs: run.startedAt ? finishedAt.getTime() - run.startedAt.getTime() : 0,
      updatedAt: finishedAt,
    })
    .where(eq(deliverySyncRuns.id, run.id));
  await tx
    .update(deliverySources)
    .set({
      lastSyncAt: finishedAt,
      lastSyncStatus: ending.status,
      ...(ending.syncedUpTo ? { syncedUpTo: ending.syncedUpTo } : {}),
    })
    .where(eq(deliverySources.id, run.sourceId));
}

/** The run ends failed, with the reason, and the source says so. */
async function failRun(scope: Scope, runId: string, message: string): Promise<void> {
  await scope.db.transaction(async (tx) => {
    const run = await runOf(tx, runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    await endRun(tx, run, { status: 'failed', errors: keptErrors(run, [message]) });
  });
}

/** Errors no retry mends: a refused token, a missing project, a query the remote refuses. The run fails at once. */
function isFinal(error: unknown): boolean {
  return error instanceof RemoteError && ['auth', 'forbidden', 'not_found', 'rejected'].includes(error.kind);
}

/**
 * Where the next sync starts: when this one started reading, less a margin for the remote's clock.
 * Not the latest time read: an item changed while another listing was read could be older than it
 * and be missed for good; anything changed after the read began is asked for again next time.
 */
export const clockMarginMs = 10 * 60_000;
function watermarkOf(run: SyncRun): string | null {
  return run.startedAt ? new Date(run.startedAt.getTime() - clockMarginMs).toISOString() : null;
}

async function finishRun(scope: Scope, runId: string, tx: Transaction): Promise<Record<string, unknown>> {
  const run = await runOf(tx, runId);
  if (!run) return { status: 'deleted' };
  if (run.status !== 'running') return { status: run.status };
  await refreshDerived(tx, scope.ctx.workspaceId, run.projectId);
  await measureQualityGates(tx, scope, run.projectId);
  await endRun(tx, run, {
    status: 'completed',
    syncedUpTo: sql`greatest(${deliverySources.syncedUpTo}, ${watermarkOf(run)}::timestamptz)`,
  });
  return { status: 'completed', pages: run.pages, created: run.created, updated: run.updated };
}

export const deliverySyncSaga = defineSaga({
  type: syncSagaType,
  title: 'Delivery sync',
  context: z.object({ runId: z.uuid() }),
  steps: [
    {
      name: 'read',
      title: 'Read the source page by page, committing each page with its checkpoint',
      retry: { attempts: readTries, backoffMs: 2_000, maxBackoffMs: 60_000 },
      async run({ scope, context, signal, saga }) {
        try {
          await readPages(scope, context.runId, signal);
          return { read: true };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (isFinal(error) || (saga.stepAttempts >= readTries && !signal.aborted))
            await failRun(scope, context.runId, message);
          else
            await scope.db.transaction(async (tx) => {
              const run = await runOf(tx, context.runId);
              if (run)
                await tx
                  .update(deliverySyncRuns)
                  .set({ errors: keptErrors(run, [message]) })
                  .where(eq(deliverySyncRuns.id, context.runId));
            });
          throw error;
        }
      },
    },
    {
      name: 'finish',
      title: 'Derive first deployments and monthly contributions; move the watermark',
      transactional: true,
      async run({ scope, context }, tx) {
        if (!tx) throw new Error('the finish step runs in the saga’s transaction');
        return finishRun(scope, context.runId, tx);
      },
    },
    {
      name: 'statistics',
      title: 'Refresh the planner statistics of the delivery tables',
      async run({ app }) {
        await refreshDeliveryStatistics(app);
        return { analyzed: true };
      },
    },
  ],
});
