import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type DeliveryDataset,
  type DeliveryReplay,
  type ReplayIssue,
  startDeliveryReplay,
} from '../../../test-support/delivery-replay/index.ts';
import { incrementalJql, type JiraAuth, jiraClient, jqlMinute } from './jira-client.ts';
import { RemoteError } from './remote-error.ts';

const jiraTime = (hour: number) =>
  new Date(Date.UTC(2024, 0, 1) + hour * 3_600_000).toISOString().replace('Z', '+0000');

/** SHIP-n was updated at hour n and has n % 4 histories; SHIP-9 has 45, more than search returns. */
function issue(number: number): ReplayIssue {
  const count = number === 9 ? 45 : number % 4;
  const histories = Array.from({ length: count }, (_, index) => ({ id: `${number}-${index}`, items: [] }));
  const fields = { summary: `Issue ${number}`, updated: jiraTime(number) };
  return { id: String(10_000 + number), key: `SHIP-${number}`, fields, changelog: { histories } };
}

const issues = [
  ...Array.from({ length: 150 }, (_, index) => issue(150 - index)),
  { ...issue(151), key: 'OTHER-1' },
];
const dataset: DeliveryDataset = {
  gitlab: { token: 'glpat', projects: {} },
  jira: { email: 'bot@example.com', token: 'jira-token', issues },
};

let replay: DeliveryReplay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

async function client(
  api: 'cloud' | 'server',
  auth: JiraAuth = { kind: 'basic', email: 'bot@example.com', token: 'jira-token' },
) {
  replay = await startDeliveryReplay(dataset);
  const policy = { initialDelayMs: 1, maxDelayMs: 4 };
  return { replay, jira: jiraClient({ id: randomUUID(), baseUrl: replay.url, auth, api }, { policy }) };
}

const searched = z.array(
  z.object({
    key: z.string(),
    changelog: z.object({
      startAt: z.number(),
      total: z.number(),
      histories: z.array(z.object({ id: z.string() })),
    }),
  }),
);
const keys = (items: unknown[]) => searched.parse(items).map((item) => item.key);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `SHIP-${from + index}`);

describe('jiraClient', () => {
  it('names the token user on Cloud and on Server', async () => {
    const cloud = await client('cloud');
    expect(await cloud.jira.currentUser()).toEqual({
      accountId: '5b10ac8d82e05b22cc7d4ef5',
      displayName: 'Replay Bot',
      email: 'bot@example.com',
    });
    await cloud.replay.close();
    const server = await client('server', { kind: 'bearer', token: 'jira-token' });
    expect(await server.jira.currentUser()).toMatchObject({ accountId: 'replay' });
    expect(server.replay.requests[0]?.path).toBe('/rest/api/2/myself');
  });

  it('pages Cloud search by nextPageToken, oldest update first, with whole changelogs', async () => {
    const { jira, replay } = await client('cloud');
    const query = { jql: 'project = SHIP ORDER BY created DESC', updatedSince: null };
    const first = await jira.issuePage({ ...query, cursor: null });
    expect(keys(first.items)).toEqual(range(1, 100));
    expect(first.next).not.toBeNull();
    const second = await jira.issuePage({ ...query, cursor: first.next });
    expect(keys(second.items)).toEqual(range(101, 150));
    expect(second.next).toBeNull();

    const [, , three, , , , , , nine] = searched.parse(first.items);
    expect(nine?.changelog.histories.map((history) => history.id)).toEqual(
      Array.from({ length: 45 }, (_, index) => `9-${index}`),
    );
    expect(nine?.changelog).toMatchObject({ startAt: 0, total: 45 });
    expect(three?.changelog).toMatchObject({
      total: 3,
      histories: [{ id: '3-0' }, { id: '3-1' }, { id: '3-2' }],
    });
    const search = new URL(replay.requests[0]?.path ?? '', replay.url);
    expect(search.pathname).toBe('/rest/api/3/search/jql');
    expect(search.searchParams.get('jql')).toBe('(project = SHIP) ORDER BY updated ASC');
    expect(search.searchParams.get('fields')).toBe('*navigable');
    expect(replay.requests.map((request) => request.path)).toContain(
      '/rest/api/3/issue/SHIP-9/changelog?startAt=0&maxResults=100',
    );
  });

  it('asks only for issues updated since a minute before the given time', async () => {
    const { jira, replay } = await client('cloud');
    const since = new Date(Date.UTC(2024, 0, 1) + 140 * 3_600_000).toISOString();
    const page = await jira.issuePage({ jql: 'project = SHIP', updatedSince: since, cursor: null });
    expect(keys(page.items)).toEqual(range(140, 150));
    const search = replay.requests.find((request) => request.path.startsWith('/rest/api/3/search/jql'));
    const jql = new URL(search?.path ?? '', replay.url).searchParams.get('jql');
    expect(jql).toBe('(project = SHIP) AND updated >= "2024/01/06 19:59" ORDER BY updated ASC');
  });

  it('pages Server search by startAt', async () => {
    const { jira, replay } = await client('server', { kind: 'bearer', token: 'jira-token' });
    const first = await jira.issuePage({ jql: 'project = SHIP', updatedSince: null, cursor: null });
    expect(keys(first.items)).toEqual(range(1, 100));
    expect(first.next).toBe('100');
    const second = await jira.issuePage({ jql: 'project = SHIP', updatedSince: null, cursor: first.next });
    expect(keys(second.items)).toEqual(range(101, 150));
    expect(second.next).toBeNull();
    expect(replay.requests.map((request) => request.path)).toContain(
      '/rest/api/2/issue/SHIP-9/changelog?startAt=0&maxResults=100',
    );
  });

  it('rejects a wrong token without retrying', async () => {
    const { jira, replay } = await client('cloud', {
      kind: 'basic',
      email: 'bot@example.com',
      token: 'wrong',
    });
    const error = await jira.currentUser().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({
      kind: 'auth',
      message:
        'Jira answered 401 Unauthorized to GET /rest/api/3/myself: the token is invalid, expired or revoked',
    });
    expect(replay.requests).toHaveLength(1);
  });
});

describe('incremental JQL', () => {
  it('writes the minute before, in the zone Jira reads it in', () => {
    expect(jqlMinute('2024-01-06T20:00:30.000Z', 'UTC')).toBe('2024/01/06 19:59');
    expect(jqlMinute('2024-07-01T00:00:00.000Z', 'America/New_York')).toBe('2024/06/30 19:59');
  });

  it('keeps the source filter, drops its order and sorts by update', () => {
    expect(incrementalJql('project = A order by rank', '2024/01/06 19:59')).toBe(
      '(project = A) AND updated >= "2024/01/06 19:59" ORDER BY updated ASC',
    );
    expect(incrementalJql('', null)).toBe('ORDER BY updated ASC');
  });
});
