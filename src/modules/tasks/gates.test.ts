// Completion is gated: each condition alone — a failing test run, an open blocking finding, a
// failing acceptance check — keeps a task from done with a 409 that lists it; admins may override.
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { findingSetFindings, findingSets } from '../findings/tables.ts';
import { evidenceKit } from '../test-evidence/test-helpers.ts';
import { taskKit, tasksOf } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
let agent: Caller;
const { newProject, newTask } = taskKit(() => t);
const { insertRun } = evidenceKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
  agent = await t.newMember(owner, 'agent');
});
afterAll(() => t.close());

const gatesOf = (projectId: string) =>
  `/api/v1/projects/${projectId}/plan/code-review-automation/quality-gates`;

async function newGate(projectId: string, fields: Record<string, unknown>) {
  const gate = await owner.post(gatesOf(projectId), { stage: 'pre-merge', command: 'npm test', ...fields });
  expect(gate.status, JSON.stringify(gate.body)).toBe(201);
  return String(gate.body.id);
}

/** A task with these gates and criteria, claimed by the agent. */
async function claimedTask(projectId: string, fields: Record<string, unknown>) {
  const task = await newTask(projectId, fields);
  expect((await agent.post(tasksOf(projectId, `${task.id}/claim`))).status).toBe(200);
  return task;
}

const complete = (caller: Caller, projectId: string, id: string, body: Record<string, unknown> = {}) =>
  caller.post(tasksOf(projectId, `${id}/complete`), body);

const passing = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ historyId: `t${index}`, status: 'passed' as const }));

/** A finding set that reported one open finding of this severity and disposition. */
async function findingSetWith(projectId: string, severity: string, disposition: string) {
  const finding = await owner.post(
    `/api/v1/projects/${projectId}/plan/code-review-automation/review-findings`,
    {
      name: 'eval of user input',
      severity,
      disposition,
      ruleId: 'no-eval',
      location: 'src/pay.ts:10',
    },
  );
  expect(finding.status, JSON.stringify(finding.body)).toBe(201);
  const setId = uuidv7();
  const db = t.database.db;
  await db.insert(findingSets).values({
    id: setId,
    workspaceId: owner.workspaceId,
    projectId,
    tool: 'ESLint',
    stream: 'ESLint',
    counts: { results: 1, opened: 1, seenAgain: 0, reopened: 0, closed: 0, suppressed: 0 },
  });
  await db
    .insert(findingSetFindings)
    .values({ workspaceId: owner.workspaceId, setId, findingId: finding.body.id });
  return { setId, findingId: String(finding.body.id) };
}

describe('task gates', () => {
  it('blocks on the tests alone: no run, then a failing newest run; passes on a passing one', async () => {
    const projectId = await newProject();
    const gateId = await newGate(projectId, { name: 'tests', threshold: 'failures = 0' });
    const task = await claimedTask(projectId, { gateIds: [gateId] });

    const none = await complete(agent, projectId, task.id);
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({
      code: 'task.gate_failed',
      conditions: [
        { gateId, gateName: 'tests', kind: 'tests', passed: false, message: 'no test run in the evidence' },
      ],
    });
    expect(none.body.evaluationId).toEqual(expect.any(String));

    const good = await insertRun(projectId, {
      createdAt: new Date(Date.now() - 60_000),
      scenarios: passing(3),
    });
    const bad = await insertRun(projectId, {
      scenarios: [...passing(2), { historyId: 'broken', status: 'failed' }],
    });
    await agent.post(tasksOf(projectId, `${task.id}/evidence`), { testRunIds: [good.runId, bad.runId] });
    const failing = await complete(agent, projectId, task.id);
    expect(failing.status).toBe(409);
    expect(failing.body.conditions).toHaveLength(1);
    expect(failing.body.conditions[0]).toMatchObject({ kind: 'tests', passed: false });
    expect(failing.body.conditions[0].message).toMatch(/failures/);

    const fixed = await insertRun(projectId, { scenarios: passing(3) });
    await agent.post(tasksOf(projectId, `${task.id}/evidence`), { testRunIds: [fixed.runId] });
    const evaluated = await agent.post(tasksOf(projectId, `${task.id}/evaluate`));
    expect(evaluated.body).toMatchObject({ passed: true, taskId: task.id, overridden: false });
    expect((await owner.get(tasksOf(projectId, task.id))).body.status).toBe('claimed');
    const done = await complete(agent, projectId, task.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('done');
    const evaluations = await owner.get(tasksOf(projectId, `${task.id}/evaluations`));
    expect(evaluations.body.data.map((evaluation: JsonBody) => evaluation.passed)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(evaluations.body.data[3].id).toBe(none.body.evaluationId);
  });

  it('blocks on an open blocking finding alone, and passes once it is fixed', async () => {
    const projectId = await newProject();
    const gateId = await newGate(projectId, { name: 'analysis', blockingSeverity: 'major' });
    const task = await claimedTask(projectId, { gateIds: [gateId] });
    const evaluated = await agent.post(tasksOf(projectId, `${task.id}/evaluate`));
    expect(evaluated.body.conditions).toEqual([
      expect.objectContaining({
        kind: 'findings',
        passed: true,
        message: 'no open finding at or above major',
      }),
    ]);

    const minor = await findingSetWith(projectId, 'minor', 'warns');
    const blocking = await findingSetWith(projectId, 'major', 'blocks');
    await agent.post(tasksOf(projectId, `${task.id}/evidence`), {
      findingSetIds: [minor.setId, blocking.setId],
    });
    const blocked = await complete(agent, projectId, task.id, { to: 'in_review' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.conditions).toEqual([
      expect.objectContaining({ gateId, kind: 'findings', passed: false }),
    ]);
    expect(blocked.body.conditions[0].message).toMatch(/^1 open finding .*no-eval at src\/pay.ts:10/);

    await owner.patch(
      `/api/v1/projects/${projectId}/plan/code-review-automation/review-findings/${blocking.findingId}`,
      { status: 'fixed' },
    );
    const review = await complete(agent, projectId, task.id, { to: 'in_review' });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body.status).toBe('in_review');
  });

  it('blocks on a failing acceptance check alone', async () => {
    const projectId = await newProject();
    await newGate(projectId, { name: 'tests', threshold: 'failures = 0' });
    const task = await claimedTask(projectId, {
      acceptanceCriteria: [
        { kind: 'check', ref: 'review.gates-evaluated-on-tests' },
        { kind: 'criterion', ref: 'SC-001', text: 'people-judged' },
      ],
    });
    const blocked = await complete(agent, projectId, task.id);
    expect(blocked.status).toBe(409);
    expect(blocked.body.conditions).toEqual([expect.objectContaining({ kind: 'check', passed: false })]);
    expect(blocked.body.conditions[0].message).toMatch(/^review.gates-evaluated-on-tests: fail/);
    const unknown = await claimedTask(projectId, {
      acceptanceCriteria: [{ kind: 'check', ref: 'no.such-check' }],
    });
    expect((await complete(agent, projectId, unknown.id)).body.conditions[0].message).toMatch(
      /no such readiness check/,
    );
  });

  it('lets only administrators override, with a reason kept on the task and in the evaluation', async () => {
    const projectId = await newProject();
    const gateId = await newGate(projectId, { name: 'tests', threshold: 'failures = 0' });
    const task = await claimedTask(projectId, { gateIds: [gateId] });
    const editor = await t.newMember(owner, 'editor');
    const override = { override: { reason: 'Hotfix: tests run after the incident' } };
    expect((await complete(agent, projectId, task.id, override)).status).toBe(403);
    expect((await complete(editor, projectId, task.id, override)).status).toBe(403);
    expect((await complete(owner, projectId, task.id, { override: {} })).status).toBe(400);

    const admin = await t.newMember(owner, 'admin');
    const done = await complete(admin, projectId, task.id, override);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      override: { by: admin.userId, reason: 'Hotfix: tests run after the incident' },
    });
    const [evaluation] = (await owner.get(tasksOf(projectId, `${task.id}/evaluations`))).body.data;
    expect(evaluation).toMatchObject({
      id: done.body.override.evaluationId,
      passed: false,
      overridden: true,
    });
    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'task', aggregateId: task.id, eventType: 'task.completed_with_override' },
    });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].userId).toBe(admin.userId);
  });
});
