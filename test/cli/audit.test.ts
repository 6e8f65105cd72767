// An auditor checks the trail from the command line: `shipshape audit verify | replay | report |
// retention | access-log`, each going through the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = await t.newWorkspace();
  expect((await owner.post('/api/v1/projects', { name: 'Web', key: 'WEB' })).status).toBe(201);
  expect((await owner.post('/api/v1/projects', { name: 'Api', key: 'API' })).status).toBe(201);
});
afterAll(() => t.close());

describe('shipshape audit', () => {
  it('verifies the chain and replays projects with no difference', async () => {
    const verify = await runCli(url, owner, ['audit', 'verify', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.json).toMatchObject({ ok: true, eventsChecked: 2 });
    const replay = await runCli(url, owner, ['audit', 'replay', '--type', 'project']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain('No differences.');
  });

  it('prints the activity report as text, JSON and Markdown', async () => {
    const text = await runCli(url, owner, ['audit', 'report']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('2 event(s) by 1 actor(s).');
    expect(text.stdout).toContain('project.created  2');
    const json = await runCli(url, owner, ['audit', 'report', '--json']);
    expect(json.json.rows).toEqual([expect.objectContaining({ action: 'project.created', count: 2 })]);
    const md = await runCli(url, owner, ['audit', 'report', '--format', 'md']);
    expect(md.stdout).toContain('| Actor | Kind | Action | Count | First | Last |');
  });

  it('shows and sets the retention policy, refusing half a setting', async () => {
    const shown = await runCli(url, owner, ['audit', 'retention']);
    expect(shown.stdout).toContain('90 day(s) hot, then 365 day(s) in the archive (defaults)');
    const set = await runCli(url, owner, [
      'audit',
      'retention',
      '--hot-days',
      '30',
      '--archive-days',
      '400',
      '--json',
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.json).toMatchObject({ hotDays: 30, archiveDays: 400, isDefault: false });
    const half = await runCli(url, owner, ['audit', 'retention', '--hot-days', '10']);
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('give both --hot-days and --archive-days');
  });

  it('lists the access log, including the requests the command itself made', async () => {
    const listed = await runCli(url, owner, ['audit', 'access-log', '--json', '--limit', '200']);
    expect(listed.code, listed.stderr).toBe(0);
    const routes = listed.json.map(
      (entry: { method: string; route: string }) => `${entry.method} ${entry.route}`,
    );
    expect(routes).toContain('POST /api/v1/projects');
    expect(routes).toContain('PUT /api/v1/audit/retention');
  });

  it('exits non-zero with the server’s reason when the token may not act', async () => {
    const viewer = await t.newMember(owner, 'viewer');
    const refused = await runCli(url, viewer, [
      'audit',
      'retention',
      '--hot-days',
      '5',
      '--archive-days',
      '5',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('403');
  });
});
