// A CI job uploads its analysers' SARIF with `shipshape findings upload`; people and agents list
// the findings with `shipshape findings list`. One server, a few CLI runs that each check a lot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifLog } from '../../src/modules/findings/test-helpers.ts';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;
let scratch: string;
const commit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-findings-'));
  const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
  expect(project.status).toBe(201);
});
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  await t.close();
});

function write(name: string, log: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, JSON.stringify(log));
  return file;
}

describe('shipshape findings', () => {
  it('uploads a SARIF log, again without one result, and lists what is open and fixed', async () => {
    const evalResult = { rule: 'no-eval', level: 'error' as const, file: 'src/pay.ts', code: 'eval(x)' };
    const unused = {
      rule: 'no-unused-vars',
      file: 'src/cart.ts',
      code: 'let total',
      fixFiles: ['src/cart.ts'],
    };
    const first = await runCli(url, t.owner, [
      'findings',
      'upload',
      write('first.sarif', sarifLog({ results: [evalResult, unused] })),
      '--project',
      'PAY',
      '--commit',
      commit,
      '--branch',
      'main',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('ESLint 9.1.0 (stream ESLint): 2 results: 2 opened, 0 seen again');
    const second = await runCli(url, t.owner, [
      'findings',
      'upload',
      write('second.sarif', sarifLog({ results: [evalResult] })),
      '--project',
      'PAY',
      '--json',
    ]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.json.data[0].counts).toMatchObject({ opened: 0, seenAgain: 1, closed: 1 });

    const open = await runCli(url, t.owner, ['findings', 'list', '--project', 'PAY', '--status', 'open']);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toMatch(/major\s+warns\s+open\s+no-eval\s+src\/pay\.ts:1:3/);
    expect(open.stdout).not.toContain('no-unused-vars');
    const fixed = await runCli(url, t.owner, [
      'findings',
      'list',
      '--project',
      'PAY',
      '--rule',
      'no-unused-vars',
      '--json',
    ]);
    expect(fixed.json.data.map((row: { status: string }) => row.status)).toEqual(['fixed']);
    const minor = await runCli(url, t.owner, [
      'findings',
      'list',
      '--project',
      'PAY',
      '--severity',
      'critical,minor',
    ]);
    expect(minor.stdout).toContain('no-unused-vars');
    expect(minor.stdout).not.toContain('no-eval');
  });

  it('says what is wrong with a log that is not SARIF 2.1.0, and exits 1', async () => {
    const bad = await runCli(url, t.owner, [
      'findings',
      'upload',
      write('bad.sarif', { version: '2.1.0', runs: [{ tool: { driver: {} } }] }),
      '--project',
      'PAY',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('422');
    expect(bad.stderr).toContain('runs.0.tool.driver.name');
  });
});
