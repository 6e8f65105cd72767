// Finding a decision from the terminal with `shipshape search`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  const project = await t.owner.post('/api/v1/projects', { name: 'Retry dashboards', key: 'RTY' });
  expect(project.status).toBe(201);
  for (const title of ['Retry policy for card payments', 'Cache policy for the catalogue']) {
    const decision = await t.owner.post('/api/v1/decision-logs', { title, decisionType: 'technology' });
    expect(decision.status).toBe(201);
  }
});
afterAll(() => t?.close());

describe('shipshape search', () => {
  it('answers the ranked results as JSON, narrowed to a type', async () => {
    const result = await runCli(url, t.owner, ['search', 'retry policy', '--type', 'decision_log', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.data.map((hit: { title: string }) => hit.title)).toEqual([
      'Retry policy for card payments',
    ]);
    expect(result.json.facets.type).toEqual({ decision_log: 1 });
  });

  it('prints results for people, and suggests a correction when nothing matches', async () => {
    const found = await runCli(url, t.owner, ['search', 'retry']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('2 result(s) for "retry"');
    expect(found.stdout).toContain('[decision_log] Retry policy for card payments');
    const typo = await runCli(url, t.owner, ['search', 'catalgoue']);
    expect(typo.code, typo.stderr).toBe(0);
    expect(typo.stdout).toContain('Did you mean: catalogue?');
  });

  it('fails with a one-line reason on a bad type', async () => {
    const result = await runCli(url, t.owner, ['search', 'retry', '--type', 'spaceship']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^shipshape: 400 .*unknown type spaceship/);
  });
});
