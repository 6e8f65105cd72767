import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

const base = '/api/v1/decision-logs';

async function createDecision(caller: Caller, fields: Record<string, unknown> = {}, expectedStatus = 201) {
  const answer = await caller.post(base, {
    title: 'Use PostgreSQL',
    decisionType: 'architecture',
    context: 'We need a database.',
    decision: 'We use PostgreSQL.',
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
  return answer.body;
}

async function act(caller: Caller, id: string, action: string, body: Record<string, unknown> = {}) {
  return caller.post(`${base}/${id}/${action}`, body);
}

async function accepted(caller: Caller, fields: Record<string, unknown> = {}) {
  const decision = await createDecision(caller, { ...fields, status: 'proposed' });
  const answer = await act(caller, decision.id, 'accept');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

describe('creating a decision', () => {
  it('answers 201 with a numbered draft, its reference and every field', async () => {
    const member = await t.newMember(owner, 'editor');
    const qa = await t.newMember(owner, 'reviewer');
    const body = await createDecision(owner, {
      decisionOwnerId: member.userId,
      involvedQa: [qa.userId],
      decisionDate: '2024-03-01',
      sprintRelease: '2024.3',
      impactRisk: { level: 'high', text: 'Data migration' },
      tags: ['db', 'core'],
      decisionDrivers: ['Row-level security'],
      consideredOptions: [{ title: 'MySQL', pros: ['known'], cons: ['no RLS'] }],
      consequencesGood: ['jsonb'],
      confirmation: 'Reviewed in the architecture board',
      relatedArtifacts: [
        { type: 'jira', key: 'PAY-123' },
        { type: 'gitlab_mr', ref: 'payments/ledger!42' },
        { type: 'url', url: 'https://example.com/rfc' },
        { type: 'api_contract', ref: 'openapi/payments.yaml' },
      ],
    });
    expect(body).toMatchObject({
      status: 'draft',
      decisionOwnerId: member.userId,
      decisionOwner: 'Test editor',
      involvedQa: [qa.userId],
      decisionDate: '2024-03-01',
      impactRisk: { level: 'high', text: 'Data migration' },
      consideredOptions: [
        { title: 'MySQL', description: '', pros: ['known'], neutral: [], cons: ['no RLS'] },
      ],
      supersededBy: null,
      supersedes: [],
      projectId: null,
      version: 1,
    });
    expect(body.reference).toBe(`ADR-${String(body.number).padStart(4, '0')}`);
    const next = await createDecision(owner);
    expect(next.number).toBe(body.number + 1);
  });

  it('numbers decisions per workspace', async () => {
    const other = await t.newWorkspace();
    expect((await createDecision(other)).number).toBe(1);
  });

  it('rejects bad input with field paths and creates nothing', async () => {
    const before = await owner.get(base, { query: { limit: '200' } });
    const answer = await owner.post(base, {
      title: '',
      decisionType: 'architecture',
      impactRisk: { level: 'huge' },
      relatedArtifacts: [
        { type: 'jira', key: 'not a key' },
        { type: 'gitlab_mr', ref: 'nope' },
      ],
      status: 'superseded',
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'title',
        'impactRisk.level',
        'relatedArtifacts.0.key',
        'relatedArtifacts.1.ref',
        'status',
      ]),
    );
    const after = await owner.get(base, { query: { limit: '200' } });
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it('answers 422 naming the field for a type, owner, QA member, project or link that does not exist here', async () => {
    const stranger = await t.newWorkspace();
    const foreignProject = (await stranger.post('/api/v1/projects', { name: 'X', key: 'XX' })).body;
    const foreignDecision = await createDecision(stranger);
    const answer = await owner.post(base, {
      title: 'Bad references',
      decisionType: 'astrology',
      decisionOwnerId: stranger.userId,
      involvedQa: [stranger.userId],
      projectId: foreignProject.id,
      relatedArtifacts: [
        { type: 'decision', id: foreignDecision.id },
        { type: 'project', id: foreignProject.id },
        { type: 'prd', id: foreignDecision.id },
      ],
    });
    expect(answer.status).toBe(422);
    const paths = answer.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual([
      'decisionOwnerId',
      'decisionType',
      'involvedQa.0',
      'projectId',
      'relatedArtifacts.0.id',
      'relatedArtifacts.1.id',
      'relatedArtifacts.2.id',
    ]);
  });

  it('accepts internal links to PRDs, decisions and projects of the workspace', async () => {
    const project = (await owner.post('/api/v1/projects', { name: 'Ledger', key: 'LED' })).body;
    const prd = await owner.post(`/api/v1/projects/${project.id}/prd-reviews`, {
      title: 'Refunds',
      content: '## Problem\nSlow.',
    });
    expect(prd.status, JSON.stringify(prd.body)).toBe(201);
    const target = await createDecision(owner);
    const linked = await createDecision(owner, {
      projectId: project.id,
      relatedArtifacts: [
        { type: 'decision', id: target.id, title: 'Earlier' },
        { type: 'project', id: project.id },
        { type: 'prd', id: prd.body.id },
      ],
    });
    expect(linked.projectId).toBe(project.id);
    expect(linked.relatedArtifacts).toHaveLength(3);
  });

  it('lets an agent create only proposed decisions', async () => {
    const agent = await t.newMember(owner, 'agent');
    const proposed = await createDecision(agent);
    expect(proposed.status).toBe('proposed');
    const draft = await agent.post(base, { title: 'Draft', decisionType: 'process', status: 'draft' });
    expect(draft.status).toBe(403);
    const ratified = await agent.post(base, { title: 'Done', decisionType: 'process', status: 'accepted' });
    expect(ratified.status).toBe(403);
    expect(ratified.body.code).toBe('decision_log.person_required');
  });

  it('lets only people with the ratify permission record an accepted decision directly', async () => {
    const editor = await t.newMember(owner, 'editor');
    expect(
      (await editor.post(base, { title: 'Past', decisionType: 'process', status: 'accepted' })).status,
    ).toBe(403);
    expect((await createDecision(owner, { status: 'accepted' })).status).toBe('accepted');
  });

  it('refuses viewers and reviewers with 403', async () => {
    for (const role of ['viewer', 'reviewer'] as const) {
      const caller = await t.newMember(owner, role);
      expect((await caller.post(base, { title: 'No', decisionType: 'process' })).status).toBe(403);
    }
  });
});

describe('the lifecycle', () => {
  it('goes draft → proposed → accepted, audited, with ETags', async () => {
    const decision = await createDecision(owner);
    const proposed = await act(owner, decision.id, 'propose', { reason: 'ready' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'proposed', version: 2 });
    const acceptedAnswer = await act(owner, decision.id, 'accept', { version: 2 });
    expect(acceptedAnswer.body).toMatchObject({ status: 'accepted', version: 3 });
    expect(acceptedAnswer.headers.etag).toBe('"v3"');
  });

  it('answers 409 with the allowed actions for an illegal transition', async () => {
    const decision = await createDecision(owner);
    const answer = await act(owner, decision.id, 'accept');
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      code: 'decision_log.illegal_transition',
      detail: 'A draft decision cannot be accepted; allowed: propose.',
      allowed: ['propose'],
    });
    const accepted = await createDecision(owner, { status: 'accepted' });
    expect((await act(owner, accepted.id, 'accept')).body.detail).toBe(
      'An accepted decision cannot be accepted; allowed: deprecate, supersede.',
    );
    const rejected = await createDecision(owner, { status: 'proposed' });
    await act(owner, rejected.id, 'reject');
    const again = await act(owner, rejected.id, 'propose');
    expect(again.status).toBe(409);
    expect(again.body.allowed).toEqual([]);
  });

  it('answers 412 to a transition on a stale version', async () => {
    const decision = await createDecision(owner);
    const answer = await act(owner, decision.id, 'propose', { version: 7 });
    expect(answer.status).toBe(412);
    expect((await owner.get(`${base}/${decision.id}`)).body.status).toBe('draft');
  });

  it('refuses agents to accept or reject, even with a role that could', async () => {
    const agent = await t.newMember(owner, 'agent');
    const decision = await createDecision(agent);
    expect((await act(agent, decision.id, 'accept')).status).toBe(403);
    expect((await act(agent, decision.id, 'reject')).status).toBe(403);
    expect((await owner.get(`${base}/${decision.id}`)).body.status).toBe('proposed');
  });

  it('lets a reviewer ratify but not an editor', async () => {
    const reviewer = await t.newMember(owner, 'reviewer');
    const editor = await t.newMember(owner, 'editor');
    const decision = await createDecision(editor, { status: 'proposed' });
    expect((await act(editor, decision.id, 'accept')).status).toBe(403);
    expect((await act(reviewer, decision.id, 'accept')).status).toBe(200);
  });

  it('supersedes an accepted decision, showing the link from both sides', async () => {
    const old = await accepted(owner, { title: 'Use MySQL' });
    const replacement = await accepted(owner, { title: 'Use PostgreSQL' });
    const answer = await act(owner, old.id, 'supersede', { supersededBy: replacement.id, reason: 'RLS' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'superseded', supersededBy: replacement.id });
    const newer = await owner.get(`${base}/${replacement.id}`);
    expect(newer.body.supersedes).toEqual([old.id]);
    expect(newer.body.version).toBe(replacement.version + 1);
    const deletion = await owner.delete(`${base}/${old.id}`);
    expect(deletion.status).toBe(409);
  });

  it('refuses to supersede with a decision that is not accepted, itself, or from elsewhere', async () => {
    const old = await accepted(owner);
    const draft = await createDecision(owner);
    const foreign = await accepted(await t.newWorkspace());
    for (const supersededBy of [draft.id, old.id, foreign.id]) {
      const answer = await act(owner, old.id, 'supersede', { supersededBy });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].path).toBe('supersededBy');
    }
    expect((await act(owner, old.id, 'supersede', {})).status).toBe(400);
    expect((await owner.get(`${base}/${old.id}`)).body.status).toBe('accepted');
  });

  it('deprecates an accepted decision', async () => {
    const decision = await accepted(owner);
    expect((await act(owner, decision.id, 'deprecate')).body.status).toBe('deprecated');
    expect((await act(owner, decision.id, 'supersede', { supersededBy: decision.id })).status).toBe(409);
  });

  it('keeps an accepted body immutable but lets tags and links change', async () => {
    const decision = await accepted(owner, { tags: ['a'] });
    const change = await owner.patch(`${base}/${decision.id}`, { decision: 'Something else' });
    expect(change.status).toBe(409);
    expect(change.body).toMatchObject({ code: 'decision_log.immutable', errors: [{ path: 'decision' }] });
    const links = await owner.patch(`${base}/${decision.id}`, {
      tags: ['a', 'b'],
      relatedArtifacts: [{ type: 'jira', key: 'PAY-9' }],
    });
    expect(links.status).toBe(200);
    expect(links.body.tags).toEqual(['a', 'b']);
    expect(links.body.decision).toBe(decision.decision);
  });

  it('does not let PATCH change the status', async () => {
    const decision = await createDecision(owner);
    const answer = await owner.patch(`${base}/${decision.id}`, { status: 'accepted' });
    expect(answer.status).toBe(400);
    expect((await owner.get(`${base}/${decision.id}`)).body.status).toBe('draft');
  });

  it('lets a draft be edited, with its references checked', async () => {
    const decision = await createDecision(owner);
    const edited = await owner.patch(`${base}/${decision.id}`, { title: 'Better title', impactRisk: null });
    expect(edited.body).toMatchObject({ title: 'Better title', impactRisk: null, version: 2 });
    const bad = await owner.patch(`${base}/${decision.id}`, {
      involvedQa: ['01900000-0000-7000-8000-000000000000'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('involvedQa.0');
  });

  it("answers 404 for another workspace's decision and its actions", async () => {
    const decision = await createDecision(owner);
    const stranger = await t.newWorkspace();
    expect((await stranger.get(`${base}/${decision.id}`)).status).toBe(404);
    expect((await act(stranger, decision.id, 'propose')).status).toBe(404);
    expect((await stranger.get(`${base}/${decision.id}/export`)).status).toBe(404);
  });
});

describe('decision types', () => {
  it('starts with the default list and lets an admin change it', async () => {
    const admin = await t.newWorkspace();
    expect((await admin.get(`${base}/settings`)).body.decisionTypes).toEqual([
      'architecture',
      'technology',
      'process',
      'product',
      'quality',
      'security',
    ]);
    const editor = await t.newMember(admin, 'editor');
    expect((await editor.put(`${base}/settings`, { decisionTypes: ['legal'] })).status).toBe(403);
    const saved = await admin.put(`${base}/settings`, { decisionTypes: ['architecture', 'legal'] });
    expect(saved.body.decisionTypes).toEqual(['architecture', 'legal']);
    expect((await createDecision(admin, { decisionType: 'legal' })).decisionType).toBe('legal');
    expect((await admin.post(base, { title: 'x', decisionType: 'process' })).status).toBe(422);
    expect((await admin.put(`${base}/settings`, { decisionTypes: ['a', 'a'] })).status).toBe(400);
  });
});
