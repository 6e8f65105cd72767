// The chores around running flags, from the terminal or CI: recording where the code reads them so
// stale flags come with what to delete, SDK keys for applications, and scheduled rollouts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { listen, runCli } from './cli-support.ts';

/** Each command is a child process that loads the CLI afresh; one test runs a dozen of them. */
const commandsTimeout = 180_000;

let t: TestApp;
let url: string;
let scratch: string;

const flags = (...args: string[]) => runCli(url, t.owner, ['flags', ...args, '--project', 'PAY'], scratch);

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  const project = await t.owner.post('/api/v1/projects', { name: 'Payments', key: 'PAY' });
  expect(project.status).toBe(201);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-flags-operations-'));
  fs.mkdirSync(path.join(scratch, 'src'));
  fs.writeFileSync(
    path.join(scratch, 'src', 'refunds.ts'),
    "export const refundsV2 = () => flags.isEnabled('old-refunds');\n// old-refunds-report is another flag\n",
  );
  fs.writeFileSync(
    path.join(scratch, 'rules.json'),
    JSON.stringify({
      rules: [
        { id: 'everyone', constraints: [], segments: [], rollout: 0, stickiness: 'default', groupId: '' },
      ],
    }),
  );
});

afterAll(async () => {
  await t?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('shipshape flags scan --upload and flags stale', () => {
  it(
    "uploads the references of the project's flags, which the stale list then shows",
    async () => {
      const created = await flags(
        'create',
        'old-refunds',
        '--kind',
        'release',
        '--owner',
        'payments',
        '--removal-date',
        '2025-01-31',
      );
      expect(created.code, created.stderr).toBe(0);
      await flags('create', 'old-refunds-report', '--kind', 'release');

      const scan = await flags('scan', '.', '--upload', '--commit', 'a1b2c3d', '--json');
      expect(scan.code, scan.stderr).toBe(0);
      expect(scan.json.references).toEqual([
        {
          flagKey: 'old-refunds',
          path: 'src/refunds.ts',
          line: 1,
          excerpt: "export const refundsV2 = () => flags.isEnabled('old-refunds');",
        },
        {
          flagKey: 'old-refunds-report',
          path: 'src/refunds.ts',
          line: 2,
          excerpt: '// old-refunds-report is another flag',
        },
      ]);
      expect(scan.json.uploaded).toEqual({ count: 2 });

      const stale = await flags('stale', '--json');
      expect(stale.code, stale.stderr).toBe(0);
      const oldRefunds = stale.json.find((flag: { key: string }) => flag.key === 'old-refunds');
      expect(oldRefunds.reasons).toContain('past-removal-date');
      expect(oldRefunds.codeReferences).toEqual([
        expect.objectContaining({ path: 'src/refunds.ts', line: 1 }),
      ]);
      const text = await flags('stale');
      expect(text.stdout).toMatch(/old-refunds: .*past its removal date \(removal date 2025-01-31/);
      expect(text.stdout).toContain(
        "  src/refunds.ts:1  export const refundsV2 = () => flags.isEnabled('old-refunds');",
      );
    },
    commandsTimeout,
  );
});

describe('shipshape flags keys', () => {
  it(
    'prints a new key once with a warning, lists it without its secret, and revokes it',
    async () => {
      await flags('create', 'search-v2', '--kind', 'release');
      const created = await flags(
        'keys',
        'create',
        '--env',
        'production',
        '--kind',
        'client',
        '--name',
        'web app',
      );
      expect(created.code, created.stderr).toBe(0);
      const secret = /shp_cli_[A-Za-z0-9_-]+/.exec(created.stdout)?.[0];
      expect(secret).toBeDefined();
      expect(created.stdout).toContain('it is not shown again');

      const list = await flags('keys', 'list', '--env', 'production', '--json');
      expect(list.code, list.stderr).toBe(0);
      expect(list.json).toEqual([expect.objectContaining({ name: 'web app', kind: 'client' })]);
      expect(list.stdout).not.toContain(secret);

      const revoked = await flags('keys', 'revoke', list.json[0].id);
      expect(revoked.code, revoked.stderr).toBe(0);
      const after = await flags('keys', 'list', '--json');
      expect(after.json[0].revokedAt).toEqual(expect.any(String));
    },
    commandsTimeout,
  );
});

describe('shipshape flags ramp', () => {
  it(
    "schedules a rule's rollout steps in time order, and refuses a step that is not TIME=PERCENT",
    async () => {
      await flags('create', 'fast-search', '--kind', 'release');
      expect((await flags('set', 'fast-search', '--env', 'staging', '--file', 'rules.json')).code).toBe(0);
      const ramp = await flags(
        'ramp',
        'fast-search',
        '--env',
        'staging',
        '--steps',
        '2036-12-11T09:00Z=10,2036-12-10T09:00Z=0.5,2036-12-12T09:00Z=100',
      );
      expect(ramp.code, ramp.stderr).toBe(0);
      expect(ramp.stdout).toBe(
        [
          'Scheduled 3 steps for rule everyone of fast-search in staging of PAY:',
          '  2036-12-10T09:00:00.000Z  0.5%',
          '  2036-12-11T09:00:00.000Z  10%',
          '  2036-12-12T09:00:00.000Z  100%',
          '',
        ].join('\n'),
      );
      const bad = await flags('ramp', 'fast-search', '--env', 'staging', '--steps', 'tomorrow=10');
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim()).toBe('shipshape: --steps: "tomorrow" is not a time');
    },
    commandsTimeout,
  );
});
