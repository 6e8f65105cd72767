import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type DeliveryDataset,
  type DeliveryReplay,
  type ReplayMergeRequest,
  startDeliveryReplay,
  syntheticDelivery,
} from '../../../test-support/delivery-replay/index.ts';
import { gitlabClient, nextPageOf } from './gitlab-client.ts';

const hourly = (index: number) => new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString();

/** MR n was updated at hour n, has (n % 3) + 1 commits and n % 2 notes; MR 7 has 130 notes. */
function mergeRequest(iid: number): ReplayMergeRequest {
  const commits = Array.from({ length: (iid % 3) + 1 }, (_, index) => ({ id: `c${iid}-${index}` }));
  const noteCount = iid === 7 ? 130 : iid % 2;
  const notes = Array.from({ length: noteCount }, (_, index) => ({ id: iid * 1000 + index, body: 'ok' }));
  return { id: 5000 + iid, iid, title: `MR ${iid}`, updated_at: hourly(iid), commits, notes };
}

// Stored out of order: the server sorts by updated_at as GitLab does.
const mergeRequests = Array.from({ length: 120 }, (_, index) => mergeRequest(120 - index));
const deployments = Array.from({ length: 3 }, (_, index) => ({
  id: index + 1,
  updated_at: hourly(index * 10),
}));
const dataset: DeliveryDataset = {
  gitlab: { token: 'glpat-test', projects: { 'group/app': { id: 42, mergeRequests, deployments } } },
  jira: { token: 'jira', issues: [] },
};

let replay: DeliveryReplay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

async function client(data = dataset) {
  replay = await startDeliveryReplay(data);
  const policy = { initialDelayMs: 1, maxDelayMs: 4 };
  return {
    replay,
    gitlab: gitlabClient(
      { id: randomUUID(), baseUrl: `${replay.url}/`, token: data.gitlab.token },
      { policy },
    ),
  };
}

const bundles = z.array(
  z.object({
    iid: z.number(),
    commits: z.array(z.object({ id: z.string() })),
    notes: z.array(z.object({ id: z.number() })),
  }),
);
const iids = (items: unknown[]) => bundles.parse(items).map((item) => item.iid);
const ids = (items: unknown[]) =>
  z
    .array(z.object({ id: z.unknown() }))
    .parse(items)
    .map((item) => item.id);

describe('gitlabClient', () => {
  it('names the token user and its scopes', async () => {
    const { gitlab } = await client();
    expect(await gitlab.currentUser()).toEqual({
      username: 'replay-bot',
      name: 'Replay Bot',
      scopes: ['read_api'],
    });
  });

  it('pages through every merge request, oldest update first, with its commits and notes', async () => {
    const { gitlab, replay } = await client();
    const first = await gitlab.mergeRequestPage('group/app', { updatedAfter: null, cursor: null });
    expect(iids(first.items)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(first.next).toBe('2');
    const second = await gitlab.mergeRequestPage('group/app', { updatedAfter: null, cursor: first.next });
    expect(iids(second.items)).toEqual(Array.from({ length: 20 }, (_, index) => index + 101));
    expect(second.next).toBeNull();

    const [, , , , five, , seven] = bundles.parse(first.items);
    expect(ids(five?.commits ?? [])).toEqual(['c5-0', 'c5-1', 'c5-2']);
    expect(ids(five?.notes ?? [])).toEqual([5000]);
    expect(seven?.notes).toHaveLength(130);
    const listCall = replay.requests[0]?.path ?? '';
    expect(listCall).toBe(
      '/api/v4/projects/group%2Fapp/merge_requests?scope=all&state=all&order_by=updated_at&sort=asc&per_page=100&page=1',
    );
    expect(replay.requests.map((request) => request.path)).toContain(
      '/api/v4/projects/group%2Fapp/merge_requests/7/notes?sort=asc&order_by=created_at&per_page=100&page=2',
    );
  });

  it('reads only what was updated after the given time, by numeric id too', async () => {
    const { gitlab, replay } = await client();
    const page = await gitlab.mergeRequestPage('42', { updatedAfter: hourly(110), cursor: null });
    expect(iids(page.items)).toEqual([110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120]);
    expect(page.next).toBeNull();
    expect(replay.requests[0]?.path).toContain(`updated_after=${encodeURIComponent(hourly(110))}`);
  });

  it('pages deployments, and reads a project without them as empty', async () => {
    const { gitlab } = await client();
    const page = await gitlab.deploymentPage('group/app', { updatedAfter: hourly(5), cursor: null });
    expect(ids(page.items)).toEqual([2, 3]);
    expect(await gitlab.deploymentPage('group/other', { updatedAfter: null, cursor: null })).toEqual({
      items: [],
      next: null,
    });
  });

  it('follows the Link header when X-Next-Page is missing', () => {
    const link =
      '<https://gitlab.example.com/api/v4/projects/1/merge_requests?page=3&per_page=100>; rel="next", <https://gitlab.example.com/api/v4/projects/1/merge_requests?page=1>; rel="first"';
    expect(nextPageOf(new Headers({ link }))).toBe('3');
    expect(
      nextPageOf(new Headers({ 'x-next-page': '', link: '<https://x.test/?page=1>; rel="first"' })),
    ).toBeNull();
  });

  it('reads a synthetic dataset whole; the same seed builds the same data', async () => {
    const options = { mergeRequests: 30, jiraIssues: 5, seed: 7 };
    const data = syntheticDelivery(options);
    expect(JSON.stringify(syntheticDelivery(options))).toBe(JSON.stringify(data));
    const { gitlab } = await client(data);
    const page = await gitlab.mergeRequestPage('shipshape/app-1', { updatedAfter: null, cursor: null });
    expect(page.items).toHaveLength(30);
    for (const item of bundles.parse(page.items)) {
      expect(item.commits.length).toBeGreaterThanOrEqual(1);
      expect(item.commits.length).toBeLessThanOrEqual(5);
      expect(item.notes.length).toBeLessThanOrEqual(6);
    }
    const environments = z
      .array(z.object({ environment: z.object({ name: z.string() }) }))
      .parse(data.gitlab.projects['shipshape/app-1']?.deployments)
      .map((deployment) => deployment.environment.name);
    expect(new Set(environments)).toEqual(new Set(['staging', 'production']));
  });
});
