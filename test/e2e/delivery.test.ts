import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeliveryReplay, syntheticDelivery } from '../../src/test-support/delivery-replay/index.ts';
import {
  api,
  type BrowserSession,
  chromiumPath,
  hasChromium,
  openBrowser,
  type Server,
  screenshot,
  startServer,
} from './support.ts';

const owner = { email: 'rosa@example.com', password: 'owner-password-123' };
const patience = { timeout: 30_000 };
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

// Everything happens in the previous calendar month (UTC): always inside the dashboard's default
// 90-day window, and one month the contributors filter can pick whatever today's date is.
const monthStart = (() => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
})();
const month = new Date(monthStart).toISOString().slice(0, 7);
/** Day `day` of that month at `hour`:`minute` UTC, as GitLab and Jira write times. */
const at = (day: number, hour: number, minute = 0) =>
  new Date(monthStart + (day - 1) * dayMs + hour * hourMs + minute * 60_000).toISOString();

const users = {
  alice: { id: 1, username: 'alice', name: 'Alice Archer' },
  bob: { id: 2, username: 'bob', name: 'Bob Baker' },
  carol: { id: 3, username: 'carol', name: 'Carol Chen' },
};
type User = (typeof users)[keyof typeof users];

const commit = (id: string, who: User, time: string) => ({
  id,
  created_at: time,
  authored_date: time,
  author_name: who.name,
  author_email: `${who.username}@example.com`,
});
const note = (id: number, who: User, time: string, body: string, system = false) => ({
  id,
  body,
  author: who,
  created_at: time,
  system,
});

/**
 * Merge requests as GET /projects/:id/merge_requests answers them, with `commits` and `notes`
 * (https://docs.gitlab.com/api/merge_requests/, https://docs.gitlab.com/api/notes/). Stages:
 * !1 coding 1 h, pickup 2 h, review 2 h, lead 5 h, deployed 1 h after the merge (change lead 6 h);
 * !2 coding 2 h, pickup 4 h, review 20 h, lead 26 h, deployed 2 h later (change lead 28 h);
 * !3 coding 0, pickup 2 h, review 1 h, lead 3 h, never deployed; !4 still open.
 */
function mergeRequest(iid: number, author: User, times: { opened: string; merged: string | null }) {
  return {
    id: 1000 + iid,
    iid,
    project_id: 42,
    title: `Change ${iid}`,
    state: times.merged ? 'merged' : 'opened',
    created_at: times.opened,
    updated_at: times.merged ?? times.opened,
    merged_at: times.merged,
    target_branch: 'main',
    labels: [],
    author,
    web_url: `https://gitlab.example.com/acme/payments/-/merge_requests/${iid}`,
  };
}

const mergeRequests = [
  {
    ...mergeRequest(1, users.alice, { opened: at(1, 10), merged: at(1, 14) }),
    commits: [commit('a1', users.alice, at(1, 9))],
    notes: [
      note(11, users.bob, at(1, 12), 'Looks good, one nit'),
      note(12, users.bob, at(1, 13), 'approved this merge request', true),
    ],
  },
  {
    ...mergeRequest(2, users.bob, { opened: at(2, 10), merged: at(3, 10) }),
    commits: [commit('b1', users.bob, at(2, 8))],
    notes: [
      note(21, users.carol, at(2, 14), 'Why this timeout?'),
      note(22, users.alice, at(2, 16), 'approved this merge request', true),
    ],
  },
  {
    ...mergeRequest(3, users.alice, { opened: at(4, 9), merged: at(4, 12) }),
    commits: [commit('a2', users.alice, at(4, 9))],
    notes: [note(31, users.carol, at(4, 11), 'approved this merge request', true)],
  },
  {
    ...mergeRequest(4, users.carol, { opened: at(6, 9), merged: null }),
    commits: [commit('c1', users.carol, at(6, 8))],
    notes: [],
  },
];

/** Deployments as GET /projects/:id/deployments answers them (https://docs.gitlab.com/api/deployments/). */
const deployment = (id: number, finished: string) => ({
  id,
  iid: id,
  project_id: 42,
  ref: 'main',
  sha: `sha${id}`,
  created_at: finished,
  updated_at: finished,
  finished_at: finished,
  status: 'success',
  environment: { name: 'production', tier: 'production' },
});
const deployments = [deployment(1, at(1, 15)), deployment(2, at(3, 12))];

const jiraUser = (who: User) => ({
  accountId: `acc-${who.username}`,
  displayName: who.name,
  emailAddress: `${who.username}@example.com`,
});

/**
 * Issues as GET /rest/api/3/search/jql?expand=changelog answers them
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/).
 * SHIP-3 is an incident raised on day 5 at 10:00 and resolved at 12:00: time to restore 2 h.
 */
function jiraIssue(key: string, type: string, opened: string, moves: [string, string, User][]) {
  const [, doneAt] = moves[moves.length - 1] ?? ['', opened];
  return {
    id: key.replace('SHIP-', '2000'),
    key,
    fields: {
      summary: `Work ${key}`,
      created: opened,
      updated: doneAt,
      resolutiondate: doneAt,
      status: { name: 'Done', statusCategory: { key: 'done' } },
      issuetype: { name: type },
      assignee: null,
      labels: [],
    },
    changelog: {
      histories: moves.map(([to, time, who], index) => ({
        id: `${key}-${index}`,
        created: time,
        author: jiraUser(who),
        items: [{ field: 'status', fromString: index === 0 ? 'To Do' : 'In Progress', toString: to }],
      })),
    },
  };
}

const jiraIssues = [
  jiraIssue('SHIP-1', 'Story', at(1, 8), [
    ['In Progress', at(2, 9), users.alice],
    ['Done', at(4, 9), users.alice],
  ]),
  jiraIssue('SHIP-2', 'Story', at(2, 8), [
    ['In Progress', at(3, 8), users.bob],
    ['Done', at(3, 20), users.bob],
  ]),
  jiraIssue('SHIP-3', 'Incident', at(5, 10), [
    ['In Progress', at(5, 10, 30), users.carol],
    ['Done', at(5, 12), users.carol],
  ]),
];

if (!hasChromium) {
  console.warn(`Skipping the delivery browser test: no chromium at ${chromiumPath}.`);
}

describe.skipIf(!hasChromium)('delivery metrics in the web UI', () => {
  let server: Server;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer(owner);
    browser = await openBrowser(server, 'delivery');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the DORA keys, lead time and contributors of an import, adds a connection and a source', async () => {
    browser.saveFailures();
    const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
      name: 'Payments',
      key: 'PAY',
    });
    for (const who of Object.values(users)) {
      await api(server, 'POST', '/api/v1/delivery-people', {
        name: who.name,
        email: `${who.username}@example.com`,
        gitlabUsernames: [who.username],
        jiraAccountIds: [`acc-${who.username}`],
      });
    }
    const imported = await api(server, 'POST', `/api/v1/projects/${project.id}/delivery/imports`, {
      gitlabMergeRequests: mergeRequests,
      gitlabDeployments: deployments,
      jiraIssues,
    });
    expect(imported).toEqual({
      mergeRequests: { created: 4, updated: 0 },
      deployments: { created: 2, updated: 0 },
      jiraIssues: { created: 3, updated: 0 },
    });
    const { page, errors } = await browser.signIn(owner);

    // From the project's page to the dashboard (the last 90 days by default).
    await page.goto(`${server.url}/projects/${project.id}`);
    await page
      .getByRole('region', { name: 'Delivery metrics' })
      .getByRole('link', { name: 'Delivery', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Delivery', level: 1 }).waitFor(patience);
    const tile = (name: string) => page.getByRole('listitem', { name });
    // 2 deployments over 90 days: 2 / 90 × 7 = 0.1556 a week, under monthly: low.
    await tile('Deployment frequency').getByText('0.16 / week').waitFor(patience);
    await tile('Deployment frequency').getByText('Low', { exact: true }).waitFor();
    // Changes deployed 6 h and 28 h after their first commit: median 17 h, under a day: elite.
    await tile('Lead time for changes').getByText('17 h', { exact: true }).waitFor();
    await tile('Lead time for changes').getByText('Elite', { exact: true }).waitFor();
    await tile('Change failure rate').getByText('0 %', { exact: true }).waitFor();
    await tile('Change failure rate').getByText('Elite', { exact: true }).waitFor();
    // One incident, resolved in 2 h: under a day, not under an hour: high.
    await tile('Time to restore').getByText('2 h', { exact: true }).waitFor();
    await tile('Time to restore').getByText('High', { exact: true }).waitFor();

    // Lead times 5 h, 26 h and 3 h: median 5 h; pickups 2 h, 4 h, 2 h: median 2 h, p90 3 h 36 min.
    const leadTime = page.getByRole('region', { name: 'Merge request lead time' });
    await leadTime.getByText('3 merged; median lead time').waitFor(patience);
    expect(await leadTime.locator('.lead-time-p50').textContent()).toBe('5 h');
    const pickup = leadTime.getByRole('row', { name: /^Pickup/ });
    expect(await pickup.getByRole('cell').allTextContents()).toEqual(['2 h', '3 h', '3 h 36 min']);

    // The contributors of that month, each person matched across GitLab and Jira.
    const contributors = page.getByRole('region', { name: 'Contributors' });
    await contributors.getByRole('combobox', { name: /^Month/ }).selectOption(month);
    const cells = async (name: string) =>
      contributors
        .getByRole('row', { name: new RegExp(`^${name}`) })
        .getByRole('cell')
        .allTextContents();
    await contributors.getByRole('rowheader', { name: 'Carol Chen' }).waitFor(patience);
    // Team, MRs opened, merged, reviews, comments, commits, issues resolved.
    expect(await cells('Alice Archer')).toEqual(['—', '2', '2', '1', '0', '2', '1']);
    expect(await cells('Bob Baker')).toEqual(['—', '1', '1', '1', '1', '1', '1']);
    expect(await cells('Carol Chen')).toEqual(['—', '1', '0', '2', '1', '1', '1']);
    await screenshot(page, 'delivery-dashboard');

    // A connection: its token is sent once and never shown back.
    const token = 'glpat-e2e-secret-token-value';
    await page.goto(`${server.url}/settings/delivery-connections`);
    await page.getByRole('heading', { name: 'Delivery connections', level: 1 }).waitFor(patience);
    const form = page.getByRole('form', { name: 'Add a connection' });
    await form.getByLabel('Kind').selectOption('gitlab');
    await form.getByLabel('Name').fill('Company GitLab');
    await form.getByLabel('Base URL').fill('http://127.0.0.1:9');
    await form.getByLabel('Token').fill(token);
    await form.getByRole('button', { name: 'Add connection' }).click();
    const row = page.getByRole('row', { name: /^Company GitLab/ });
    await row.getByText('Stored').waitFor(patience);
    expect(await form.getByLabel('Token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(token);
    const listed = await api<{ data: object[] }>(server, 'GET', '/api/v1/delivery-connections');
    expect(JSON.stringify(listed)).not.toContain(token);
    // Nothing listens there: the test shows the failure.
    await row.getByRole('button', { name: 'Test connection Company GitLab' }).click();
    await row.locator('.connection-test .error').waitFor(patience);
    expect((await row.locator('.connection-test .error').textContent())?.length).toBeGreaterThan(0);
    await screenshot(page, 'delivery-connections');

    // A source of the project, from that connection.
    await page.goto(`${server.url}/projects/${project.id}/delivery/settings`);
    await page.getByRole('heading', { name: 'Delivery settings', level: 1 }).waitFor(patience);
    const add = page.getByRole('form', { name: 'Add a source' });
    await add.getByLabel('Connection').selectOption({ label: 'Company GitLab (gitlab)' });
    await add.getByLabel('GitLab project').fill('acme/payments');
    await add.getByRole('button', { name: 'Add source' }).click();
    const sources = page.getByRole('region', { name: 'Sources' });
    await sources
      .getByRole('row', { name: /acme\/payments/ })
      .getByText('Company GitLab (gitlab)')
      .waitFor(patience);
    await page
      .getByRole('form', { name: 'Delivery settings' })
      .getByLabel('Production environments')
      .waitFor();
    await screenshot(page, 'delivery-settings');
    expect(errors).toEqual([]);
  });

  it('syncs a replayed GitLab from the settings screen and shows the run complete', async () => {
    browser.saveFailures();
    const dataset = syntheticDelivery({ mergeRequests: 30, jiraIssues: 0, seed: 5 });
    const [path = '', gitlabProject] = Object.entries(dataset.gitlab.projects)[0] ?? [];
    const replay = await startDeliveryReplay(dataset);
    try {
      const project = await api<{ id: string }>(server, 'POST', '/api/v1/projects', {
        name: 'Sync',
        key: 'SYNC',
      });
      const connection = await api<{ id: string }>(server, 'POST', '/api/v1/delivery-connections', {
        kind: 'gitlab',
        name: 'Replayed GitLab',
        baseUrl: replay.url,
        secret: dataset.gitlab.token,
      });
      await api(server, 'POST', `/api/v1/projects/${project.id}/delivery-sources`, {
        connectionId: connection.id,
        gitlabProject: path,
      });
      const { page, errors } = await browser.signIn(owner);
      await page.goto(`${server.url}/projects/${project.id}/delivery/settings`);
      await page.getByRole('button', { name: 'Sync now' }).click();
      const runs = page.getByRole('table', { name: 'Sync runs, newest first' });
      // Refreshed every 2 s while the run is queued or running, until it settles.
      const run = runs.getByRole('row').nth(1);
      await run.getByText('completed').waitFor({ timeout: 60_000 });
      const items = (gitlabProject?.mergeRequests.length ?? 0) + (gitlabProject?.deployments.length ?? 0);
      // Started, status, phase, pages, created, updated, took, errors.
      const cells = await run.getByRole('cell').allTextContents();
      expect(cells.slice(1, 6)).toEqual(['completed', 'done', '2', String(items), '0']);
      expect(cells[7]).toBe('None');
      expect(errors).toEqual([]);
    } finally {
      await replay.close();
    }
  });
});
