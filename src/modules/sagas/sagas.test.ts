// Sagas through the API: started, listed with filters and pages, read with their timeline, and
// acted on (signal, approval, cancel, retry, resume) by the roles that may, in one workspace only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sagaSteps, workflowSagas } from '../../core/sagas/tables.ts';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { sagaApiTestModule, settleSaga, startTestSaga } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp({ modules: [sagaApiTestModule] });
  owner = t.owner;
});
afterAll(() => t.close());

const sagaPath = (id: string, rest = '') => `/api/v1/sagas/${id}${rest}`;
const timeline = (saga: JsonBody) =>
  saga.steps.map((step: JsonBody) => `${step.phase}:${step.stepName}:${step.status}`);

describe('starting and reading sagas', () => {
  it('starts a startable type, runs it and shows its timeline with durations and step names', async () => {
    const started = await startTestSaga(owner, { label: 'v1' }, { title: 'Release v1' });
    expect(started).toMatchObject({
      sagaType: 'test.api-release',
      title: 'Release v1',
      status: 'pending',
      startedBy: owner.userId,
      stepNames: ['prepare', 'ship'],
      stepCount: 2,
    });
    const done = await settleSaga(t, owner, started.id, ['completed']);
    expect(done.outputs).toEqual({ prepare: { prepared: 'v1' }, ship: { shipped: true } });
    expect(timeline(done)).toEqual(['action:prepare:succeeded', 'action:ship:succeeded']);
    for (const step of done.steps) {
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      expect(step.attempt).toBe(1);
      expect(step.idempotencyKey).toContain(started.id);
    }
    expect(done.completedAt).not.toBeNull();
  });

  it('names the steps of a saga whose type this process does not know from the steps it ran', async () => {
    const [row] = await t.database.db
      .insert(workflowSagas)
      .values({
        workspaceId: owner.workspaceId,
        sagaType: 'test.retired-type',
        title: 'From an older version',
        status: 'failed',
        context: {},
        stepCount: 3,
      })
      .returning();
    if (!row) throw new Error('no saga inserted');
    for (const [stepIndex, stepName] of ['export', 'upload'].entries())
      await t.database.db.insert(sagaSteps).values({
        workspaceId: owner.workspaceId,
        sagaId: row.id,
        stepIndex,
        stepName,
        phase: 'action',
        attempt: 1,
        status: 'succeeded',
        idempotencyKey: `${row.id}:action:${stepName}`,
      });
    const read = await owner.get(sagaPath(row.id));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ stepNames: ['export', 'upload'], stepCount: 3 });
    expect(read.body.steps[0].durationMs).toBeNull();
    const listed = await owner.get('/api/v1/sagas', { query: { type: 'test.retired-type' } });
    expect(listed.body.data[0].stepNames).toEqual(['export', 'upload']);
  });

  it('refuses types that are not startable and contexts that do not fit, with the paths at fault', async () => {
    const internal = await owner.post('/api/v1/sagas', { type: 'test.api-internal', context: {} });
    expect(internal.status).toBe(422);
    expect(internal.body).toMatchObject({ code: 'saga.not_startable', startable: ['test.api-release'] });
    const unknown = await owner.post('/api/v1/sagas', { type: 'no.such-type' });
    expect(unknown.status).toBe(422);
    const wrong = await owner.post('/api/v1/sagas', {
      type: 'test.api-release',
      context: { pauseFailures: 'many', extra: 1 },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('saga.invalid_context');
    expect(wrong.body.errors.map((error: JsonBody) => error.path).sort()).toEqual([
      'context',
      'context.pauseFailures',
    ]);
    const elsewhere = await owner.post('/api/v1/sagas', {
      type: 'test.api-release',
      projectId: '01900000-0000-7000-8000-000000000000',
    });
    expect(elsewhere.status).toBe(404);
  });

  it('answers the first start again for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `start-${Date.now()}` };
    const first = await owner.post('/api/v1/sagas', { type: 'test.api-release', context: {} }, { headers });
    const again = await owner.post('/api/v1/sagas', { type: 'test.api-release', context: {} }, { headers });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    await settleSaga(t, owner, first.body.id, ['completed']);
  });

  it('lists with filters by type, status, project and starter, in pages that a forged cursor cannot reach', async () => {
    const ws = await t.newWorkspace();
    const editor = await t.newMember(ws, 'editor');
    const project = await ws.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1)
      ids.push((await startTestSaga(ws, { label: `r${index}` }, { projectId: project.body.id })).id);
    const waiting = await startTestSaga(editor, { waitForSignal: true });
    await settleSaga(t, ws, waiting.id, ['waiting']);
    for (const id of ids) await settleSaga(t, ws, id, ['completed']);

    const all = await ws.get('/api/v1/sagas');
    expect(all.body.data.map((saga: JsonBody) => saga.id)).toEqual([waiting.id, ...ids.reverse()]);
    const inProject = await ws.get('/api/v1/sagas', { query: { projectId: project.body.id } });
    expect(inProject.body.data).toHaveLength(3);
    const byEditor = await ws.get('/api/v1/sagas', { query: { startedBy: editor.userId } });
    expect(byEditor.body.data.map((saga: JsonBody) => saga.id)).toEqual([waiting.id]);
    const waitingOnly = await ws.get('/api/v1/sagas', { query: { status: 'waiting' } });
    expect(waitingOnly.body.data.map((saga: JsonBody) => saga.waitingFor)).toEqual([
      { kind: 'signal', name: 'go' },
    ]);
    const several = await ws.get('/api/v1/sagas?status=waiting&status=completed&type=test.api-release');
    expect(several.body.data).toHaveLength(4);
    const commas = await ws.get('/api/v1/sagas', { query: { status: 'failed,cancelled' } });
    expect(commas.body.data).toEqual([]);
    expect((await ws.get('/api/v1/sagas', { query: { type: 'test.api-internal' } })).body.data).toEqual([]);
    expect((await ws.get('/api/v1/sagas', { query: { status: 'sleeping' } })).status).toBe(400);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '3', ...(cursor ? { cursor } : {}) };
      const page: JsonBody = (await ws.get('/api/v1/sagas', { query })).body;
      pages.push(...page.data.map((saga: JsonBody) => saga.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.body.data.map((saga: JsonBody) => saga.id));
    const forged = Buffer.from(JSON.stringify({ s: '-createdAt', v: ['yesterday', 'x'] })).toString(
      'base64url',
    );
    expect((await ws.get('/api/v1/sagas', { query: { cursor: forged } })).status).toBe(400);
    expect((await ws.get('/api/v1/sagas', { query: { cursor: 'not-a-cursor' } })).status).toBe(400);
    await ws.post(sagaPath(waiting.id, '/cancel'), {});
  });
});

describe('acting on sagas', () => {
  it('moves a waiting saga on with a signal, whose payload becomes the step output', async () => {
    const agent = await t.newMember(owner, 'agent');
    const saga = await startTestSaga(agent, { waitForSignal: true });
    const waiting = await settleSaga(t, owner, saga.id, ['waiting']);
    expect(waiting).toMatchObject({ currentStep: 1, waitingFor: { kind: 'signal', name: 'go' } });
    expect(waiting.stepNames).toEqual(['prepare', 'go', 'ship']);
    const signalled = await agent.post(sagaPath(saga.id, '/signals/go'), { payload: { build: 7 } });
    expect(signalled.status, JSON.stringify(signalled.body)).toBe(200);
    const done = await settleSaga(t, owner, saga.id, ['completed']);
    expect(done.outputs.go).toMatchObject({ build: 7 });
    const late = await agent.post(sagaPath(saga.id, '/signals/go'), {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'saga.illegal_transition',
      allowed: ['pending', 'running', 'waiting'],
    });
  });

  it('lets only the role an approval asks for decide it, and lists it for them', async () => {
    const reviewer = await t.newMember(owner, 'reviewer');
    const editor = await t.newMember(owner, 'editor');
    const saga = await startTestSaga(editor, { approvalRole: 'reviewer' });
    await settleSaga(t, owner, saga.id, ['waiting']);
    const forReviewer = await reviewer.get('/api/v1/saga-approvals');
    expect(forReviewer.body.data.map((each: JsonBody) => each.id)).toContain(saga.id);
    expect((await editor.get('/api/v1/saga-approvals')).body.data).toEqual([]);
    expect((await owner.get('/api/v1/saga-approvals')).body.data.map((each: JsonBody) => each.id)).toContain(
      saga.id,
    );

    const byEditor = await editor.post(sagaPath(saga.id, '/approval'), { approved: true });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.code).toBe('saga.approval_role');
    const signalled = await editor.post(sagaPath(saga.id, '/signals/sign-off'), {});
    expect(signalled.status).toBe(409);
    const approved = await reviewer.post(sagaPath(saga.id, '/approval'), {
      approved: true,
      comment: 'Checked',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const done = await settleSaga(t, owner, saga.id, ['completed']);
    expect(done.outputs['sign-off']).toMatchObject({ approved: true });
    const again = await reviewer.post(sagaPath(saga.id, '/approval'), { approved: true });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'saga.illegal_transition', allowed: ['waiting'] });
  });

  it('undoes what was done when a refused approval fails the step', async () => {
    const saga = await startTestSaga(owner, { approvalRole: 'admin' });
    await settleSaga(t, owner, saga.id, ['waiting']);
    expect((await owner.post(sagaPath(saga.id, '/approval'), { approved: false })).status).toBe(200);
    const failed = await settleSaga(t, owner, saga.id, ['failed']);
    expect(timeline(failed)).toContain('compensation:prepare:succeeded');
  });

  it('cancels a waiting saga by undoing its completed steps; a second cancel is a 409', async () => {
    const saga = await startTestSaga(owner, { waitForSignal: true });
    await settleSaga(t, owner, saga.id, ['waiting']);
    const cancelled = await owner.post(sagaPath(saga.id, '/cancel'), { reason: 'Wrong build' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelRequested).toBe(true);
    const done = await settleSaga(t, owner, saga.id, ['cancelled']);
    expect(timeline(done)).toEqual([
      'action:prepare:succeeded',
      'action:go:failed',
      'compensation:prepare:succeeded',
    ]);
    const again = await owner.post(sagaPath(saga.id, '/cancel'), {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'saga.illegal_transition', currentStatus: 'cancelled' });
    expect(again.body.allowed).toEqual(['pending', 'running', 'waiting']);
  });

  it('retries a step paused for a person, and only such a saga', async () => {
    const saga = await startTestSaga(owner, { pauseFailures: 1 });
    const paused = await settleSaga(t, owner, saga.id, ['waiting']);
    expect(paused.waitingFor).toMatchObject({ kind: 'intervention', step: 'ship' });
    const retried = await owner.post(sagaPath(saga.id, '/retry'));
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    const done = await settleSaga(t, owner, saga.id, ['completed']);
    expect(timeline(done)).toEqual([
      'action:prepare:succeeded',
      'action:ship:failed',
      'action:ship:succeeded',
    ]);
    const again = await owner.post(sagaPath(saga.id, '/retry'));
    expect(again.status).toBe(409);
    expect(again.body.allowed).toEqual(['waiting']);
  });

  it('resumes a saga whose undo failed, skipping the undo a person did by hand', async () => {
    const saga = await startTestSaga(owner, { failLast: true, failUndo: true });
    const stuck = await settleSaga(t, owner, saga.id, ['compensation_failed']);
    expect(stuck.errorMessage).toContain('the undo of prepare broke');
    const early = await owner.post(sagaPath(saga.id, '/cancel'), {});
    expect(early.status).toBe(409);
    const editor = await t.newMember(owner, 'editor');
    expect((await editor.post(sagaPath(saga.id, '/resume'), { skip: true })).status).toBe(403);
    const resumed = await owner.post(sagaPath(saga.id, '/resume'), { skip: true, reason: 'By hand' });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    const failed = await settleSaga(t, owner, saga.id, ['failed']);
    expect(failed.steps.at(-1)).toMatchObject({ phase: 'compensation', status: 'skipped', error: 'By hand' });
    const again = await owner.post(sagaPath(saga.id, '/resume'), {});
    expect(again.status).toBe(409);
    expect(again.body.allowed).toEqual(['compensation_failed']);
  });
});

describe('who may do what', () => {
  it('lets each role do what its permissions grant, and nothing more', async () => {
    const saga = await startTestSaga(owner, { waitForSignal: true });
    await settleSaga(t, owner, saga.id, ['waiting']);
    const viewer = await t.newMember(owner, 'viewer');
    const reviewer = await t.newMember(owner, 'reviewer');
    const agent = await t.newMember(owner, 'agent');
    expect((await viewer.get(sagaPath(saga.id))).status).toBe(200);
    expect((await viewer.get('/api/v1/sagas')).status).toBe(200);
    expect((await viewer.post('/api/v1/sagas', { type: 'test.api-release' })).status).toBe(403);
    expect((await viewer.post(sagaPath(saga.id, '/cancel'), {})).status).toBe(403);
    expect((await viewer.post(sagaPath(saga.id, '/signals/go'), {})).status).toBe(403);
    expect((await reviewer.post('/api/v1/sagas', { type: 'test.api-release' })).status).toBe(403);
    expect((await agent.post(sagaPath(saga.id, '/cancel'), {})).status).toBe(403);
    expect((await agent.post(sagaPath(saga.id, '/retry'))).status).toBe(403);
    expect((await reviewer.post(sagaPath(saga.id, '/signals/other'), {})).status).toBe(200);
    const agentStart = await agent.post('/api/v1/sagas', { type: 'test.api-release' });
    expect(agentStart.status).toBe(202);
    await settleSaga(t, owner, agentStart.body.id, ['completed']);
    expect((await owner.post(sagaPath(saga.id, '/cancel'), {})).status).toBe(200);
    await settleSaga(t, owner, saga.id, ['cancelled']);
  });

  it("answers 404 for another workspace's saga, whatever the action", async () => {
    const saga = await startTestSaga(owner, { waitForSignal: true });
    await settleSaga(t, owner, saga.id, ['waiting']);
    const stranger = await t.newWorkspace();
    expect((await stranger.get(sagaPath(saga.id))).status).toBe(404);
    for (const action of ['/cancel', '/retry', '/resume', '/signals/go', '/approval']) {
      const body = action === '/approval' ? { approved: true } : {};
      const answer = await stranger.post(sagaPath(saga.id, action), body);
      expect(answer.status, action).toBe(404);
    }
    expect((await stranger.get('/api/v1/sagas')).body.data).toEqual([]);
    expect((await stranger.get('/api/v1/saga-approvals')).body.data).toEqual([]);
    expect((await owner.get(sagaPath(saga.id))).body.status).toBe('waiting');
    await owner.post(sagaPath(saga.id, '/cancel'), {});
    await settleSaga(t, owner, saga.id, ['cancelled']);
  });
});
