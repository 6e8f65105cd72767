// A server killed (kill -9) in the middle of a delivery sync: after a restart on the same database the
// sync resumes at the page after its last checkpoint, and every merge request, deployment and Jira
// issue is stored exactly once, with no page counted twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import type { JsonBody } from '../../src/test-support/app.ts';
import {
  type DeliveryReplay,
  startDeliveryReplay,
  syntheticDelivery,
} from '../../src/test-support/delivery-replay/index.ts';
import {
  type ServerDatabase,
  type ServerProcess,
  serverDatabase,
  startServerProcess,
} from '../../src/test-support/server-process.ts';

const adminToken = 'shp_delivery_sync_crash_token_01';
/** Five merge-request pages (their commits and notes read too), three of deployments, three of issues. */
const dataset = syntheticDelivery({ mergeRequests: 450, jiraIssues: 250, seed: 11 });
const gitlabProjectPath = Object.keys(dataset.gitlab.projects)[0] ?? '';
const gitlabProject = dataset.gitlab.projects[gitlabProjectPath];
const mergeRequests = gitlabProject?.mergeRequests.length ?? 0;
const deployments = gitlabProject?.deployments.length ?? 0;
const issues = dataset.jira.issues.length;
const historyItems = dataset.jira.issues
  .flatMap((issue) => issue.changelog.histories)
  .reduce((sum, history) => sum + (Array.isArray(history.items) ? history.items.length : 0), 0);
/** Listings are read 100 items a page; an empty listing still takes one page to learn it is empty. */
const pagesOf = (items: number) => Math.max(1, Math.ceil(items / 100));

let database: ServerDatabase;
let replay: DeliveryReplay;

beforeAll(async () => {
  database = await serverDatabase('delivery-sync-crash');
  // Slow enough that a merge-request page (a listing, then each one's commits and notes) takes a while.
  replay = await startDeliveryReplay(dataset, { slowMs: 20 });
});

afterAll(async () => {
  await replay?.close();
  await database?.dispose();
});

/** A short lease, so that the restarted process takes over its dead predecessor's saga in seconds. */
const serve = () =>
  startServerProcess({ ...database.settings, SHIPSHAPE_ADMIN_TOKEN: adminToken, SAGA_LEASE_SECONDS: '2' });

async function call(server: ServerProcess, method: string, route: string, body?: unknown) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answered: JsonBody = await response.json();
  return { status: response.status, body: answered };
}

async function created(server: ServerProcess, route: string, body: object): Promise<string> {
  const answer = await call(server, 'POST', route, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

/** A project reading the replay's GitLab project and its Jira issues; answers its id and sources. */
async function setUp(server: ServerProcess) {
  const projectId = await created(server, '/api/v1/projects', { name: 'Delivery crash', key: 'DCRASH' });
  const sources = `/api/v1/projects/${projectId}/delivery-sources`;
  const gitlab = await created(server, '/api/v1/delivery-connections', {
    kind: 'gitlab',
    name: 'GitLab replay',
    baseUrl: replay.url,
    secret: dataset.gitlab.token,
  });
  const jira = await created(server, '/api/v1/delivery-connections', {
    kind: 'jira',
    name: 'Jira replay',
    baseUrl: replay.url,
    authKind: 'basic',
    email: dataset.jira.email,
    secret: dataset.jira.token,
  });
  return {
    projectId,
    gitlabSource: await created(server, sources, { connectionId: gitlab, gitlabProject: gitlabProjectPath }),
    jiraSource: await created(server, sources, { connectionId: jira, jql: 'project = SHIP' }),
  };
}

async function runsOf(server: ServerProcess, projectId: string): Promise<JsonBody[]> {
  const answer = await call(server, 'GET', `/api/v1/projects/${projectId}/delivery-sync-runs?limit=100`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data;
}

interface Checkpoint {
  phase: string | null;
  cursor: string | null;
  pages: number;
}

/** Straight from the database, while no server holds it: what the dead process last committed. */
async function checkpointOf(sourceId: string): Promise<Checkpoint | undefined> {
  const handle = await openDatabase(database.config);
  try {
    const [row] = await handle.query<Checkpoint>(
      'select phase, cursor, pages from delivery_sync_runs where source_id = $1',
      [sourceId],
    );
    return row;
  } finally {
    await handle.close();
  }
}

/** Each table's rows of the project, and how many distinct natural keys they hold. */
async function rowsOf(projectId: string) {
  const handle = await openDatabase(database.config);
  try {
    const count = async (table: string, key: string) => {
      const [row] = await handle.query<{ rows: number; keys: number }>(
        `select count(*)::int as rows, count(distinct ${key})::int as keys from ${table} where project_id = $1`,
        [projectId],
      );
      return row;
    };
    return {
      mergeRequests: await count('gitlab_mr_lead_times', 'mr_key'),
      deployments: await count('gitlab_deployments', 'deployment_key'),
      issues: await count('jira_lead_times', 'issue_key'),
      history: await count('jira_table_history', '(issue_key, history_id, item_index)'),
    };
  } finally {
    await handle.close();
  }
}

/** The page a listing request asks for (GitLab's `page`, 1 when absent). */
const pageAsked = (request: { path: string } | undefined) =>
  request ? Number(new URL(request.path, 'http://replay.invalid').searchParams.get('page') ?? '1') : null;
const listingsOf = (requests: { path: string }[], listing: string) =>
  requests.filter((request) => request.path.includes(`/${listing}?`));

describe('a server killed during a delivery sync', () => {
  it('resumes the sync after a restart at the page after its checkpoint: every item once, no page twice', async () => {
    const first = await serve();
    let ids = { projectId: '', gitlabSource: '', jiraSource: '' };
    try {
      ids = await setUp(first);
      const started = await call(first, 'POST', `/api/v1/projects/${ids.projectId}/delivery/sync`, {});
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      // Killed once the GitLab sync has committed two pages and reads on.
      await vi.waitFor(
        async () => {
          const run = (await runsOf(first, ids.projectId)).find((each) => each.sourceId === ids.gitlabSource);
          expect(run?.status).toBe('running');
          expect(run?.pages).toBeGreaterThanOrEqual(2);
        },
        { timeout: 60_000, interval: 20 },
      );
    } finally {
      first.child.kill('SIGKILL');
    }
    await first.exited;
    const checkpoint = await checkpointOf(ids.gitlabSource);
    expect(checkpoint?.pages).toBeGreaterThanOrEqual(2);
    // Whatever the dead process asked for has arrived by now; what follows is the restarted one's.
    const killedAt = replay.requests.length;

    const second = await serve();
    let runs: JsonBody[] = [];
    try {
      await vi.waitFor(
        async () => {
          runs = await runsOf(second, ids.projectId);
          expect(runs.map((run) => run.status)).toEqual(['completed', 'completed']);
        },
        { timeout: 240_000, interval: 500 },
      );
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited).toBe(0);

    const gitlabRun = runs.find((run) => run.sourceId === ids.gitlabSource);
    const jiraRun = runs.find((run) => run.sourceId === ids.jiraSource);
    // Each page committed once: the one cut off by the kill was read again, counted once.
    expect(gitlabRun).toMatchObject({
      pages: pagesOf(mergeRequests) + pagesOf(deployments),
      created: mergeRequests + deployments,
      updated: 0,
    });
    expect(jiraRun).toMatchObject({ pages: pagesOf(issues), created: issues, updated: 0 });

    // Resumed, not restarted: the restarted process began the listing of its checkpoint at its cursor.
    const afterRestart = replay.requests.slice(killedAt);
    const mergeRequestListings = listingsOf(afterRestart, 'merge_requests');
    if (checkpoint?.phase === 'merge_requests') {
      expect(pageAsked(mergeRequestListings[0])).toBe(Number(checkpoint.cursor));
      expect(pageAsked(mergeRequestListings[0])).toBeGreaterThan(1);
    } else {
      expect(mergeRequestListings).toEqual([]);
      if (checkpoint?.phase === 'deployments')
        expect(pageAsked(listingsOf(afterRestart, 'deployments')[0])).toBe(Number(checkpoint.cursor ?? '1'));
    }

    expect(await rowsOf(ids.projectId)).toEqual({
      mergeRequests: { rows: mergeRequests, keys: mergeRequests },
      deployments: { rows: deployments, keys: deployments },
      issues: { rows: issues, keys: issues },
      history: { rows: historyItems, keys: historyItems },
    });
  }, 420_000);
});
