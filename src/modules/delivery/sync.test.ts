// Syncs through the public API against the local replay of GitLab and Jira (real sockets, paging
// headers, faults): a full sync through 429s, 503s, a reset and malformed JSON; an incremental sync
// that reads only what changed; a revoked token that fails the run with the exact reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import {
  type DeliveryReplay,
  startDeliveryReplay,
  syntheticDelivery,
} from '../../test-support/delivery-replay/index.ts';
import { startDueSyncs } from './sync-start.ts';

const dataset = syntheticDelivery({ mergeRequests: 150, jiraIssues: 220, seed: 7 });
const projectPath = Object.keys(dataset.gitlab.projects)[0] ?? '';
const gitlabProject = dataset.gitlab.projects[projectPath];

let t: TestApp;
let owner: Caller;
let replay: DeliveryReplay;
let projectId: string;
let sources: { gitlab: string; jira: string };

const base = () => `/api/v1/projects/${projectId}`;

async function connect(kind: 'gitlab' | 'jira', secret: string, name: string): Promise<string> {
  const body =
    kind === 'gitlab'
      ? { kind, name, baseUrl: replay.url, secret }
      : { kind, name, baseUrl: replay.url, secret, authKind: 'basic', email: dataset.jira.email };
  const answer = await owner.post('/api/v1/delivery-connections', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expect(JSON.stringify(answer.body)).not.toContain(secret);
  return answer.body.id;
}

async function addSource(connectionId: string, mapping: Record<string, string>): Promise<string> {
  const answer = await owner.post(`${base()}/delivery-sources`, { connectionId, ...mapping });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

/** Starts a sync of one source and waits for its saga to settle; answers the run. */
async function syncNow(sourceId: string, full = false): Promise<JsonBody> {
  const started = await owner.post(`${base()}/delivery/sync`, { sourceId, full });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await t.services.sagas.idle();
  const run = await owner.get(`${base()}/delivery-sync-runs/${started.body.runs[0].id}`);
  return run.body;
}

async function total(path: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await owner.get(`${base()}/${path}`, {
      query: { limit: '200', ...(cursor ? { cursor } : {}) },
    });
    count += page.body.data.length;
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

beforeAll(async () => {
  replay = await startDeliveryReplay(dataset);
  t = await createTestApp();
  owner = t.owner;
  const project = await owner.post('/api/v1/projects', { name: 'Sync', key: 'SYNC' });
  projectId = project.body.id;
  sources = {
    gitlab: await addSource(await connect('gitlab', dataset.gitlab.token, 'GitLab replay'), {
      gitlabProject: projectPath,
    }),
    jira: await addSource(await connect('jira', dataset.jira.token, 'Jira replay'), {
      jql: 'project = SHIP',
    }),
  };
});
afterAll(async () => {
  await t.close();
  await replay.close();
});

describe('a delivery sync', () => {
  it('reads every page through rate limits, 503s, a reset and malformed JSON, and writes each item once', async () => {
    replay.setFaults({
      rateLimit: { everyNth: 40, retryAfterSeconds: 1 },
      serverErrors: { onRequests: [3, 4] },
      resetOnRequest: [7],
      malformedOnRequest: [11],
    });
    const gitlab = await syncNow(sources.gitlab);
    expect(gitlab, JSON.stringify(gitlab.errors)).toMatchObject({ status: 'completed', phase: 'done' });
    expect(gitlab.created).toBe(
      (gitlabProject?.mergeRequests.length ?? 0) + (gitlabProject?.deployments.length ?? 0),
    );
    expect(await total('delivery/merge-requests')).toBe(gitlabProject?.mergeRequests.length);
    expect(await total('delivery/deployments')).toBe(gitlabProject?.deployments.length);
    expect(
      replay.requests.some(
        (request) => request.path.includes('/merge_requests?') && request.path.includes('page=2'),
      ),
    ).toBe(true);

    // Deployments carry no project id: the source's path is looked up, so merges link to deploys.
    const deployments = await owner.get(`${base()}/delivery/deployments`, { query: { limit: '200' } });
    expect(new Set(deployments.body.data.map((row: JsonBody) => row.gitlabProjectId))).toEqual(
      new Set([gitlabProject?.id]),
    );
    const merged = await owner.get(`${base()}/delivery/merge-requests`, { query: { limit: '200' } });
    expect(merged.body.data.some((row: JsonBody) => row.firstDeployAt !== null)).toBe(true);

    const jira = await syncNow(sources.jira);
    expect(jira, JSON.stringify(jira.errors)).toMatchObject({
      status: 'completed',
      created: dataset.jira.issues.length,
    });
    expect(await total('delivery/jira-issues')).toBe(dataset.jira.issues.length);
    replay.setFaults({});
  });

  it('next time asks only for what changed since, and picks up exactly that', async () => {
    const mergeRequests = gitlabProject?.mergeRequests ?? [];
    const changed = mergeRequests[0];
    if (!changed) throw new Error('the dataset has no merge request');
    changed.title = 'Retitled after the first sync';
    changed.updated_at = new Date(Date.UTC(2030, 0, 1)).toISOString();
    replay.requests.length = 0;
    const run = await syncNow(sources.gitlab);
    expect(run).toMatchObject({ status: 'completed', created: 0, updated: 1 });
    expect(run.since).not.toBeNull();
    const listing = replay.requests.find((request) => request.path.includes('/merge_requests?'));
    expect(listing?.path).toContain('updated_after=');
    const rows = await owner.get(`${base()}/delivery/merge-requests`, { query: { q: 'Retitled' } });
    expect(rows.body.data.map((row: JsonBody) => row.iid)).toEqual([changed.iid]);
  });

  it('fails at once with the remote’s reason when the token is revoked, and says so on the source', async () => {
    replay.setFaults({ revoked: true });
    const run = await syncNow(sources.jira);
    replay.setFaults({});
    expect(run.status).toBe('failed');
    expect(run.errors.at(-1).message).toMatch(/401/);
    expect(run.errors.at(-1).message).not.toContain(dataset.jira.token);
    const source = await owner.get(`${base()}/delivery-sources/${sources.jira}`);
    expect(source.body.lastSyncStatus).toBe('failed');
  });

  it('tests a connection: the remote user, or the exact error', async () => {
    const connections = await owner.get('/api/v1/delivery-connections', {
      query: { 'filter[kind]': 'gitlab' },
    });
    const id = connections.body.data[0].id;
    const ok = await owner.post(`/api/v1/delivery-connections/${id}/test`, {});
    expect(ok.body).toMatchObject({ ok: true, error: null });
    expect(typeof ok.body.user).toBe('string');
    replay.setFaults({ revoked: true });
    const refused = await owner.post(`/api/v1/delivery-connections/${id}/test`, {});
    replay.setFaults({});
    expect(refused.body).toMatchObject({ ok: false, user: null });
    expect(refused.body.error).toMatch(/401/);
  });

  it('starts a scheduled sync of each source whose connection’s interval has passed, once', async () => {
    await t.database.query(
      `update delivery_sources set last_sync_at = now() - interval '2 hours' where id = $1`,
      [sources.gitlab],
    );
    expect(await startDueSyncs(t.services)).toBe(1);
    // Already syncing: not started again; the Jira source synced minutes ago: not due.
    expect(await startDueSyncs(t.services)).toBe(0);
    await t.services.sagas.idle();
    const runs = await owner.get(`${base()}/delivery-sync-runs`, {
      query: { 'filter[sourceId]': sources.gitlab, limit: '1' },
    });
    expect(runs.body.data[0]).toMatchObject({ trigger: 'schedule', status: 'completed', startedBy: null });
    expect(await startDueSyncs(t.services)).toBe(0);
  });

  it('is invisible to another workspace', async () => {
    const stranger = await t.newWorkspace();
    expect((await stranger.post(`${base()}/delivery/sync`, {})).status).toBe(404);
    expect((await stranger.get(`${base()}/delivery-sources/${sources.gitlab}`)).status).toBe(404);
  });
});
