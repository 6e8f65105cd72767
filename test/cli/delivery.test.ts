// `shipshape delivery …` against a live test server (seeded through POST delivery/imports by the
// CLI itself) and against a replayed GitLab for syncs; `report` runs with no server at all.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { type DeliveryReplay, startDeliveryReplay } from '../../src/test-support/delivery-replay/index.ts';
import { listen, runCli, runShipshape } from './cli-support.ts';

import { deployments, hour, jiraSearch, mergeRequests } from './delivery-dataset.ts';

let t: TestApp;
let url: string;
let dir: string;
let replay: DeliveryReplay;
const files = { mrs: '', deployments: '', jira: '' };
const window = ['--from', '2026-01-05', '--to', '2026-01-12'];
const seedFiles = () => [
  '--gitlab-mrs',
  files.mrs,
  '--gitlab-deployments',
  files.deployments,
  '--jira',
  files.jira,
];

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, JSON.stringify(value));
  return file;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shipshape-delivery-'));
  files.mrs = await writeJson('mrs.json', mergeRequests);
  files.deployments = await writeJson('deployments.json', deployments);
  files.jira = await writeJson('jira.json', jiraSearch);
  t = await createTestApp();
  url = await listen(t);
  replay = await startDeliveryReplay({
    gitlab: {
      token: 'glpat-replay',
      projects: { 'pay/app': { id: 42, mergeRequests: [], deployments: [] } },
    },
    jira: { token: 'jira-replay', issues: [] },
  });
});
afterAll(async () => {
  await replay?.close();
  await t?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(url, t.owner, ['delivery', ...args]);
/** The CLI with extra environment variables (a token in $GITLAB_TOKEN). */
const runWithEnv = (extra: Record<string, string>, args: string[]) =>
  runShipshape(
    { ...process.env, SHIPSHAPE_URL: url, SHIPSHAPE_TOKEN: t.owner.token, NO_COLOR: '1', ...extra },
    ['delivery', ...args],
  );

describe('shipshape delivery report (offline)', { timeout: 60_000 }, () => {
  it('computes the figures from the files with no server, as text and as JSON', async () => {
    // Nothing listens on port 9: a report that asked a server would fail.
    const env = { ...process.env, SHIPSHAPE_URL: 'http://127.0.0.1:9', NO_COLOR: '1' };
    const json = await runShipshape(env, ['delivery', 'report', ...seedFiles(), ...window, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const { mergeRequests: mrs, jira, dora } = json.json;
    expect(mrs).toMatchObject({ count: 3, merged: 2 });
    expect(mrs.stages.codingMs).toMatchObject({ p50: 1.5 * hour, p75: 1.75 * hour, sample: 2 });
    expect(mrs.stages.pickupMs).toMatchObject({ p50: 3 * hour, p75: 3.5 * hour, sample: 2 });
    expect(mrs.stages.deployMs).toMatchObject({ p50: 9 * hour, p75: 12.5 * hour, sample: 2 });
    expect(mrs.stages.deployMs.p90).toBeCloseTo(52_560_000, 0);
    expect(mrs.stages.leadMs).toMatchObject({ p50: 7.5 * hour, sample: 2 });
    expect(mrs.stages.changeLeadMs).toMatchObject({ p50: 16.5 * hour, sample: 2 });
    expect(jira).toMatchObject({ count: 3, done: 2, throughput: [{ month: '2026-01', done: 2 }] });
    expect(jira.leadMs).toMatchObject({ p50: 14 * hour, sample: 2 });
    expect(jira.cycleMs).toMatchObject({ p50: 13.25 * hour, sample: 2 });
    // 7 days; successes on the 5th and 7th; the 8th's failed, and the 7th's followed by PAY-2.
    expect(dora.deploymentFrequency.value).toBeCloseTo(2 / 7, 10);
    expect(dora.deploymentFrequency).toMatchObject({ tier: 'high', sample: 2 });
    expect(dora.leadTimeForChanges).toMatchObject({ value: 16.5 * hour, tier: 'elite', sample: 2 });
    expect(dora.changeFailureRate.value).toBeCloseTo(2 / 3, 10);
    expect(dora.changeFailureRate).toMatchObject({ tier: 'low', sample: 3 });
    expect(dora.timeToRestore).toMatchObject({ value: 3 * hour, tier: 'high', sample: 1 });

    const text = await runShipshape(env, ['delivery', 'report', ...seedFiles(), ...window]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Merge requests: 3, 2 merged');
    expect(text.stdout).toMatch(/coding\s+1 h 30 min\s+1 h 45 min\s+1 h 54 min\s+2\n/);
    expect(text.stdout).toMatch(/deploy\s+9 h\s+12 h 30 min\s+14 h 36 min\s+2\n/);
    expect(text.stdout).toMatch(/change lead\s+16 h 30 min\s+20 h 45 min\s+23 h 18 min\s+2\n/);
    expect(text.stdout).toContain('Jira issues: 3, 2 done');
    expect(text.stdout).toMatch(/lead\s+14 h\s+19 h 30 min\s+22 h 48 min\s+2\n/);
    expect(text.stdout).toContain('Done per month: 2026-01: 2');
    expect(text.stdout).toMatch(/deployment frequency\s+0\.29\/day \(2\/week\)\s+high\s+2\n/);
    expect(text.stdout).toMatch(/lead time for changes\s+16 h 30 min\s+elite\s+2\n/);
    expect(text.stdout).toMatch(/change failure rate\s+66\.7%\s+low\s+3\n/);
    expect(text.stdout).toMatch(/time to restore\s+3 h\s+high\s+1\n/);
  });

  it('names each problem of a file by its path and reads nothing', async () => {
    const badMrs = await writeJson('bad-mrs.json', [{ ...mergeRequests[0], state: 'draft' }]);
    const badJira = await writeJson('bad-jira.json', [
      { ...jiraSearch.issues[0], fields: { ...jiraSearch.issues[0]?.fields, created: 'yesterday' } },
    ]);
    const result = await runShipshape({ ...process.env, NO_COLOR: '1' }, [
      'delivery',
      'report',
      '--gitlab-mrs',
      badMrs,
      '--jira',
      badJira,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${badMrs}: 0.state:`);
    expect(result.stderr).toContain(`${badJira}: 0.fields.created: is not a date-time: "yesterday"`);
    expect(result.stderr).toContain('shipshape: 2 problem(s) in the files; nothing was read');
  });
});

describe('shipshape delivery against a server', { timeout: 120_000 }, () => {
  it('imports the files, refusing bad ones before sending anything', async () => {
    const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
    expect(project.status).toBe(201);
    const badJira = await writeJson('bad-issues.json', { issues: [{ key: 'PAY-9' }] });
    const refused = await run(['import', '--project', 'PAY', '--gitlab-mrs', files.mrs, '--jira', badJira]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${badJira}: issues.0.id:`);
    const none = await t.owner.get(`/api/v1/projects/${project.body.id}/delivery/merge-requests`);
    expect(none.body.data).toEqual([]);

    const imported = await run(['import', '--project', 'PAY', ...seedFiles()]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/merge requests\s+3\s+0\n/);
    expect(imported.stdout).toMatch(/deployments\s+4\s+0\n/);
    expect(imported.stdout).toMatch(/jira issues\s+3\s+0/);
  });

  it('prints the server’s merge request and Jira figures, humanised in text and in ms with --json', async () => {
    const json = await run(['metrics', '--project', 'PAY', ...window, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.json.overall.merged).toBe(2);
    expect(json.json.overall.stages.coding).toEqual({ p50: 5_400_000, p75: 6_300_000, p90: 6_840_000 });
    expect(json.json.overall.stages.deploy).toEqual({ p50: 32_400_000, p75: 45_000_000, p90: 52_560_000 });
    expect(json.json.series).toHaveLength(1);
    expect(json.json.series[0]).toMatchObject({ bucket: '2026-01-05', group: null, merged: 2 });

    const text = await run(['metrics', '--project', 'PAY', ...window, '--group-by', 'author']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      'Merge requests merged 2026-01-05T00:00:00.000Z → 2026-01-12T00:00:00.000Z: 2',
    );
    expect(text.stdout).toMatch(/pickup\s+3 h\s+3 h 30 min\s+3 h 48 min\n/);
    expect(text.stdout).toMatch(/lead\s+7 h 30 min\s+8 h 15 min\s+8 h 42 min\n/);
    expect(text.stdout).toMatch(/2026-01-05\s+alice\s+1\s+2 h\s+2 h\s+2 h\s+2 h\s+6 h\n/);
    expect(text.stdout).toMatch(/2026-01-05\s+bob\s+1\s+1 h\s+4 h\s+4 h\s+16 h\s+9 h/);

    const jira = await run(['metrics', '--project', 'PAY', '--kind', 'jira', ...window, '--json']);
    expect(jira.code, jira.stderr).toBe(0);
    expect(jira.json.overall).toMatchObject({
      done: 2,
      lead: { p50: 14 * hour },
      cycle: { p50: 13.25 * hour },
    });
    expect(jira.json.throughput).toMatchObject([{ bucket: '2026-01-05', done: 2 }]);
    expect(jira.json.timeInStatus.slice(0, 2)).toEqual([
      { status: 'In Progress', issues: 2, meanMs: 13.25 * hour, totalMs: 26.5 * hour },
      { status: 'To Do', issues: 2, meanMs: 0.75 * hour, totalMs: 1.5 * hour },
    ]);
    const jiraText = await run(['metrics', '--project', 'PAY', '--kind', 'jira', ...window]);
    expect(jiraText.stdout).toMatch(/cycle\s+13 h 15 min\s+18 h 38 min\s+21 h 51 min\n/);
    expect(jiraText.stdout).toMatch(/In Progress\s+2\s+13 h 15 min\s+1 d 3 h\n/);
  });

  it('prints DORA’s keys with their tiers, and who reviews', async () => {
    const dora = await run(['metrics', '--project', 'PAY', '--kind', 'dora', ...window]);
    expect(dora.code, dora.stderr).toBe(0);
    expect(dora.stdout).toMatch(/deployment frequency\s+0\.29\/day \(2\/week\)\s+high\s+2\n/);
    expect(dora.stdout).toMatch(/lead time for changes\s+16 h 30 min\s+elite\s+2\n/);
    expect(dora.stdout).toMatch(/change failure rate\s+66\.7%\s+low\s+3\n/);
    expect(dora.stdout).toMatch(/time to restore\s+3 h\s+high\s+1/);
    const doraJson = await run(['metrics', '--project', 'PAY', '--kind', 'dora', ...window, '--json']);
    expect(doraJson.json.leadTimeForChanges).toMatchObject({ value: 16.5 * hour, tier: 'elite' });

    const reviewers = await run(['metrics', '--project', 'PAY', '--kind', 'reviewers', ...window, '--json']);
    expect(reviewers.code, reviewers.stderr).toBe(0);
    expect(reviewers.json).toMatchObject({ merged: 2, mergedWithoutReview: 0, balance: 0 });
    expect(reviewers.json.reviewers).toEqual([
      { handle: 'alice', name: 'Alice Author', reviews: 1, comments: 1, share: 0.5 },
      { handle: 'bob', name: 'Bob Reviewer', reviews: 1, comments: 2, share: 0.5 },
    ]);
    const text = await run(['metrics', '--project', 'PAY', '--kind', 'reviewers', ...window]);
    expect(text.stdout).toContain('2, 0 without review; balance (Gini) 0');
    expect(text.stdout).toMatch(/bob\s+Bob Reviewer\s+1\s+2\s+50%/);
    const wrong = await run(['metrics', '--project', 'PAY', '--kind', 'speed']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--kind takes lead-time, jira, dora or reviewers, not speed');
  });

  it('shows the settings and changes only those given', async () => {
    const shown = await run(['settings', '--project', 'PAY']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/In progress statuses\s+In Progress, In Review\n/);
    expect(shown.stdout).toMatch(/Production environments\s+production, prod\n/);
    const changed = await run([
      'settings',
      '--project',
      'PAY',
      '--incident-types',
      'Incident, Outage',
      '--json',
    ]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.json).toMatchObject({
      incidentIssueTypes: ['Incident', 'Outage'],
      doneStatuses: ['Done', 'Closed', 'Resolved'],
    });
    expect((await run(['settings', '--project', 'PAY', '--json'])).json.incidentIssueTypes).toEqual([
      'Incident',
      'Outage',
    ]);
  });
});

describe('shipshape delivery connections, sources and sync', { timeout: 120_000 }, () => {
  it('adds, tests, lists and removes connections, with the token read from the environment', async () => {
    const added = await runWithEnv({ GITLAB_TOKEN: 'glpat-replay' }, [
      'connections',
      'add',
      '--kind',
      'gitlab',
      '--name',
      'gitlab-main',
      '--base-url',
      replay.url,
      '--token-env',
      'GITLAB_TOKEN',
      '--interval',
      '30',
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json).toMatchObject({
      kind: 'gitlab',
      name: 'gitlab-main',
      authKind: 'token',
      hasSecret: true,
    });
    expect(added.stdout).not.toContain('glpat-replay');

    const tested = await run(['connections', 'test', 'gitlab-main']);
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toContain('gitlab-main: ok, as ');
    expect(tested.stdout).toContain('read_api');

    const noToken = await run([
      'connections',
      'add',
      '--kind',
      'jira',
      '--name',
      'x',
      '--base-url',
      replay.url,
      '--token-stdin',
    ]);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('stdin held no token');
    const unset = await run([
      'connections',
      'add',
      '--kind',
      'jira',
      '--name',
      'x',
      '--base-url',
      replay.url,
      '--token-env',
      'SHIPSHAPE_NO_SUCH_VAR',
    ]);
    expect(unset.stderr).toContain('$SHIPSHAPE_NO_SUCH_VAR is not set or empty');

    const jira = await runWithEnv({ JIRA_TOKEN: 'wrong' }, [
      'connections',
      'add',
      '--kind',
      'jira',
      '--name',
      'jira-cloud',
      '--base-url',
      replay.url,
      '--token-env',
      'JIRA_TOKEN',
      '--auth',
      'bearer',
    ]);
    expect(jira.code, jira.stderr).toBe(0);
    const failed = await run(['connections', 'test', 'jira-cloud', '--json']);
    expect(failed.code).toBe(1);
    expect(failed.json).toMatchObject({ ok: false });
    expect(failed.json.error).toBeTruthy();

    const listed = await run(['connections', 'list']);
    expect(listed.stdout).toMatch(/gitlab\s+gitlab-main\s+token\s+30 min\s+http:\/\/127\.0\.0\.1/);
    expect(listed.stdout).toMatch(/jira\s+jira-cloud\s+bearer\s+60 min/);
    expect((await run(['connections', 'remove', 'jira-cloud'])).stdout).toContain(
      'Removed connection jira-cloud.',
    );
    expect(
      (await run(['connections', 'list', '--json'])).json.map((each: { name: string }) => each.name),
    ).toEqual(['gitlab-main']);
  });

  it('adds a source and follows its sync until it completes (exit 0), or fails (exit 1)', async () => {
    await t.owner.post('/api/v1/projects', { name: 'Checkout', key: 'CHK' });
    const source = await run([
      'sources',
      'add',
      '--project',
      'CHK',
      '--connection',
      'gitlab-main',
      '--gitlab-project',
      'pay/app',
      '--json',
    ]);
    expect(source.code, source.stderr).toBe(0);
    const listed = await run(['sources', 'list', '--project', 'CHK']);
    expect(listed.stdout).toMatch(
      new RegExp(`${source.json.id}\\s+gitlab-main\\s+enabled\\s+never synced\\s+pay/app`),
    );

    const synced = await run(['sync', '--project', 'CHK', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.json).toHaveLength(1);
    expect(synced.json[0]).toMatchObject({ sourceId: source.json.id, status: 'completed', errors: [] });
    expect(synced.stderr).toContain(`source ${source.json.id}: completed`);

    replay.setFaults({ revoked: true });
    const refused = await run(['sync', '--project', 'CHK', '--full']);
    replay.setFaults({});
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/failed/);
    expect(refused.stderr).toContain(`source ${source.json.id}: failed`);
  });
});
