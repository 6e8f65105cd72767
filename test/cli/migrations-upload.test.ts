// A CI job records the project's migrations with `shipshape migrations upload`: the server lints
// them with the project's settings, and each finding becomes a migration risk of the plan, once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

let t: TestApp;
let url: string;
let scratch: string;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
  expect(project.status).toBe(201);
  projectId = project.body.id;
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-migrations-upload-'));
  fs.mkdirSync(path.join(scratch, 'migrations'));
  fs.writeFileSync(
    path.join(scratch, 'migrations', '001_orders_status.sql'),
    "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\nCREATE INDEX IF NOT EXISTS orders_status ON orders (status);\n",
  );
});

afterAll(async () => {
  await t?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('shipshape migrations upload', () => {
  it('records a lint run whose findings become risks once, and exits 1 on errors', async () => {
    const first = await runCli(
      url,
      t.owner,
      ['migrations', 'upload', 'migrations', '--project', 'pay', '--commit', 'a1b2c3d4e5f6', '--json'],
      scratch,
    );
    expect(first.code, first.stderr).toBe(1);
    expect(first.json).toMatchObject({
      report: { summary: { files: 1, errors: 1 } },
      risks: { created: 1, alreadyOpen: 0 },
    });

    const again = await runCli(
      url,
      t.owner,
      ['migrations', 'upload', 'migrations', '--project', 'PAY'],
      scratch,
    );
    expect(again.stdout).toMatch(/1 files, 1 errors, 0 warnings; 0 new risks, 1 already open/);

    const risks = await t.owner.get(`/api/v1/projects/${projectId}/plan/database-migrations/migration-risks`);
    expect(
      risks.body.data.map((risk: { ruleId: string; migrationFile: string; line: number }) => [
        risk.ruleId,
        risk.migrationFile,
        risk.line,
      ]),
    ).toEqual([['require-concurrent-index-creation', 'migrations/001_orders_status.sql', 3]]);
    const runs = await t.owner.get(`/api/v1/projects/${projectId}/migrations/lint-runs`);
    expect(runs.body.data).toHaveLength(2);
    expect(runs.body.data.map((run: { commitSha: string | null }) => run.commitSha).sort()).toEqual([
      'a1b2c3d4e5f6',
      null,
    ]);
  });

  it('refuses an unknown project and an empty folder with a one-line reason', async () => {
    const unknown = await runCli(
      url,
      t.owner,
      ['migrations', 'upload', 'migrations', '--project', 'NOPE'],
      scratch,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toMatch(/no project with key NOPE/);
    fs.mkdirSync(path.join(scratch, 'empty'), { recursive: true });
    const empty = await runCli(url, t.owner, ['migrations', 'upload', 'empty', '--project', 'PAY'], scratch);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim()).toBe('shipshape: no migration files found to upload');
  });
});
