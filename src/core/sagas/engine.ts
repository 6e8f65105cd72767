import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/connection.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppServices } from '../http/route.ts';
import type { Scope } from '../resource/scope.ts';
import { appendSagaEvent, systemActorId } from './audit.ts';
import { type AnySagaType, stepsOf } from './define.ts';
import { driveSaga } from './driver.ts';
import { type SagaRow, workflowSagas } from './tables.ts';

// The app's services carry the engine; declared here, beside it, so the HTTP layer that defines the
// services does not depend on sagas (whose steps are handed those services).
declare module '../http/route.ts' {
  interface AppServices {
    /** Starts sagas and drives them in this process (docs/sagas.md). */
    sagas: SagaEngine;
  }
}

// How sagas run. Every server process drives sagas: starting one kicks this process's drivers at
// once; a recurring job (and each server's start) sweeps for sagas whose driver died or whose wait
// ended; a timer in each process wakes its drivers when the earliest retry or timed wait is due.
// A saga is claimed under a lease (SELECT … FOR UPDATE SKIP LOCKED) that its driver renews, and
// every state change is guarded by that lease: one process drives a saga at a time, and a dead
// process's sagas are claimed again once its lease lapses.

/** How long a claim holds without renewal by default (SAGA_LEASE_SECONDS); the driver renews it every third of that. */
export const sagaLeaseSeconds = 30;
/** The longest a process's wake timer sleeps: the sweep job catches anything later. */
const maxTimerMs = 60_000;

export interface StartSagaOptions {
  projectId?: string;
  /** Shown in lists and the timeline; the saga type's title by default. */
  title?: string;
  /** Starting again with the same key (and type) answers the saga the first start made. */
  idempotencyKey?: string;
}

export interface SagaEngine {
  readonly types: ReadonlyMap<string, AnySagaType>;
  /**
   * Starts a saga as the scope's actor: validates its context against the type's schema, stores it
   * (pending) and audits it in `tx` when given (so it starts only if the caller's work commits),
   * else in a transaction of its own; drivers pick it up once that commits.
   */
  start(
    scope: Scope,
    type: string,
    context: unknown,
    options?: StartSagaOptions,
    tx?: Transaction,
  ): Promise<{ saga: SagaRow; created: boolean }>;
  /** Wakes this process's drivers (after a start, a signal, a cancel…). */
  kick(): void;
  /** Resolves once this process's drivers have nothing runnable left (for tests, jobs and drains). */
  idle(): Promise<void>;
  /** Stops the wake timer; the app's background work stops the drivers. */
  close(): void;
  /** This process's name in `lease_owner`. */
  readonly owner: string;
}

export function createSagaEngine(
  appOf: () => AppServices,
  types: readonly AnySagaType[],
  options: { drivers?: number; leaseSeconds?: number } = {},
): SagaEngine {
  const leaseSeconds = options.leaseSeconds ?? sagaLeaseSeconds;
  const registry = new Map<string, AnySagaType>();
  for (const type of types) {
    if (registry.has(type.type)) throw new Error(`Saga type ${type.type} is declared twice`);
    registry.set(type.type, type);
  }
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lanes = Array.from({ length: Math.max(1, options.drivers ?? 4) }, (_, index) => `sagas.${index}`);
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let closed = false;

  const kick = () => {
    if (closed) return;
    for (const lane of lanes) appOf().background.kick(lane, (signal) => drain(signal));
  };

  /**
   * Sets the wake timer for the earliest time a saga may become claimable — its retry or timed wait
   * due, or the lease of a process that stopped driving it lapsing — if sooner than the one set.
   */
  const scheduleWake = async () => {
    const [row] = await appOf().systemDatabase.query<{ wake_at: Date | string | null }>(
      `select min(greatest(coalesce(wake_at, '-infinity'), coalesce(lease_until, '-infinity'))) as wake_at
       from workflow_sagas
       where ((status in ('running', 'compensating', 'waiting') and wake_at > now())
         or (status in ('pending', 'running', 'compensating', 'waiting') and lease_until > now()))`,
    );
    if (!row?.wake_at || closed) return;
    const at = Math.min(new Date(row.wake_at).getTime(), Date.now() + maxTimerMs);
    if (at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Number.POSITIVE_INFINITY;
        kick();
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref();
  };

  const drain = async (signal: AbortSignal) => {
    while (!signal.aborted) {
      const saga = await claimSaga(appOf(), owner, leaseSeconds);
      if (!saga) {
        await scheduleWake();
        return;
      }
      await driveSaga(appOf(), registry, saga, { owner, leaseSeconds }, signal);
    }
  };

  return {
    types: registry,
    owner,
    kick,
    async start(scope, typeName, context, startOptions = {}, tx) {
      const answer = await startSaga(registry, scope, typeName, context, startOptions, tx);
      if (!tx) kick();
      return answer;
    },
    async idle() {
      // A drain may kick again as it ends (a lane's "again"), so wait until every lane is quiet.
      for (const lane of lanes) await appOf().background.idle(lane);
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

/** Validates a saga's context and stores the saga, pending, with its audit event (see SagaEngine.start). */
async function startSaga(
  registry: ReadonlyMap<string, AnySagaType>,
  scope: Scope,
  typeName: string,
  context: unknown,
  startOptions: StartSagaOptions,
  tx: Transaction | undefined,
): Promise<{ saga: SagaRow; created: boolean }> {
  const type = registry.get(typeName);
  if (!type) throw new AppError('validation_failed', `There is no saga type ${typeName}.`);
  const parsed = type.context.safeParse(context);
  if (!parsed.success) {
    throw new AppError('validation_failed', `The context does not fit saga type ${typeName}.`, {
      errors: parsed.error.issues.map((issue) => ({
        path: ['context', ...issue.path].join('.'),
        message: issue.message,
      })),
    });
  }
  const steps = stepsOf(type, parsed.data);
  const insert = async (work: Transaction) => {
    const [saga] = await work
      .insert(workflowSagas)
      .values({
        workspaceId: scope.ctx.workspaceId,
        projectId: startOptions.projectId ?? scope.projectId ?? null,
        sagaType: type.type,
        title: startOptions.title ?? type.title,
        context: parsed.data,
        stepCount: steps.length,
        startedBy: scope.ctx.actor.userId === systemActorId ? null : scope.ctx.actor.userId,
        idempotencyKey: startOptions.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!saga) {
      const [existing] = await work
        .select()
        .from(workflowSagas)
        .where(
          and(
            eq(workflowSagas.workspaceId, scope.ctx.workspaceId),
            eq(workflowSagas.sagaType, type.type),
            eq(workflowSagas.idempotencyKey, startOptions.idempotencyKey ?? ''),
          ),
        );
      if (!existing) throw new Error('a saga start conflicted but no saga holds its key');
      return { saga: existing, created: false };
    }
    await appendSagaEvent(work, scope, saga, 'started', {
      data: { sagaType: saga.sagaType, steps: steps.map((step) => step.name) },
    });
    return { saga, created: true };
  };
  return tx ? insert(tx) : scope.db.transaction(insert);
}

/**
 * Claims the next saga due to be driven, for `owner`, under a fresh lease: a started one, one whose
 * retry or timed wait is due, one whose awaited signal has come, one a person asked to cancel, or
 * one whose driver's lease lapsed. Crosses workspaces on purpose (any process drives any saga):
 * the unbound database; the driver's writes go through the saga's workspace binding.
 */
export async function claimSaga(
  app: AppServices,
  owner: string,
  leaseSeconds = sagaLeaseSeconds,
): Promise<SagaRow | null> {
  const [row] = await app.systemDatabase.query<{ id: string; workspace_id: string }>(
    `update workflow_sagas set lease_owner = $1, lease_until = now() + make_interval(secs => $2),
       status = case when status = 'pending' then 'running' else status end,
       started_at = coalesce(started_at, now())
     where id = (
       select saga.id from workflow_sagas saga
       where (saga.lease_until is null or saga.lease_until < now())
         and (
           (saga.status in ('pending', 'running', 'compensating') and (saga.wake_at is null or saga.wake_at <= now()))
           or (saga.status = 'waiting' and (
             saga.wake_at <= now()
             or saga.cancel_requested
             or exists (select 1 from saga_signals signal where signal.saga_id = saga.id
               and signal.consumed_at is null and signal.name = saga.waiting_for->>'name')))
           or (saga.cancel_requested and saga.status in ('pending', 'running')))
       order by coalesce(saga.wake_at, saga.created_at), saga.id
       limit 1 for update skip locked)
     returning id, workspace_id`,
    [owner, leaseSeconds],
  );
  if (!row) return null;
  const [saga] = await app.tenancy
    .bind(row.workspace_id)
    .read((db) => db.select().from(workflowSagas).where(eq(workflowSagas.id, row.id)));
  return saga ?? null;
}
