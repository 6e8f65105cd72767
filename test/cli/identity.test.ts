// An admin sets up a CI agent, invites a colleague and checks their workspaces with the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
});
afterAll(() => t.close());

describe('shipshape user, token and workspace', () => {
  it('creates an agent and its token with `token create --name ci --role agent --json`', async () => {
    const result = await runCli(url, t.owner, [
      'token',
      'create',
      '--name',
      'ci',
      '--role',
      'agent',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ name: 'ci', role: 'agent', token: expect.stringMatching(/^shp_/) });
    const me = await t.anonymous.get('/api/v1/me', {
      headers: { authorization: `Bearer ${result.json.token}` },
    });
    expect(me.body).toMatchObject({ role: 'agent', user: { kind: 'agent', displayName: 'ci' } });
  });

  it('invites a person with `user add`, who shows up as a member after accepting', async () => {
    const result = await runCli(url, t.owner, [
      'user',
      'add',
      '--email',
      'dev@example.test',
      '--role',
      'viewer',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ email: 'dev@example.test', role: 'viewer', status: 'pending' });
    const accepted = await t.anonymous.post('/api/v1/invitations/accept', {
      token: result.json.token,
      displayName: 'Dev',
      password: 'a long enough password',
    });
    expect(accepted.status).toBe(201);
    const members = await runCli(url, t.owner, ['user', 'list', '--json']);
    expect(members.json.map((m: { user: { email: string } }) => m.user.email)).toContain('dev@example.test');
  });

  it('lists my workspaces with `workspace list`, and fails clearly without a token', async () => {
    const result = await runCli(url, t.owner, ['workspace', 'list', '--json']);
    expect(result.code).toBe(0);
    expect(result.json).toEqual([expect.objectContaining({ id: t.owner.workspaceId, role: 'owner' })]);
    const human = await runCli(url, t.owner, ['workspace', 'list']);
    expect(human.stdout).toContain(t.owner.workspaceId);
    const anonymous = await runCli(url, null, ['workspace', 'list', '--json']);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(/^shipshape: 401 /);
  });

  it('refuses to make a token with a role other than agent', async () => {
    const result = await runCli(url, t.owner, [
      'token',
      'create',
      '--name',
      'x',
      '--role',
      'admin',
      '--json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--role agent');
  });
});
