import { and, desc, eq, lt } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors/app-error.ts';
import type { Scope } from '../../../core/resource/scope.ts';
import { assertProjectVisible, toOutput } from '../../../core/resource/service.ts';
import { changeRow, createRow, deleteRow, lockRow } from '../../../core/resource/writes.ts';
import type { SagaEngine } from '../../../core/sagas/engine.ts';
import type { Executor, Transaction } from '../../../db/connection.ts';
import { type ReleaseWorkflowRow, releaseWorkflows, releaseWorkflowVersions } from '../tables.ts';
import { runAnswer, type WorkflowCreate, type WorkflowUpdate } from './contracts.ts';
import { parseDefinition, runInputs } from './definition.ts';
import { releaseWorkflowResource, releaseWorkflowVersionResource } from './resources.ts';
import { deployWaves, deployWavesOptions } from './templates.ts';

// Release workflows by key: every save validates the definition and keeps it as a new version
// (audited, both the workflow's change and the version's creation); a run starts a `release` saga
// with the version it runs in its context.

async function byKey(db: Executor, scope: Scope, key: string): Promise<ReleaseWorkflowRow> {
  const [row] = await db
    .select()
    .from(releaseWorkflows)
    .where(
      and(
        eq(releaseWorkflows.workspaceId, scope.ctx.workspaceId),
        eq(releaseWorkflows.projectId, scope.projectId ?? ''),
        eq(releaseWorkflows.key, key),
      ),
    )
    .limit(1);
  if (!row) throw notFound('release workflow', key);
  return row;
}

async function keepVersion(tx: Transaction, scope: Scope, row: ReleaseWorkflowRow): Promise<void> {
  await createRow(tx, releaseWorkflowVersionResource, scope, {
    workflowId: row.id,
    workflowVersion: row.version,
    definition: row.definition,
    createdBy: scope.ctx.actor.userId,
  });
}

const answer = (row: ReleaseWorkflowRow) => toOutput(releaseWorkflowResource, row);

export async function createWorkflow(tx: Transaction, scope: Scope, body: WorkflowCreate) {
  await assertProjectVisible(tx, scope);
  if ((body.definition === undefined) === (body.template === undefined))
    throw new AppError('unprocessable', 'Give a definition or a template, one of them.', {
      code: 'release.invalid_definition',
      errors: [{ path: 'definition', message: 'give a definition or a template (one of them)' }],
    });
  const definition =
    body.template === 'deploy-waves'
      ? deployWaves(deployWavesOptions.parse(body.templateOptions ?? {}))
      : parseDefinition(body.definition);
  const row = await createRow(tx, releaseWorkflowResource, scope, {
    key: body.key,
    name: body.name,
    description: body.description,
    definition,
    createdBy: scope.ctx.actor.userId,
  });
  await keepVersion(tx, scope, row);
  return { row, output: answer(row) };
}

export async function getWorkflow(scope: Scope, key: string) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const row = await byKey(db, scope, key);
    return { row, output: answer(row) };
  });
}

export async function updateWorkflow(scope: Scope, key: string, body: WorkflowUpdate, expected?: number) {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const found = await byKey(tx, scope, key);
    const current = await lockRow(tx, releaseWorkflowResource, scope, found.id, expected);
    const values = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.definition === undefined ? {} : { definition: parseDefinition(body.definition) }),
    };
    const row = await changeRow(tx, releaseWorkflowResource, scope, current, { values });
    if (row.version !== current.version) await keepVersion(tx, scope, row);
    return { row, output: answer(row) };
  });
}

export async function deleteWorkflow(scope: Scope, key: string, expected?: number): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const found = await byKey(tx, scope, key);
    await deleteRow(tx, releaseWorkflowResource, scope, found.id, expected);
  });
}

/** The saved versions of a workflow, newest first; the cursor is the last version seen. */
export async function listVersions(scope: Scope, key: string, page: { limit: number; cursor?: string }) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const workflow = await byKey(db, scope, key);
    const conditions = [
      eq(releaseWorkflowVersions.workspaceId, scope.ctx.workspaceId),
      eq(releaseWorkflowVersions.workflowId, workflow.id),
    ];
    if (page.cursor) conditions.push(lt(releaseWorkflowVersions.workflowVersion, Number(page.cursor)));
    const rows = await db
      .select()
      .from(releaseWorkflowVersions)
      .where(and(...conditions))
      .orderBy(desc(releaseWorkflowVersions.workflowVersion))
      .limit(page.limit + 1);
    const data = rows.slice(0, page.limit);
    const last = data.at(-1);
    return {
      data: data.map((row) => toOutput(releaseWorkflowVersionResource, row)),
      nextCursor: rows.length > page.limit && last ? String(last.workflowVersion) : null,
    };
  });
}

/** Starts a run of the workflow's current version (a `release` saga titled with its name). */
export async function startRun(
  engine: SagaEngine,
  tx: Transaction,
  scope: Scope,
  key: string,
  given: Record<string, string | number | boolean>,
  idempotencyKey?: string,
) {
  await assertProjectVisible(tx, scope);
  const workflow = await byKey(tx, scope, key);
  const definition = parseDefinition(workflow.definition);
  const context = {
    workflowId: workflow.id,
    workflowKey: workflow.key,
    workflowVersion: workflow.version,
    definition,
    inputs: runInputs(
      definition,
      Object.fromEntries(Object.entries(given).map(([name, value]) => [name, String(value)])),
    ),
  };
  const { saga } = await engine.start(
    scope,
    'release',
    context,
    {
      projectId: workflow.projectId,
      title: workflow.name,
      idempotencyKey: idempotencyKey ? `release:${workflow.id}:${idempotencyKey}` : undefined,
    },
    tx,
  );
  return runAnswer(
    saga,
    definition.steps.map((step) => step.name),
  );
}
