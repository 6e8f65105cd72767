// `shipshape tasks …` as a person and an agent run it, against a live test server.
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

describe('shipshape tasks', () => {
  it('creates, lists, claims, reports, completes and shows tasks by project key', async () => {
    const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
    expect(project.status).toBe(201);
    const agent = await t.newMember(t.owner, 'agent');
    const run = (args: string[], caller = t.owner) =>
      runCli(url, caller, ['tasks', ...args, '--project', 'PAY']);

    const created = await run(['create', '--title', 'Retry refunds', '--json']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ key: 'T-1', status: 'open' });
    await run(['create', '--title', 'Alert on refund failures']);

    const listed = await run(['list']);
    expect(listed.stdout).toMatch(/T-1\s+open\s+Retry refunds/);
    expect(listed.stdout).toMatch(/T-2\s+open\s+Alert on refund failures/);

    const next = await run(['claim-next', '--lease', '600', '--json'], agent);
    expect(next.code, next.stderr).toBe(0);
    expect(next.json).toMatchObject({ key: 'T-1', status: 'claimed', assignee: { id: agent.userId } });
    const taken = await run(['claim', 'T-1']);
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toMatch(/409 T-1 is claimed by Test agent/);

    expect((await run(['heartbeat', 'T-1', '--lease', '1200'], agent)).code).toBe(0);
    const evidence = await run(
      ['evidence', '1', '--commit', 'abcdef1', '--mr', 'https://git.example.test/mr/1'],
      agent,
    );
    expect(evidence.stdout).toContain('commits: abcdef1');
    const evaluated = await run(['evaluate', 'T-1'], agent);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toMatch(/^Gates pass/);
    const done = await run(['complete', 'T-1', '--to', 'in_review'], agent);
    expect(done.stdout.trim()).toBe('T-1 is in_review');

    expect((await run(['claim', 'T-2'], agent)).code).toBe(0);
    expect((await run(['release', 'T-2'], agent)).stdout).toMatch(/Released T-2\s+open/);

    const shown = await run(['show', 'T-1']);
    expect(shown.stdout).toMatch(/^T-1 Retry refunds\nStatus: in_review · assignee Test agent \(agent\)/);
    const generated = await run(['generate', '--checks', '--json']);
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.json.created.length).toBeGreaterThan(0);
    const again = await run(['generate', '--checks', '--json']);
    expect(again.json).toMatchObject({ created: [], existing: generated.json.created.length });
    const checks = await run(['list', '--source', 'check', '--json']);
    expect(checks.json).toHaveLength(generated.json.created.length);
  }, 240_000);
});
