// `shipshape demo seed` and `shipshape plan …` as a user runs them, against a live test server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

describe('shipshape demo seed and plan', () => {
  it('seeds a payments service with complete areas and gaps, once', async () => {
    const first = await runCli(url, t.owner, ['demo', 'seed', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({ key: 'PAY', created: true });
    const areas = new Map(
      first.json.scorecard.areas.map((area: { slug: string; level: string | null }) => [area.slug, area]),
    );
    expect(areas.get('background-jobs')).toMatchObject({ level: 'gold' });
    expect(areas.get('third-party-apis')).toMatchObject({ level: 'gold' });
    expect(areas.get('database-migrations')).toMatchObject({ level: 'gold' });
    expect(areas.get('feature-flags')).toMatchObject({ level: 'bronze' });
    expect(areas.get('caching')).toMatchObject({ level: 'bronze' });
    expect(areas.get('real-time')).toMatchObject({ applicable: false });

    const again = await runCli(url, t.owner, ['demo', 'seed', '--json']);
    expect(again.json).toMatchObject({ key: 'PAY', created: false });
  });

  it('exports the plan as Markdown for agents, gaps first', async () => {
    await runCli(url, t.owner, ['demo', 'seed']);
    const answer = await runCli(url, t.owner, ['plan', 'export', '--project', 'PAY', '--format', 'md']);
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toMatch(/^# Production-readiness plan: Payments service \(PAY\)/);
    const gaps = answer.stdout.indexOf('## Readiness gaps');
    const jobs = answer.stdout.indexOf('## 9. Background jobs');
    expect(gaps).toBeGreaterThan(0);
    expect(jobs).toBeGreaterThan(gaps);
    expect(answer.stdout).toContain('`flags.owner-kill-switch-removal-date`');
    expect(answer.stdout).toContain('Store amounts as integer minor units');
    expect(answer.stdout).toMatch(/- PRD `[0-9a-f-]{36}` Refunds v2 \(revision 1\)/);
  });

  it('writes the JSON export to a file, and prints the readiness', async () => {
    await runCli(url, t.owner, ['demo', 'seed']);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-export-')), 'plan.json');
    const exported = await runCli(url, t.owner, [
      'plan',
      'export',
      '--project',
      'PAY',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const plan = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(plan.project).toMatchObject({ key: 'PAY' });
    expect(plan.gaps.length).toBeGreaterThan(0);
    const readiness = await runCli(url, t.owner, ['plan', 'readiness', '--project', 'PAY']);
    expect(readiness.stdout).toMatch(/Background jobs\s+gold/);
  });

  it('fails with a one-line reason for an unknown project', async () => {
    const answer = await runCli(url, t.owner, ['plan', 'export', '--project', 'NOPE']);
    expect(answer.code).toBe(1);
    expect(answer.stderr.trim()).toBe('shipshape: no project with key NOPE in this workspace');
  });
});
