// Tasks through the API: made by hand and generated, read with their assignee, claimed, released,
// completed and moved, with roles and workspaces kept apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { goodPrd } from '../prd-reviews/test-helpers.ts';
import { expireClaims } from './expiry.ts';
import { taskKit, tasksOf } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
const { newProject, newTask, lapse, approve } = taskKit(() => t);

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

describe('tasks', () => {
  it('goes open → claimed → done with its holder, audited with the agent', async () => {
    const projectId = await newProject();
    const first = await newTask(projectId, { title: 'Write the refund job', description: 'Retries too' });
    const second = await newTask(projectId);
    expect(first).toMatchObject({
      number: 1,
      key: 'T-1',
      status: 'open',
      assignee: null,
      source: { kind: 'manual' },
      attempts: 0,
      evidence: { commits: [], testRunIds: [], findingSetIds: [] },
    });
    expect(second.key).toBe('T-2');

    const agent = await t.newMember(owner, 'agent');
    const claimed = await agent.post(tasksOf(projectId, `${first.id}/claim`), { leaseSeconds: 120 });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toMatchObject({
      status: 'claimed',
      assigneeId: agent.userId,
      assignee: { id: agent.userId, kind: 'agent', displayName: 'Test agent' },
      attempts: 1,
    });
    const lease = Date.parse(claimed.body.claimExpiresAt) - Date.parse(claimed.body.claimedAt);
    expect(lease).toBe(120_000);

    const got = await owner.get(tasksOf(projectId, first.id));
    expect(got.body.assignee.id).toBe(agent.userId);
    const listed = await owner.get(tasksOf(projectId), { query: { 'filter[status]': 'claimed' } });
    expect(listed.body.data.map((task: JsonBody) => task.key)).toEqual(['T-1']);
    const mine = await owner.get(tasksOf(projectId), { query: { 'filter[assigneeId]': agent.userId } });
    expect(mine.body.data).toHaveLength(1);
    const searched = await owner.get(tasksOf(projectId), { query: { q: 'refund', sort: '-number' } });
    expect(searched.body.data.map((task: JsonBody) => task.key)).toEqual(['T-1']);

    const evidence = await agent.post(tasksOf(projectId, `${first.id}/evidence`), {
      commits: ['ABCDEF1'],
      mergeRequestUrl: 'https://git.example.test/pay/-/merge_requests/4',
    });
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(200);
    const again = await agent.post(tasksOf(projectId, `${first.id}/evidence`), {
      commits: ['abcdef1', '1234567'],
    });
    expect(again.body.evidence).toEqual({
      commits: ['abcdef1', '1234567'],
      mergeRequestUrl: 'https://git.example.test/pay/-/merge_requests/4',
      testRunIds: [],
      findingSetIds: [],
    });
    const unknownRun = await agent.post(tasksOf(projectId, `${first.id}/evidence`), {
      testRunIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(unknownRun.status).toBe(422);

    const review = await agent.post(tasksOf(projectId, `${first.id}/complete`), { to: 'in_review' });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body).toMatchObject({ status: 'in_review', claimExpiresAt: null, completedAt: null });
    const done = await agent.post(tasksOf(projectId, `${first.id}/complete`), {});
    expect(done.body).toMatchObject({ status: 'done' });
    expect(done.body.completedAt).not.toBeNull();
    const evaluations = await owner.get(tasksOf(projectId, `${first.id}/evaluations`));
    expect(evaluations.body.data).toHaveLength(2);
    expect(evaluations.body.data[0]).toMatchObject({ targetStatus: 'done', passed: true, conditions: [] });

    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'task', aggregateId: first.id, limit: '50' },
    });
    const byAgent = events.body.data
      .filter((event: JsonBody) => event.userId === agent.userId)
      .map((event: JsonBody) => event.eventType);
    expect(byAgent).toEqual(
      expect.arrayContaining(['task.claimed', 'task.evidence_added', 'task.completed']),
    );
  });

  it('answers 409 naming the holder, keeps the claim with heartbeats and releases it', async () => {
    const projectId = await newProject();
    const task = await newTask(projectId);
    const [one, two] = [await t.newMember(owner, 'agent'), await t.newMember(owner, 'editor')];
    expect((await one.post(tasksOf(projectId, `${task.id}/claim`))).status).toBe(200);
    const taken = await two.post(tasksOf(projectId, `${task.id}/claim`));
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'task.claimed',
      holder: { id: one.userId, displayName: 'Test agent' },
    });
    expect(Date.parse(taken.body.claimExpiresAt)).toBeGreaterThan(Date.now());

    const before = (await owner.get(tasksOf(projectId, task.id))).body.claimExpiresAt;
    const beat = await one.post(tasksOf(projectId, `${task.id}/heartbeat`), { leaseSeconds: 3600 });
    expect(beat.status).toBe(200);
    expect(Date.parse(beat.body.claimExpiresAt)).toBeGreaterThan(Date.parse(before));
    expect((await two.post(tasksOf(projectId, `${task.id}/heartbeat`))).status).toBe(409);
    expect((await two.post(tasksOf(projectId, `${task.id}/release`))).status).toBe(409);
    expect((await two.post(tasksOf(projectId, `${task.id}/evidence`), { commits: ['abcdef1'] })).status).toBe(
      409,
    );

    const released = await one.post(tasksOf(projectId, `${task.id}/release`));
    expect(released.body).toMatchObject({ status: 'open', claimExpiresAt: null });
    expect((await one.post(tasksOf(projectId, `${task.id}/heartbeat`))).status).toBe(409);
    expect((await two.post(tasksOf(projectId, `${task.id}/claim`))).status).toBe(200);
    // An administrator may release what another holds.
    expect((await owner.post(tasksOf(projectId, `${task.id}/release`))).body.status).toBe('open');
  });

  it('treats a lapsed claim as open at once, and the job returns it to open as the system', async () => {
    const projectId = await newProject();
    const task = await newTask(projectId);
    const [one, two] = [await t.newMember(owner, 'agent'), await t.newMember(owner, 'agent')];
    await one.post(tasksOf(projectId, `${task.id}/claim`), { leaseSeconds: 30 });
    await lapse(task.id);
    const beat = await one.post(tasksOf(projectId, `${task.id}/heartbeat`));
    expect(beat.status).toBe(409);
    expect(beat.body.detail).toMatch(/lapsed/);
    const next = await two.post(tasksOf(projectId, 'claim-next'), {});
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ id: task.id, assigneeId: two.userId, attempts: 2 });

    await lapse(task.id);
    expect(await expireClaims(t.services)).toBeGreaterThanOrEqual(1);
    const after = await owner.get(tasksOf(projectId, task.id));
    expect(after.body).toMatchObject({ status: 'open', claimExpiresAt: null });
    const events = await owner.get('/api/v1/audit/events', {
      query: { aggregateType: 'task', aggregateId: task.id, limit: '50' },
    });
    const expired = events.body.data.find((event: JsonBody) => event.eventType === 'task.claim_expired');
    expect(expired).toBeDefined();
    expect(expired).toMatchObject({ metadata: { requestId: 'system' }, eventData: { by: 'system' } });
    expect((await two.post(tasksOf(projectId, 'claim-next'), {})).body.id).toBe(task.id);
    expect((await one.post(tasksOf(projectId, 'claim-next'), {})).status).toBe(404);
  });

  it('moves to open, blocked and cancelled, answering 409 with the allowed moves', async () => {
    const projectId = await newProject();
    const task = await newTask(projectId);
    const move = (to: string) =>
      owner.post(tasksOf(projectId, `${task.id}/transition`), { to, reason: 'why' });
    expect((await move('blocked')).body.status).toBe('blocked');
    const illegal = await owner.post(tasksOf(projectId, `${task.id}/complete`), {});
    expect(illegal.status).toBe(409);
    expect(illegal.body.allowed).toEqual(['open', 'cancelled']);
    expect((await move('cancelled')).body.status).toBe('cancelled');
    const again = await move('blocked');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'task.illegal_transition', allowed: ['open'] });
    expect((await move('open')).body.status).toBe('open');
  });

  it('numbers concurrent creates one after another without gaps or duplicates', async () => {
    const projectId = await newProject();
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, index) =>
        owner.post(tasksOf(projectId), { title: `Parallel ${index}` }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(15).fill(201));
    const numbers = answers.map((answer) => answer.body.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
  });

  it('changes a task with If-Match and refuses gates of other projects', async () => {
    const projectId = await newProject();
    const task = await newTask(projectId);
    const changed = await owner.patch(
      tasksOf(projectId, task.id),
      { title: 'Renamed' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Renamed', key: 'T-1', version: 2 });
    const stale = await owner.patch(
      tasksOf(projectId, task.id),
      { title: 'Again' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(stale.status).toBe(412);
    const badGate = await owner.patch(tasksOf(projectId, task.id), {
      gateIds: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(badGate.status).toBe(422);
  });

  it('keeps roles: viewers and reviewers read only, editors do not delete, agents do not override', async () => {
    const projectId = await newProject();
    const task = await newTask(projectId);
    for (const role of ['viewer', 'reviewer'] as const) {
      const member = await t.newMember(owner, role);
      expect((await member.get(tasksOf(projectId, task.id))).status).toBe(200);
      expect((await member.post(tasksOf(projectId, `${task.id}/claim`))).status).toBe(403);
      expect((await member.post(tasksOf(projectId, 'claim-next'), {})).status).toBe(403);
      expect((await member.post(tasksOf(projectId), { title: 'no' })).status).toBe(403);
    }
    const agent = await t.newMember(owner, 'agent');
    expect((await agent.post(tasksOf(projectId), { title: 'no' })).status).toBe(403);
    expect((await agent.post(tasksOf(projectId, 'generate'), { checks: true })).status).toBe(403);
    const editor = await t.newMember(owner, 'editor');
    expect((await editor.delete(tasksOf(projectId, task.id))).status).toBe(403);
    const admin = await t.newMember(owner, 'admin');
    expect((await admin.delete(tasksOf(projectId, task.id))).status).toBe(204);
  });

  it("answers 404 for another workspace's project and tasks", async () => {
    const other = await t.newWorkspace();
    const theirs = await newProject(other);
    const task = await newTask(theirs, {}, other);
    expect((await owner.get(tasksOf(theirs, task.id))).status).toBe(404);
    expect((await owner.get(tasksOf(theirs))).status).toBe(404);
    expect((await owner.post(tasksOf(theirs, `${task.id}/claim`))).status).toBe(404);
    expect((await owner.post(tasksOf(theirs, 'claim-next'), {})).status).toBe(404);
    const mine = await newProject();
    expect((await owner.post(tasksOf(mine, `${task.id}/claim`))).status).toBe(404);
    expect((await owner.post(tasksOf(mine, `${task.id}/complete`), {})).status).toBe(404);
    expect((await owner.get(tasksOf(mine, `${task.id}/evaluations`))).status).toBe(404);
  });
});

describe('task generation', () => {
  it('makes one task per requirement of an approved PRD, once, judged by its success criteria', async () => {
    const projectId = await newProject();
    const prd = await owner.post(`/api/v1/projects/${projectId}/prd-reviews`, {
      title: 'Refunds v2',
      content: goodPrd,
    });
    expect(prd.status).toBe(201);
    const early = await owner.post(tasksOf(projectId, 'generate'), { prdId: prd.body.id });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('task.prd_not_approved');
    await approve(prd.body.id);

    const generated = await owner.post(tasksOf(projectId, 'generate'), { prdId: prd.body.id });
    expect(generated.status, JSON.stringify(generated.body)).toBe(200);
    expect(generated.body.existing).toBe(0);
    expect(generated.body.created).toHaveLength(2);
    expect(generated.body.created[0]).toMatchObject({
      key: 'T-1',
      source: { kind: 'requirement', refId: prd.body.id, key: 'FR-001' },
      sourceKey: `requirement:${prd.body.id}:FR-001`,
      acceptanceCriteria: [{ kind: 'criterion', ref: 'SC-001' }],
    });
    expect(generated.body.created[0].title).toMatch(/^FR-001: Refunds are sent/);
    const again = await owner.post(tasksOf(projectId, 'generate'), { prdId: prd.body.id });
    expect(again.body).toMatchObject({ created: [], existing: 2 });
    const listed = await owner.get(tasksOf(projectId), { query: { 'filter[sourceKind]': 'requirement' } });
    expect(listed.body.data).toHaveLength(2);
    expect((await owner.post(tasksOf(projectId, 'generate'), {})).status).toBe(400);
  });

  it('makes one task per failing readiness check, once, with the blocking pre-merge gates', async () => {
    const projectId = await newProject();
    const gates = `/api/v1/projects/${projectId}/plan/code-review-automation/quality-gates`;
    const gate = await owner.post(gates, {
      name: 'tests',
      stage: 'pre-merge',
      command: 'npm test',
      threshold: 'failures = 0',
    });
    expect(gate.status, JSON.stringify(gate.body)).toBe(201);
    const generated = await owner.post(tasksOf(projectId, 'generate'), { checks: true });
    expect(generated.status, JSON.stringify(generated.body)).toBe(200);
    expect(generated.body.created.length).toBeGreaterThan(0);
    const check = generated.body.created.find(
      (task: JsonBody) => task.source.key === 'review.gates-evaluated-on-tests',
    );
    expect(check).toMatchObject({
      source: { kind: 'check' },
      sourceKey: 'check:review.gates-evaluated-on-tests',
      acceptanceCriteria: [{ kind: 'check', ref: 'review.gates-evaluated-on-tests' }],
      gateIds: [gate.body.id],
    });
    const again = await owner.post(tasksOf(projectId, 'generate'), { checks: true });
    expect(again.body.created).toEqual([]);
    expect(again.body.existing).toBe(generated.body.created.length);
    const byKind = await owner.get(tasksOf(projectId), {
      query: { 'filter[sourceKind]': 'check', limit: '200' },
    });
    expect(byKind.body.data).toHaveLength(generated.body.created.length);
  });
});
