import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../core/resource/scope.ts';
import { createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { importSagaType, importTries } from './import-saga.ts';
import { folderOf, newProject, result, rowsLeft, upload, uploadAndImport, zipOf } from './test-helpers.ts';

let t: TestApp;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  projectId = await newProject(t.owner);
});
afterAll(() => t.close());

async function importSagasOf(runId: string): Promise<JsonBody[]> {
  const listed = await t.owner.get('/api/v1/sagas', { query: { type: importSagaType, projectId } });
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  return listed.body.data.filter((saga: JsonBody) => saga.context.runId === runId);
}

describe('the import of a stored upload runs as a saga', () => {
  it('starts one test-evidence.import saga per run, which completes with the run imported', async () => {
    const run = await uploadAndImport(
      t,
      t.owner,
      projectId,
      zipOf(folderOf([result({ name: 'adds' }), result({ name: 'pays', status: 'failed' })])),
      'application/zip',
      { name: 'nightly' },
    );
    expect(run).toMatchObject({ status: 'imported', totals: { total: 2, passed: 1, failed: 1 } });
    const sagas = await importSagasOf(run.id);
    expect(sagas).toHaveLength(1);
    expect(sagas[0]).toMatchObject({
      sagaType: importSagaType,
      title: 'Import test run nightly',
      status: 'completed',
      projectId,
      startedBy: t.owner.userId,
      stepNames: ['import', 'clean-up'],
    });
    const one = await t.owner.get(`/api/v1/sagas/${sagas[0]?.id}`);
    expect(one.body.outputs).toEqual({ import: { status: 'imported' }, 'clean-up': { removed: true } });
    expect(one.body.steps.map((step: JsonBody) => [step.stepName, step.status, step.attempt])).toEqual([
      ['import', 'succeeded', 1],
      ['clean-up', 'succeeded', 1],
    ]);
    expect(await rowsLeft(t, 'test_run_upload_chunks', run.id)).toBe(0);

    // Starting the run's import again (same run, same key) answers the saga already there.
    const again = await t.services.sagas.start(
      systemScope(t.services, t.owner.workspaceId, t.owner.userId, projectId),
      importSagaType,
      { runId: run.id },
      { projectId, idempotencyKey: run.id },
    );
    expect(again).toMatchObject({ created: false, saga: { id: sagas[0]?.id } });
    await t.services.sagas.idle();
    expect(await importSagasOf(run.id)).toHaveLength(1);
  });

  it('ends the saga completed when the run fails validation: a failed run is an outcome, not a failure', async () => {
    const run = await uploadAndImport(
      t,
      t.owner,
      projectId,
      zipOf(folderOf([result({ name: 'fine' })], { 'broken-result.json': '{"uuid": ' })),
    );
    expect(run.status).toBe('failed');
    expect(run.importErrors).toEqual([{ file: 'broken-result.json', message: expect.any(String) }]);
    const [saga] = await importSagasOf(run.id);
    expect(saga).toMatchObject({ status: 'completed', outputs: { import: { status: 'failed' } } });
    expect(await rowsLeft(t, 'test_run_upload_chunks', run.id)).toBe(0);
  });

  it('answers the run queued, with its saga started, before anything is imported', async () => {
    const answer = await upload(t, t.owner, projectId, zipOf(folderOf([result({ name: 'queued' })])));
    expect(answer.status).toBe(202);
    expect(answer.body.status).toBe('queued');
    await t.services.sagas.idle();
    expect(await importSagasOf(answer.body.id)).toHaveLength(1);
  });

  it('fails the run, with no rows left, once every try was cut off by a process that stopped', async () => {
    const done = await uploadAndImport(t, t.owner, projectId, zipOf(folderOf([result({ name: 'once' })])));
    // A queued run whose saga's import step was already tried as often as its policy allows, each
    // try cut off (as when the process importing it was killed every time).
    const [run] = await t.database.query<{ id: string }>(
      `insert into allure_report (id, workspace_id, project_id, name, format, status, created_by)
        select gen_random_uuid(), workspace_id, project_id, 'cut off', format, 'queued', created_by
        from allure_report where id = $1 returning id`,
      [done.id],
    );
    const runId = run?.id ?? '';
    const scope = systemScope(t.services, t.owner.workspaceId, t.owner.userId, projectId);
    const { saga } = await scope.db.transaction((tx) =>
      t.services.sagas.start(scope, importSagaType, { runId }, { projectId, idempotencyKey: runId }, tx),
    );
    await t.database.query(
      `update workflow_sagas set status = 'running', step_attempts = ${importTries} where id = $1`,
      [saga.id],
    );
    t.services.sagas.kick();
    await t.services.sagas.idle();
    const failed = await t.owner.get(`/api/v1/projects/${projectId}/test-runs/${runId}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      importErrors: [{ file: '', message: expect.stringContaining(`${importTries} times`) }],
    });
    expect(await rowsLeft(t, 'allure_scenarios', runId)).toBe(0);
    const [ended] = await importSagasOf(runId);
    expect(ended).toMatchObject({ status: 'completed', outputs: { import: { status: 'failed' } } });
  });
});
