// The delivery tools as an agent uses them over Streamable HTTP: the project's metrics of each kind
// and its merge requests, over data imported through POST delivery/imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { type Connected, callError, callOk, connectHttp } from './support.ts';

// Shapes as GitLab documents them: https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests,
// https://docs.gitlab.com/api/notes/#list-all-merge-request-notes and
// https://docs.gitlab.com/api/deployments/#list-project-deployments.
const hour = 3_600_000;
const alice = { id: 1, username: 'alice', name: 'Alice Author', state: 'active' };
const bob = { id: 2, username: 'bob', name: 'Bob Reviewer', state: 'active' };
const base = {
  project_id: 7,
  target_branch: 'main',
  source_branch: 'feature',
  labels: ['backend'],
  author: alice,
  closed_at: null,
};
// MR 1: commit 08:00, opened 09:00, bob comments 10:00, merged 12:00, in production 13:00 → coding
// 1 h, pickup 1 h, review 2 h, deploy 1 h, lead 4 h, first commit to production 5 h. MR 2 is open.
const gitlabMergeRequests = [
  {
    ...base,
    id: 701,
    iid: 1,
    title: 'Refund webhooks',
    state: 'merged',
    created_at: '2026-02-02T09:00:00Z',
    updated_at: '2026-02-02T12:00:00Z',
    merged_at: '2026-02-02T12:00:00Z',
    commits: [
      {
        id: 'c0ffee01',
        author_name: 'Alice Author',
        author_email: 'alice@example.com',
        authored_date: '2026-02-02T08:00:00Z',
        created_at: '2026-02-02T08:00:00Z',
      },
    ],
    notes: [{ id: 1, body: 'Ship it', author: bob, created_at: '2026-02-02T10:00:00Z', system: false }],
  },
  {
    ...base,
    id: 702,
    iid: 2,
    title: 'Refund emails',
    state: 'opened',
    created_at: '2026-02-03T09:00:00Z',
    updated_at: '2026-02-03T09:00:00Z',
    merged_at: null,
  },
];
const gitlabDeployments = [
  {
    id: 55,
    iid: 5,
    ref: 'main',
    sha: 'c0ffee01',
    created_at: '2026-02-02T12:30:00Z',
    updated_at: '2026-02-02T13:00:00Z',
    finished_at: '2026-02-02T13:00:00Z',
    status: 'success',
    environment: { id: 1, name: 'production', tier: 'production' },
  },
];
const window = { from: '2026-02-01T00:00:00Z', to: '2026-02-08T00:00:00Z' };

let t: TestApp;
let agent: Caller;
let mcp: Connected;

beforeAll(async () => {
  t = await createTestApp();
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  agent = await t.newMember(t.owner, 'agent');
  mcp = await connectHttp(url, agent);
  const project = await t.owner.post('/api/v1/projects', { name: 'Refunds', key: 'REF' });
  const imported = await t.owner.post(`/api/v1/projects/${project.body.id}/delivery/imports`, {
    gitlabMergeRequests,
    gitlabDeployments,
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
});
afterAll(async () => {
  await mcp?.close();
  await t?.close();
});

describe('the delivery tools', () => {
  it('reads the merge request stages and DORA’s keys of a project named by its key', async () => {
    const leadTime = await callOk(mcp.client, 'get_delivery_metrics', {
      project: 'REF',
      kind: 'leadTime',
      ...window,
    });
    expect(leadTime.overall.merged).toBe(1);
    expect(leadTime.overall.stages.lead).toEqual({ p50: 4 * hour, p75: 4 * hour, p90: 4 * hour });
    expect(leadTime.overall.stages.pickup.p50).toBe(hour);
    expect(leadTime.overall.stages.deploy.p50).toBe(hour);
    const result = await mcp.client.callTool({
      name: 'get_delivery_metrics',
      arguments: { project: 'REF', kind: 'leadTime', ...window },
    });
    const text = (result.content as { type: string; text: string }[])[0]?.text ?? '';
    expect(text).toMatch(
      /^1 merge request\(s\) merged .*; lead time p50 14400000 ms \(4\.0 h\), pickup p50 3600000 ms \(1\.0 h\)/,
    );

    const dora = await callOk(mcp.client, 'get_delivery_metrics', {
      project: 'REF',
      kind: 'dora',
      ...window,
    });
    // One successful production deployment in 7 days: 1/7 a day, exactly weekly (high).
    expect(dora.deploymentFrequency.value).toBeCloseTo(1 / 7, 10);
    expect(dora.deploymentFrequency).toMatchObject({ tier: 'high', sample: 1 });
    expect(dora.leadTimeForChanges).toMatchObject({ value: 5 * hour, tier: 'elite', sample: 1 });
    expect(dora.changeFailureRate).toMatchObject({ value: 0, tier: 'elite', sample: 1 });
    expect(dora.timeToRestore).toMatchObject({ value: null, tier: null, sample: 0 });

    const reviewers = await callOk(mcp.client, 'get_delivery_metrics', {
      project: 'REF',
      kind: 'reviewers',
      ...window,
    });
    expect(reviewers).toMatchObject({
      merged: 1,
      mergedWithoutReview: 0,
      reviewers: [{ handle: 'bob', reviews: 1 }],
    });
    const jira = await callOk(mcp.client, 'get_delivery_metrics', {
      project: 'REF',
      kind: 'jira',
      ...window,
    });
    expect(jira.overall).toMatchObject({ done: 0, lead: { p50: null } });
  });

  it('lists merge requests with their stages, by state and page by page', async () => {
    const merged = await callOk(mcp.client, 'list_delivery_merge_requests', {
      project: 'REF',
      state: 'merged',
    });
    expect(merged.data).toHaveLength(1);
    expect(merged.data[0]).toMatchObject({
      iid: 1,
      mrKey: '7!1',
      codingMs: hour,
      pickupMs: hour,
      reviewMs: 2 * hour,
      deployMs: hour,
      leadMs: 4 * hour,
      changeLeadMs: 5 * hour,
      reviewerCount: 1,
    });
    const first = await callOk(mcp.client, 'list_delivery_merge_requests', { project: 'REF', limit: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await callOk(mcp.client, 'list_delivery_merge_requests', {
      project: 'REF',
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second.data.map((row: { iid: number }) => row.iid)).not.toEqual(
      first.data.map((row: { iid: number }) => row.iid),
    );
  });

  it('answers an unknown project and a bad window as tool errors', async () => {
    expect(await callError(mcp.client, 'list_delivery_merge_requests', { project: 'NOPE' })).toContain(
      'No project with the key NOPE',
    );
    const notADate = await mcp.client.callTool({
      name: 'get_delivery_metrics',
      arguments: { project: 'REF', kind: 'dora', from: 'last week' },
    });
    expect(notADate.isError).toBe(true);
  });
});
