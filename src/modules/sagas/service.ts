import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { runIdempotentWrite, type StoredAnswer } from '../../core/http/idempotency.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { afterCursor, encodeCursor, orderBy, type SortKey } from '../../core/resource/sorting.ts';
import { cancelSaga, decideApproval, resumeSaga, retrySaga, signalSaga } from '../../core/sagas/actions.ts';
import { stepsOf } from '../../core/sagas/define.ts';
import type { SagaEngine } from '../../core/sagas/engine.ts';
import {
  type SagaRow,
  type SagaStatus,
  type SagaStepRow,
  sagaStatuses,
  sagaSteps,
  workflowSagas,
} from '../../core/sagas/tables.ts';
import type { Executor } from '../../db/connection.ts';
import type {
  ApprovalListQuery,
  SagaListQuery,
  SagaOutput,
  SagaStepOutput,
  StartSagaInput,
} from './contracts.ts';

// Sagas as the API shows them: listed with filters, read with their timeline, started (the types
// that allow it), and acted on through the engine's actions, each answering the saga as it is now.

/** Newest first, by the resource layer's cursors (a forged one answers 400). */
const newestFirst: SortKey[] = [{ field: 'createdAt', column: workflowSagas.createdAt, descending: true }];

function toSaga(row: SagaRow, stepNames: readonly string[]): SagaOutput {
  return {
    id: row.id,
    sagaType: row.sagaType,
    title: row.title,
    status: row.status,
    projectId: row.projectId,
    currentStep: row.currentStep,
    stepCount: row.stepCount,
    stepNames: [...stepNames],
    context: row.context,
    outputs: row.outputs,
    startedBy: row.startedBy,
    waitingFor: row.waitingFor ?? null,
    cancelRequested: row.cancelRequested,
    errorMessage: row.errorMessage,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    failedAt: row.failedAt,
  };
}

function toStep(row: SagaStepRow): SagaStepOutput {
  return {
    id: row.id,
    stepIndex: row.stepIndex,
    stepName: row.stepName,
    phase: row.phase,
    attempt: row.attempt,
    status: row.status,
    idempotencyKey: row.idempotencyKey,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.finishedAt ? Math.max(0, row.finishedAt.getTime() - row.startedAt.getTime()) : null,
    output: row.output ?? null,
    error: row.error,
  };
}

/** The step names of a saga as its type declares them for its context, or null if this process does not know the type. */
function declaredStepNames(engine: SagaEngine, row: SagaRow): string[] | null {
  const type = engine.types.get(row.sagaType);
  if (!type) return null;
  const context = type.context.safeParse(row.context);
  if (!context.success) return null;
  try {
    return stepsOf(type, context.data).map((step) => step.name);
  } catch {
    return null;
  }
}

/** Each saga's step names: from its type, else (a type this process lacks) from the steps it ran. */
async function stepNamesOf(
  db: Executor,
  engine: SagaEngine,
  rows: readonly SagaRow[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  const unknown: string[] = [];
  for (const row of rows) {
    const declared = declaredStepNames(engine, row);
    if (declared) names.set(row.id, declared);
    else unknown.push(row.id);
  }
  if (unknown.length === 0) return names;
  const ran = await db
    .selectDistinct({
      sagaId: sagaSteps.sagaId,
      stepIndex: sagaSteps.stepIndex,
      stepName: sagaSteps.stepName,
    })
    .from(sagaSteps)
    .where(and(inArray(sagaSteps.sagaId, unknown), eq(sagaSteps.phase, 'action')))
    .orderBy(asc(sagaSteps.sagaId), asc(sagaSteps.stepIndex));
  for (const id of unknown) names.set(id, []);
  for (const step of ran) {
    const list = names.get(step.sagaId);
    if (list && !list.includes(step.stepName)) list.push(step.stepName);
  }
  return names;
}

async function answerAll(db: Executor, engine: SagaEngine, rows: readonly SagaRow[]): Promise<SagaOutput[]> {
  const names = await stepNamesOf(db, engine, rows);
  return rows.map((row) => toSaga(row, names.get(row.id) ?? []));
}

/** `running,waiting` or repeated `status=` parameters, each a saga status. */
function statusesOf(raw: string | string[] | undefined): SagaStatus[] | undefined {
  if (raw === undefined) return undefined;
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter(Boolean);
  const known: readonly string[] = sagaStatuses;
  const wrong = parts.filter((part) => !known.includes(part));
  if (wrong.length || parts.length === 0)
    throw new AppError('validation_failed', `status: one or several of ${sagaStatuses.join(', ')}.`, {
      errors: [{ path: 'query.status', message: `unknown status ${wrong.join(', ') || '(empty)'}` }],
    });
  return sagaStatuses.filter((status) => parts.includes(status));
}

async function pageOf(
  db: Executor,
  engine: SagaEngine,
  scope: Scope,
  conditions: (SQL | undefined)[],
  page: { limit: number; cursor?: string; projectId?: string },
) {
  if (page.projectId) await assertProjectVisible(db, { ...scope, projectId: page.projectId });
  const rows = await db
    .select()
    .from(workflowSagas)
    .where(
      and(
        eq(workflowSagas.workspaceId, scope.ctx.workspaceId),
        page.projectId ? eq(workflowSagas.projectId, page.projectId) : undefined,
        page.cursor ? afterCursor(newestFirst, workflowSagas.id, page.cursor) : undefined,
        ...conditions,
      ),
    )
    .orderBy(...orderBy(newestFirst, workflowSagas.id))
    .limit(page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return {
    data: await answerAll(db, engine, data),
    nextCursor: rows.length > page.limit && last ? encodeCursor(newestFirst, last) : null,
  };
}

/** GET /sagas: the workspace's sagas, newest first, filtered by type, statuses, project and starter. */
export async function listSagas(scope: Scope, engine: SagaEngine, query: SagaListQuery) {
  const statuses = statusesOf(query.status);
  return scope.db.read((db) =>
    pageOf(
      db,
      engine,
      scope,
      [
        query.type ? eq(workflowSagas.sagaType, query.type) : undefined,
        statuses ? inArray(workflowSagas.status, statuses) : undefined,
        query.startedBy ? eq(workflowSagas.startedBy, query.startedBy) : undefined,
      ],
      query,
    ),
  );
}

/** GET /saga-approvals: sagas waiting for an approval the caller's role may give. */
export async function listApprovals(scope: Scope, engine: SagaEngine, query: ApprovalListQuery) {
  const role = scope.ctx.actor.role;
  const administers = role === 'owner' || role === 'admin';
  return scope.db.read((db) =>
    pageOf(
      db,
      engine,
      scope,
      [
        eq(workflowSagas.status, 'waiting'),
        sql`${workflowSagas.waitingFor}->>'kind' = 'approval'`,
        administers ? undefined : sql`${workflowSagas.waitingFor}->>'role' = ${role}`,
      ],
      query,
    ),
  );
}

async function sagaRow(db: Executor, scope: Scope, id: string): Promise<SagaRow> {
  const [row] = await db
    .select()
    .from(workflowSagas)
    .where(and(eq(workflowSagas.id, id), eq(workflowSagas.workspaceId, scope.ctx.workspaceId)))
    .limit(1);
  if (!row) throw notFound('saga', id);
  return row;
}

/** GET /sagas/{id}: the saga and every run of its steps and compensations, in order. */
export async function getSaga(scope: Scope, engine: SagaEngine, id: string) {
  return scope.db.read(async (db) => {
    const row = await sagaRow(db, scope, id);
    const steps = await db
      .select()
      .from(sagaSteps)
      .where(eq(sagaSteps.sagaId, row.id))
      .orderBy(asc(sagaSteps.startedAt), asc(sagaSteps.id));
    const [saga] = await answerAll(db, engine, [row]);
    if (!saga) throw new Error('a saga without an answer');
    return { ...saga, steps: steps.map(toStep) };
  });
}

/** The saga as it is now, without its steps (what the actions answer). */
export async function currentSaga(scope: Scope, engine: SagaEngine, id: string): Promise<SagaOutput> {
  return scope.db.read(async (db) => {
    const [saga] = await answerAll(db, engine, [await sagaRow(db, scope, id)]);
    if (!saga) throw new Error('a saga without an answer');
    return saga;
  });
}

/** The context checked against the type's schema, answering 422 with each wrong field's path. */
function checkStart(engine: SagaEngine, input: StartSagaInput) {
  const type = engine.types.get(input.type);
  if (!type?.startable)
    throw new AppError('unprocessable', `Saga type ${input.type} cannot be started through the API.`, {
      code: 'saga.not_startable',
      errors: [{ path: 'type', message: 'not a saga type that may be started through the API' }],
      extensions: {
        startable: [...engine.types.values()].filter((each) => each.startable).map((each) => each.type),
      },
    });
  const parsed = type.context.safeParse(input.context);
  if (!parsed.success)
    throw new AppError('unprocessable', `The context does not fit saga type ${input.type}.`, {
      code: 'saga.invalid_context',
      errors: parsed.error.issues.map((issue) => ({
        path: ['context', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    });
}

/**
 * POST /sagas: starts a saga of a startable type as the caller. With an Idempotency-Key, a repeat
 * answers the first start (the key is also the saga's own idempotency key).
 */
export async function startSagaFromApi(
  scope: Scope,
  engine: SagaEngine,
  input: StartSagaInput,
  request: { key?: string; path: string },
): Promise<StoredAnswer & { replayed: boolean }> {
  checkStart(engine, input);
  const answer = await runIdempotentWrite(
    scope.db,
    { key: request.key, method: 'POST', path: request.path, body: input },
    async (tx) => {
      if (input.projectId) await assertProjectVisible(tx, { ...scope, projectId: input.projectId });
      const { saga, created } = await engine.start(
        scope,
        input.type,
        input.context,
        { projectId: input.projectId, title: input.title, idempotencyKey: request.key },
        tx,
      );
      const [output] = await answerAll(tx, engine, [saga]);
      return {
        status: created ? 202 : 200,
        body: JSON.parse(JSON.stringify(output)),
        headers: { location: `${request.path}/${saga.id}` },
      };
    },
  );
  engine.kick();
  return answer;
}

/** Refuses an approval to a saga that is not waiting, with the status it needs. */
async function assertWaiting(scope: Scope, id: string): Promise<void> {
  const row = await scope.db.read((db) => sagaRow(db, scope, id));
  if (row.status !== 'waiting')
    throw new AppError('conflict', `A ${row.status} saga has no step waiting for an approval.`, {
      code: 'saga.illegal_transition',
      extensions: { currentStatus: row.status, allowed: ['waiting'] },
    });
}

/** The engine's actions, each answering the saga as it is once the action committed. */
export const sagaActions = {
  async cancel(scope: Scope, engine: SagaEngine, id: string, reason?: string) {
    await cancelSaga(scope, engine, id, reason);
    return currentSaga(scope, engine, id);
  },
  async retry(scope: Scope, engine: SagaEngine, id: string) {
    await retrySaga(scope, engine, id);
    return currentSaga(scope, engine, id);
  },
  async resume(scope: Scope, engine: SagaEngine, id: string, options: { skip?: boolean; reason?: string }) {
    await resumeSaga(scope, engine, id, options);
    return currentSaga(scope, engine, id);
  },
  async signal(scope: Scope, engine: SagaEngine, id: string, name: string, payload: unknown) {
    await signalSaga(scope, engine, id, name, payload);
    return currentSaga(scope, engine, id);
  },
  async approve(
    scope: Scope,
    engine: SagaEngine,
    id: string,
    decision: { approved: boolean; comment?: string },
  ) {
    await assertWaiting(scope, id);
    await decideApproval(scope, engine, id, decision);
    return currentSaga(scope, engine, id);
  },
};
