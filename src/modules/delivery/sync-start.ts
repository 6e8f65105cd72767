import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { AppServices } from '../../core/http/route.ts';
import { type Scope, systemScope } from '../../core/resource/scope.ts';
import { systemActorId } from '../../core/sagas/audit.ts';
import type { SagaEngine } from '../../core/sagas/engine.ts';
import { deliveryConnections, deliverySources, deliverySyncRuns } from './tables.ts';

// Starting syncs: on demand (`POST …/delivery/sync`) or on each connection's interval. A source has
// at most one sync queued or running; asking again answers that one.

export const syncSagaType = 'delivery.sync';

type SyncRun = typeof deliverySyncRuns.$inferSelect;

/** Starts a sync of each enabled source of the project (or the one named), answering one run per source. */
export async function startSyncs(
  sagas: SagaEngine,
  scope: Scope,
  projectId: string,
  options: { sourceId?: string; trigger: 'manual' | 'schedule'; full?: boolean },
): Promise<SyncRun[]> {
  const sources = await scope.db.read((db) =>
    db
      .select()
      .from(deliverySources)
      .where(
        and(
          eq(deliverySources.projectId, projectId),
          options.sourceId ? eq(deliverySources.id, options.sourceId) : eq(deliverySources.enabled, true),
        ),
      ),
  );
  if (options.sourceId && sources.length === 0)
    throw new AppError('not_found', 'No such delivery source in this project.');
  const runs: SyncRun[] = [];
  for (const source of sources) runs.push(await startSourceSync(sagas, scope, source, options));
  return runs;
}

async function startSourceSync(
  sagas: SagaEngine,
  scope: Scope,
  source: typeof deliverySources.$inferSelect,
  options: { trigger: 'manual' | 'schedule'; full?: boolean },
): Promise<SyncRun> {
  const run = await scope.db.transaction(async (tx) => {
    // One at a time per source: the lock orders two starts, the second sees the first's run.
    await tx.execute(sql`select id from delivery_sources where id = ${source.id} for update`);
    const [active] = await tx
      .select()
      .from(deliverySyncRuns)
      .where(
        and(
          eq(deliverySyncRuns.sourceId, source.id),
          inArray(deliverySyncRuns.status, ['queued', 'running']),
        ),
      );
    if (active) return active;
    const [created] = await tx
      .insert(deliverySyncRuns)
      .values({
        workspaceId: scope.ctx.workspaceId,
        projectId: source.projectId,
        sourceId: source.id,
        trigger: options.trigger,
        since: options.full ? null : source.syncedUpTo,
        startedBy: options.trigger === 'manual' ? scope.ctx.actor.userId : null,
      })
      .returning();
    if (!created) throw new Error('the sync run was not stored');
    const { saga } = await sagas.start(
      scope,
      syncSagaType,
      { runId: created.id },
      {
        projectId: source.projectId,
        idempotencyKey: created.id,
        title: `Delivery sync of source ${source.id}`,
      },
      tx,
    );
    await tx.update(deliverySyncRuns).set({ sagaId: saga.id }).where(eq(deliverySyncRuns.id, created.id));
    await appendEvent(tx, scope, {
      eventType: 'delivery_sync_run.created',
      aggregateType: 'delivery_sync_run',
      aggregateId: created.id,
      aggregateVersion: created.version,
      changes: {},
      data: { sourceId: source.id, trigger: options.trigger, full: created.since === null },
    });
    return { ...created, sagaId: saga.id };
  });
  sagas.kick();
  return run;
}

/**
 * The sources due for a scheduled sync, in every workspace: enabled, with no sync queued or running,
 * and last synced longer ago than their connection's interval (or never). Crosses workspaces, so it
 * reads through the system database.
 */
export async function startDueSyncs(app: AppServices, now: Date = new Date()): Promise<number> {
  const due = await app.systemDatabase.db
    .select({
      workspaceId: deliverySources.workspaceId,
      projectId: deliverySources.projectId,
      id: deliverySources.id,
    })
    .from(deliverySources)
    .innerJoin(deliveryConnections, eq(deliveryConnections.id, deliverySources.connectionId))
    .where(
      and(
        eq(deliverySources.enabled, true),
        sql`(${deliverySources.lastSyncAt} is null
          or ${deliverySources.lastSyncAt} <= ${now.toISOString()}::timestamptz
            - make_interval(mins => ${deliveryConnections.syncIntervalMinutes}))`,
        sql`not exists (select 1 from delivery_sync_runs r where r.source_id = ${deliverySources.id}
          and r.status in ('queued', 'running'))`,
      ),
    );
  for (const source of due) {
    const scope = systemScope(app, source.workspaceId, systemActorId, source.projectId);
    await startSyncs(app.sagas, scope, source.projectId, { sourceId: source.id, trigger: 'schedule' });
  }
  return due.length;
}
