import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../core/events/schema.ts';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';
import { createProject, prds } from './test-helpers.ts';

let t: TestApp;
let owner: Caller;
let author: Caller;
let reviewer: Caller;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
  author = await t.newMember(owner, 'editor');
  reviewer = await t.newMember(owner, 'reviewer');
  projectId = await createProject(owner);
});
afterAll(() => t.close());

async function eventsOf(prdId: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.aggregateType, 'prd_review'), eq(auditEvents.aggregateId, prdId)))
    .orderBy(auditEvents.sequence);
}

describe('the review workflow', () => {
  it('takes a PRD from draft to approved through a round of requested changes, by two users', async () => {
    const mine = prds(author, projectId);
    const theirs = prds(reviewer, projectId);
    const prd = await mine.create();
    expect(prd).toMatchObject({
      status: 'draft',
      authorId: author.userId,
      currentRevision: 1,
      reviewRound: 0,
    });
    expect(prd.allowedActions).toEqual(['submit', 'archive']);

    expect((await mine.request(prd.id, [reviewer.userId])).status).toBe(200);
    await mine.expectAct(prd.id, 'submit', { reason: 'ready for a first look' });
    const asked = await theirs.list({ 'filter[awaitingReviewBy]': 'me' });
    expect(asked.body.data.map((p: { id: string }) => p.id)).toEqual([prd.id]);

    const changes = await theirs.expectAct(prd.id, 'request-changes', { comment: 'Say how refunds fail.' });
    expect(changes.status).toBe('changes_requested');
    expect((await theirs.list({ 'filter[awaitingReviewBy]': 'me' })).body.data).toEqual([]);

    const edited = await mine.edit(prd.id, { content: `${prd.content}\n## Failure handling\n- Retries.\n` });
    expect(edited.status).toBe(200);
    expect(edited.body.currentRevision).toBe(2);
    await mine.expectAct(prd.id, 'submit');
    expect((await theirs.list({ 'filter[awaitingReviewBy]': 'me' })).body.data).toHaveLength(1);

    const approved = await theirs.expectAct(prd.id, 'approve', { comment: 'Ship it.' });
    expect(approved).toMatchObject({
      status: 'approved',
      reviewedBy: reviewer.userId,
      approvedRevision: 2,
      reviewRound: 2,
      allowedActions: ['supersede', 'archive'],
    });
    expect(new Date(approved.reviewedAt).getTime()).toBeGreaterThan(0);

    const events = await eventsOf(prd.id);
    expect(events.map((event) => event.eventType)).toEqual([
      'prd_review.created',
      'prd_review.review_requested',
      'prd_review.submitted',
      'prd_review.changes_requested',
      'prd_review.updated',
      'prd_review.submitted',
      'prd_review.approved',
    ]);
    const approval = events[events.length - 1];
    expect(approval?.userId).toBe(reviewer.userId);
    expect(approval?.eventData.changes.status).toEqual({ before: 'in_review', after: 'approved' });
    expect(events[2]?.metadata.reason).toBe('ready for a first look');
    expect(events[3]?.eventData).toMatchObject({ comment: 'Say how refunds fail.' });

    const decisions = await mine.sub(prd.id, 'reviews');
    expect(
      decisions.body.data.map((d: { decision: string; revision: number }) => [d.decision, d.revision]),
    ).toEqual([
      ['request_changes', 1],
      ['approve', 2],
    ]);
    const revision = await mine.sub(prd.id, 'revisions/2');
    expect(revision.body).toMatchObject({ number: 2, approvedBy: reviewer.userId });
  });

  it('answers 409 listing the allowed actions to an illegal transition, and changes nothing', async () => {
    const mine = prds(author, projectId);
    const prd = await mine.create();
    const answer = await prds(owner, projectId).act(prd.id, 'approve');
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      code: 'prd_review.illegal_transition',
      allowed: ['submit', 'archive'],
    });
    const withdraw = await mine.act(prd.id, 'withdraw');
    expect(withdraw.status).toBe(409);
    expect((await mine.get(prd.id)).body).toMatchObject({ status: 'draft', version: 1 });
  });

  it('withdraw returns a PRD in review to draft', async () => {
    const mine = prds(author, projectId);
    const prd = await mine.create();
    await mine.expectAct(prd.id, 'submit');
    expect((await mine.expectAct(prd.id, 'withdraw', { reason: 'not ready' })).status).toBe('draft');
  });

  it('refuses to change the status through PATCH', async () => {
    const mine = prds(author, projectId);
    const prd = await mine.create();
    const answer = await mine.edit(prd.id, { status: 'approved' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain('status');
    expect((await mine.get(prd.id)).body.status).toBe('draft');
  });

  it('supersedes an approved PRD by another one of the project, then archives it', async () => {
    const mine = prds(author, projectId);
    const prd = await mine.create();
    const next = await mine.create({ title: 'Refunds v3' });
    await mine.expectAct(prd.id, 'submit');
    await prds(reviewer, projectId).expectAct(prd.id, 'approve');
    const missing = await mine.act(prd.id, 'supersede', {
      supersededBy: '01890000-0000-7000-8000-000000000000',
    });
    expect(missing.status).toBe(422);
    const superseded = await mine.expectAct(prd.id, 'supersede', { supersededBy: next.id });
    expect(superseded).toMatchObject({ status: 'superseded', supersededBy: next.id });
    expect((await mine.edit(prd.id, { content: 'late change' })).status).toBe(409);
    expect((await mine.expectAct(prd.id, 'archive')).status).toBe('archived');
    const again = await mine.act(prd.id, 'archive');
    expect(again.body).toMatchObject({ status: 409, allowed: [] });
  });

  it('answers 412 to an action on a stale version', async () => {
    const mine = prds(author, projectId);
    const prd = await mine.create();
    await mine.edit(prd.id, { title: 'Renamed' });
    const answer = await mine.act(prd.id, 'submit', { version: 1 });
    expect(answer.status).toBe(412);
  });
});

describe('who may review', () => {
  it('lets neither editors, viewers nor agents approve', async () => {
    const prd = await prds(author, projectId).create();
    await prds(author, projectId).expectAct(prd.id, 'submit');
    for (const role of ['editor', 'viewer', 'agent'] as const) {
      const member = await t.newMember(owner, role);
      const answer = await prds(member, projectId).act(prd.id, 'approve');
      expect(answer.status, role).toBe(403);
    }
    expect((await prds(author, projectId).get(prd.id)).body.status).toBe('in_review');
  });

  it('does not let the author approve their own PRD unless the project allows it', async () => {
    const project = await createProject(owner);
    const own = prds(owner, project);
    const prd = await own.create();
    await own.expectAct(prd.id, 'submit');
    const refused = await own.act(prd.id, 'approve');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('prd_review.author_cannot_approve');
    const settings = await owner.patch(`/api/v1/projects/${project}/prd-review-settings`, {
      authorMayApprove: true,
    });
    expect(settings.status).toBe(200);
    expect((await own.expectAct(prd.id, 'approve')).status).toBe('approved');
  });

  it('only lets administrators change the review rules', async () => {
    const answer = await author.patch(`/api/v1/projects/${projectId}/prd-review-settings`, {
      approvalsRequired: 3,
    });
    expect(answer.status).toBe(403);
    const bad = await owner.patch(`/api/v1/projects/${projectId}/prd-review-settings`, {
      approvalsRequired: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('approvalsRequired');
    expect(
      (await owner.get(`/api/v1/projects/${projectId}/prd-review-settings`)).body.approvalsRequired,
    ).toBe(1);
  });

  it('refuses review requests for non-members and members who cannot review', async () => {
    const prd = await prds(author, projectId).create();
    const viewer = await t.newMember(owner, 'viewer');
    const stranger = await t.newWorkspace();
    const answer = await prds(author, projectId).request(prd.id, [viewer.userId, stranger.userId]);
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: 'reviewers.1', message: 'not a member of this workspace' }]);
    const cannot = await prds(author, projectId).request(prd.id, [viewer.userId]);
    expect(cannot.status).toBe(422);
    expect(cannot.body.code).toBe('prd_review.reviewer_cannot_review');
    expect((await prds(author, projectId).sub(prd.id, 'review-requests')).body.data).toEqual([]);
  });
});

describe('approval rules', () => {
  it('needs the required approvals on the current revision; approvals of an older revision do not count', async () => {
    const project = await createProject(owner);
    await owner.patch(`/api/v1/projects/${project}/prd-review-settings`, { approvalsRequired: 2 });
    const second = await t.newMember(owner, 'reviewer');
    const mine = prds(author, project);
    const prd = await mine.create();
    await mine.request(prd.id, [reviewer.userId, second.userId]);
    await mine.expectAct(prd.id, 'submit');

    const first = await prds(reviewer, project).expectAct(prd.id, 'approve');
    expect(first).toMatchObject({ status: 'in_review', reviewedBy: null });
    const twice = await prds(reviewer, project).act(prd.id, 'approve');
    expect(twice.status).toBe(409);

    // The author edits while in review: the first approval was of revision 1 and no longer counts.
    await mine.edit(prd.id, { content: `${prd.content}\n- one more thing` });
    const state = await mine.sub(prd.id, 'approval');
    expect(state.body).toMatchObject({ approvalsRequired: 2, approvals: [] });
    expect(state.body.pendingReviewers.sort()).toEqual([reviewer.userId, second.userId].sort());

    const afterEdit = await prds(second, project).expectAct(prd.id, 'approve');
    expect(afterEdit.status).toBe('in_review');
    const done = await prds(reviewer, project).expectAct(prd.id, 'approve');
    expect(done).toMatchObject({ status: 'approved', reviewedBy: reviewer.userId, approvedRevision: 2 });
  });

  it('starts a new draft revision when an approved PRD is edited, keeping the approval with its revision', async () => {
    const mine = prds(author, projectId);
    const prd = await mine.create();
    await mine.expectAct(prd.id, 'submit');
    await prds(reviewer, projectId).expectAct(prd.id, 'approve');
    const edited = await mine.edit(prd.id, { content: `${prd.content}\nMore.` });
    expect(edited.body).toMatchObject({ status: 'draft', currentRevision: 2, approvedRevision: 1 });
    expect((await mine.sub(prd.id, 'revisions/1')).body.approvedBy).toBe(reviewer.userId);
    expect((await mine.sub(prd.id, 'revisions/2')).body.approvedBy).toBeNull();
  });
});

describe('lists', () => {
  it('filters by status, author, reviewer and update time, and rejects bad filter values', async () => {
    const project = await createProject(owner);
    const a = await prds(author, project).create({ title: 'Alpha' });
    const b = await prds(owner, project).create({ title: 'Beta' });
    await prds(owner, project).request(b.id, [reviewer.userId]);
    await prds(owner, project).expectAct(b.id, 'submit');
    const list = prds(owner, project);
    const ids = async (query: Record<string, string>) =>
      (await list.list(query)).body.data.map((p: { id: string }) => p.id);
    expect(await ids({ 'filter[status]': 'in_review' })).toEqual([b.id]);
    expect(await ids({ 'filter[authorId]': author.userId })).toEqual([a.id]);
    expect(await ids({ 'filter[authorId]': 'me' })).toEqual([b.id]);
    expect(await ids({ 'filter[reviewer]': reviewer.userId })).toEqual([b.id]);
    expect(await ids({ 'filter[updatedAt][gte]': '2000-01-01', sort: 'title' })).toEqual([a.id, b.id]);
    expect(await ids({ 'filter[updatedAt][lte]': '2000-01-01' })).toEqual([]);
    expect(await ids({ q: 'Alpha' })).toEqual([a.id]);
    const bad = await list.list({ 'filter[reviewer]': 'someone', 'filter[status]': 'done' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.filter[reviewer]',
      'query.filter[status]',
    ]);
  });
});

describe('isolation', () => {
  it("answers 404 for another workspace's PRD, on every route", async () => {
    const prd = await prds(author, projectId).create();
    const other = await t.newWorkspace();
    const base = `/api/v1/projects/${projectId}/prd-reviews/${prd.id}`;
    for (const path of [
      '',
      '/revisions',
      '/revisions/1',
      '/diff?from=1',
      '/html',
      '/lint',
      '/export',
      '/comments',
      '/reviews',
      '/approval',
    ]) {
      expect((await other.get(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await other.get(`/api/v1/prd-reviews/${prd.id}`)).status).toBe(404);
    for (const action of ['submit', 'archive', 'approve']) {
      expect((await other.post(`${base}/${action}`, {})).status, action).toBe(404);
    }
    expect((await other.post(`${base}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await prds(author, projectId).get(prd.id)).body.version).toBe(1);
  });
});
