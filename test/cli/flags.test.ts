// A release as a team runs it from the terminal or CI with `shipshape flags …`, against a live
// test server: create a flag, give it rules, turn it on, check who gets it, and kill it.
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
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-flags-'));
  fs.writeFileSync(
    path.join(scratch, 'rules.yaml'),
    [
      'rules:',
      '  - id: europe',
      '    constraints:',
      '      - contextName: country',
      '        operator: IN',
      '        values: [FR, DE]',
      '    segments: []',
      '    rollout: 100',
      '    stickiness: default',
      "    groupId: ''",
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await t?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('shipshape flags: a release from creation to kill', () => {
  it(
    'creates a flag, sets its rules, turns it on in production with --yes, previews it and kills it',
    async () => {
      const created = await flags(
        'create',
        'new-checkout',
        '--kind',
        'release',
        '--owner',
        'payments',
        '--removal-date',
        '2027-03-31',
        '--critical',
        '--json',
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.json).toMatchObject({
        key: 'new-checkout',
        kind: 'release',
        valueType: 'boolean',
        owner: 'payments',
        critical: true,
      });
      expect(created.json.environments.map((config: { environment: string }) => config.environment)).toEqual([
        'development',
        'staging',
        'production',
      ]);

      const set = await flags('set', 'new-checkout', '--env', 'production', '--file', 'rules.yaml');
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toMatch(
        /^Saved new-checkout in production of PAY \(version \d+\):\n {2}production \(production\): off/,
      );
      expect(set.stdout).toContain('rule europe: country IN FR,DE, 100% by default');

      const refused = await flags('on', 'new-checkout', '--env', 'production');
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(
        'shipshape: this changes a production environment: add --yes to confirm when not on a terminal',
      );
      const staging = await flags('on', 'new-checkout', '--env', 'staging');
      expect(staging.code, staging.stderr).toBe(0);
      expect(staging.stdout.trim()).toBe('new-checkout is on in staging of PAY.');
      const on = await flags('on', 'new-checkout', '--env', 'production', '--yes', '--json');
      expect(on.code, on.stderr).toBe(0);
      expect(on.json).toMatchObject({ environment: 'production', enabled: true });

      const french = await flags(
        'eval',
        'new-checkout',
        '--env',
        'production',
        '--context',
        '{"userId":"42","country":"FR"}',
        '--json',
      );
      expect(french.code, french.stderr).toBe(0);
      expect(french.json).toMatchObject({
        key: 'new-checkout',
        value: true,
        reason: 'TARGETING_MATCH',
        ruleId: 'europe',
      });
      const american = await flags(
        'eval',
        'new-checkout',
        '--env',
        'production',
        '--context',
        '{"userId":"42","country":"US"}',
      );
      expect(american.stdout).toMatch(/new-checkout\s+false\s+\S+\s+DEFAULT/);

      const rollout = await flags('rollout', 'new-checkout', '--env', 'production', '--percent', '0.05');
      expect(rollout.code, rollout.stderr).toBe(0);
      expect(rollout.stdout.trim()).toBe(
        'Rule europe of new-checkout now admits 0.05% in production of PAY.',
      );
      const list = await flags('list', '--env', 'production');
      expect(list.stdout).toMatch(/new-checkout\s+release\s+boolean\s+payments\s+on 0\.05%\s+critical/);

      const killed = await flags('kill', 'new-checkout', '--reason', 'checkout errors at 5%', '--json');
      expect(killed.code, killed.stderr).toBe(0);
      expect(killed.json.lastKilledAt).toEqual(expect.any(String));
      expect(killed.json.environments.every((config: { enabled: boolean }) => !config.enabled)).toBe(true);
      const shown = await flags('show', 'new-checkout');
      expect(shown.stdout).toMatch(/^new-checkout: release flag, boolean/);
      expect(shown.stdout).toMatch(/last killed \d{4}-/);
      expect(shown.stdout).toMatch(/production \(production\): off/);
    },
    commandsTimeout,
  );

  it(
    'refuses a prerequisite cycle, naming it',
    async () => {
      for (const key of ['payments-api', 'refunds-ui'])
        expect((await flags('create', key, '--kind', 'release')).code).toBe(0);
      const needs = await flags('prerequisites', 'refunds-ui', '--requires', 'payments-api=true');
      expect(needs.code, needs.stderr).toBe(0);
      expect(needs.stdout.trim()).toBe('refunds-ui is on only when payments-api is true.');
      const cycle = await flags('prerequisites', 'payments-api', '--requires', 'refunds-ui=true');
      expect(cycle.code).toBe(1);
      expect(cycle.stderr).toMatch(/^shipshape: 409 .*payments-api → refunds-ui → payments-api/);
      expect(cycle.stderr.trim().split('\n')).toHaveLength(1);
    },
    commandsTimeout,
  );

  it(
    'answers --json with the API shapes',
    async () => {
      const created = await flags(
        'create',
        'dark-mode',
        '--kind',
        'experiment',
        '--type',
        'string',
        '--variant',
        'dark',
        '--variant',
        'light=#fff',
      );
      expect(created.code, created.stderr).toBe(0);
      const list = await flags('list', '--json');
      expect(list.code, list.stderr).toBe(0);
      const darkMode = list.json.find((flag: { key: string }) => flag.key === 'dark-mode');
      expect(darkMode).toMatchObject({
        kind: 'experiment',
        valueType: 'string',
        environments: expect.any(Array),
      });
      expect(darkMode.environments[0]).toMatchObject({
        environment: 'development',
        enabled: false,
        version: expect.any(Number),
      });
      const shown = await flags('show', 'dark-mode', '--json');
      expect(shown.json).toMatchObject({ key: 'dark-mode', prerequisites: [] });
      const metrics = await flags('metrics', 'dark-mode', '--env', 'production', '--json');
      expect(metrics.code, metrics.stderr).toBe(0);
      expect(metrics.json).toMatchObject({ series: [], totals: [] });
    },
    commandsTimeout,
  );

  it(
    'fails with a one-line reason for an unknown flag or environment',
    async () => {
      const unknown = await flags('show', 'no-such-flag');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/^shipshape: 404 /);
      const environment = await flags('on', 'dark-mode', '--env', 'qa');
      expect(environment.code).toBe(1);
      expect(environment.stderr.trim()).toBe(
        'shipshape: dark-mode has no environment qa (it has development, staging, production)',
      );
    },
    commandsTimeout,
  );
});
