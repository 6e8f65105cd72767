// Offline import through the public API, and the metrics over it, checked against values worked
// out by hand from the fixtures (src/engines/delivery/fixtures, shaped like the GitLab and Jira
// API docs' example responses).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../engines/delivery/fixtures/${name}`, import.meta.url), 'utf8'));
const mergeRequests = fixture('merge-requests.json');
const deployments = fixture('deployments.json');
const jiraSearch = fixture('jira-issues.json');
const jiraIssues =
  typeof jiraSearch === 'object' && jiraSearch && 'issues' in jiraSearch ? jiraSearch.issues : [];

const hour = 3_600_000;
const march = { from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z' };

let t: TestApp;
let owner: Caller;
let projectId: string;
let keys = 0;

async function newProject(caller: Caller = owner): Promise<string> {
  keys += 1;
  const project = await caller.post('/api/v1/projects', { name: `Delivery ${keys}`, key: `DLV${keys}` });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  return project.body.id;
}

const base = (id: string) => `/api/v1/projects/${id}/delivery`;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
  projectId = await newProject();
  const answer = await owner.post(`${base(projectId)}/imports`, {
    gitlabMergeRequests: mergeRequests,
    gitlabDeployments: deployments,
    jiraIssues,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(answer.body).toEqual({
    mergeRequests: { created: 3, updated: 0 },
    deployments: { created: 3, updated: 0 },
    jiraIssues: { created: 4, updated: 0 },
  });
});
afterAll(() => t.close());

describe('delivery import', () => {
  it('derives each merge request’s stages, first deployment included', async () => {
    const list = await owner.get(`${base(projectId)}/merge-requests`, { query: { sort: 'openedAt' } });
    expect(list.status).toBe(200);
    const [first, second, third] = list.body.data;
    // !1: first commit 06:00 (07:00+01:00, a commit with only created_at), opened 10:00, bob's note
    // 11:30, merged next day 12:00, deployed 13:30.
    expect(first).toMatchObject({
      iid: 1,
      codingMs: 4 * hour,
      pickupMs: 1.5 * hour,
      reviewMs: 24.5 * hour,
      leadMs: 30 * hour,
      deployMs: 1.5 * hour,
      changeLeadMs: 31.5 * hour,
      reviewerCount: 2,
      firstDeployAt: '2024-03-05T13:30:00.000Z',
    });
    // !2: its commit came after opening; reviewed by alice's approval; only a failed deploy after it.
    expect(second).toMatchObject({
      iid: 2,
      codingMs: 0,
      pickupMs: 6 * hour,
      reviewMs: 19 * hour,
      leadMs: 25 * hour,
      deployMs: null,
    });
    expect(third).toMatchObject({ iid: 3, state: 'opened', mergedAt: null, leadMs: null });
  });

  it('importing the same files again changes nothing', async () => {
    const again = await owner.post(`${base(projectId)}/imports`, {
      gitlabMergeRequests: mergeRequests,
      jiraIssues,
    });
    expect(again.status).toBe(201);
    expect(again.body.mergeRequests).toEqual({ created: 0, updated: 3 });
    const list = await owner.get(`${base(projectId)}/merge-requests`);
    expect(list.body.data).toHaveLength(3);
    const changes = await owner.get(`${base(projectId)}/jira-changes`, { query: { limit: '200' } });
    const keysSeen = changes.body.data.map(
      (row: { historyId: string; itemIndex: number; issueKey: string }) =>
        `${row.issueKey}/${row.historyId}/${row.itemIndex}`,
    );
    expect(new Set(keysSeen).size).toBe(keysSeen.length);
  });

  it('refuses a payload that is not the API’s, naming the path, and writes nothing', async () => {
    const other = await newProject();
    const answer = await owner.post(`${base(other)}/imports`, {
      gitlabMergeRequests: [{ iid: 'seven', title: 'x' }],
    });
    expect(answer.status).toBe(422);
    expect(
      answer.body.errors.some((error: { path: string }) => error.path.startsWith('gitlabMergeRequests.0.')),
    ).toBe(true);
    const list = await owner.get(`${base(other)}/merge-requests`);
    expect(list.body.data).toHaveLength(0);
  });
});

describe('delivery metrics', () => {
  it('answers lead-time percentiles per stage, interpolated between ranks', async () => {
    const answer = await owner.get(`${base(projectId)}/metrics/merge-requests`, {
      query: { ...march, interval: 'month' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.overall.merged).toBe(2);
    // pickup 1.5 h and 6 h: p50 3.75 h, p75 4.875 h, p90 5.55 h.
    expect(answer.body.overall.stages.pickup).toEqual({
      p50: 3.75 * hour,
      p75: 4.875 * hour,
      p90: 5.55 * hour,
    });
    expect(answer.body.overall.stages.deploy).toEqual({ p50: 1.5 * hour, p75: 1.5 * hour, p90: 1.5 * hour });
    expect(answer.body.series).toEqual([
      expect.objectContaining({ bucket: '2024-03-01', group: null, merged: 2 }),
    ]);
  });

  it('groups by author and splits by week', async () => {
    const answer = await owner.get(`${base(projectId)}/metrics/merge-requests`, {
      query: { ...march, interval: 'week', groupBy: 'author' },
    });
    expect(
      answer.body.series.map((row: { bucket: string; group: string }) => [row.bucket, row.group]),
    ).toEqual([
      ['2024-03-04', 'alice'],
      ['2024-03-04', 'bob'],
    ]);
  });

  it('names top reviewers and whether every merged MR was reviewed', async () => {
    const answer = await owner.get(`${base(projectId)}/metrics/reviewers`, { query: march });
    expect(answer.body).toMatchObject({ merged: 2, mergedWithoutReview: 0 });
    const byHandle = Object.fromEntries(
      answer.body.reviewers.map((row: { handle: string; reviews: number; comments: number }) => [
        row.handle,
        row,
      ]),
    );
    expect(byHandle.bob).toMatchObject({ reviews: 1, comments: 2 });
    expect(byHandle.carol).toMatchObject({ reviews: 1, comments: 0 });
    expect(byHandle.alice).toMatchObject({ reviews: 1 });
    expect(answer.body.balance).toBe(0);
  });

  it('answers DORA’s keys with tiers and where each came from', async () => {
    const answer = await owner.get(`${base(projectId)}/metrics/dora`, { query: march });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.leadTimeForChanges).toMatchObject({ value: 31.5 * hour, tier: 'high', sample: 1 });
    expect(answer.body.deploymentFrequency.sample).toBeGreaterThanOrEqual(1);
    expect(typeof answer.body.changeFailureRate.source).toBe('string');
  });

  it('counts monthly contributions per person', async () => {
    const answer = await owner.get(`${base(projectId)}/contributions`, {
      query: { 'filter[month]': '2024-03', limit: '100' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const bob = answer.body.data.find((row: { personKey: string }) => row.personKey === 'gitlab:bob');
    expect(bob).toMatchObject({ mrsOpened: 1, mrsMerged: 1, reviews: 1, comments: 2 });
  });

  it('hides another workspace’s project (404)', async () => {
    const stranger = await t.newWorkspace();
    const answer = await stranger.get(`${base(projectId)}/metrics/dora`);
    expect(answer.status).toBe(404);
  });
});
