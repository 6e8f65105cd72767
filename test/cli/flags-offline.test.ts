// `shipshape flags evaluate` and `shipshape flags scan` need no server: the engine runs on a
// snapshot file, and the scanner reads a folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyPattern, referencesIn } from '../../src/cli/flag-scan.ts';
import { runShipshape } from './cli-support.ts';

let scratch: string;

const snapshot = {
  environment: 'production',
  segments: [
    { id: 1, name: 'beta testers', constraints: [{ contextName: 'beta', operator: 'IN', values: ['yes'] }] },
  ],
  flags: [
    {
      key: 'new-checkout',
      type: 'boolean',
      enabled: true,
      rules: [
        {
          id: 'beta',
          constraints: [{ contextName: 'country', operator: 'IN', values: ['FR', 'DE'] }],
          segments: [1],
          rollout: 100,
          stickiness: 'default',
          groupId: '',
        },
      ],
      variants: [],
      defaultValue: false,
      prerequisites: [],
    },
    {
      key: 'checkout-theme',
      type: 'string',
      enabled: true,
      rules: [],
      variants: [{ name: 'dark', value: 'dark', weight: 1000 }],
      defaultValue: 'light',
      prerequisites: [{ flagKey: 'new-checkout', value: true }],
    },
    {
      key: 'legacy-export',
      type: 'boolean',
      enabled: false,
      rules: [],
      variants: [],
      defaultValue: false,
      prerequisites: [],
    },
  ],
};

const run = (args: string[]) => runShipshape({ ...process.env, NO_COLOR: '1' }, args, scratch);

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-flags-offline-'));
  fs.writeFileSync(path.join(scratch, 'snapshot.json'), JSON.stringify(snapshot));
  fs.writeFileSync(
    path.join(scratch, 'beta-user.json'),
    JSON.stringify({ userId: '42', country: 'FR', beta: 'yes' }),
  );
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(scratch, 'app', file)), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'app', file), text);
  };
  write(
    'src/checkout.ts',
    "if (flags.isEnabled('new-checkout')) {\n  theme = flags.getString('checkout-theme', 'light');\n}\n",
  );
  write('src/legacy.py', 'if client.is_enabled("new-checkout-v2"):\n    pass\n');
  write('node_modules/sdk/index.js', "isEnabled('new-checkout')\n");
  write('dist/bundle.js', "isEnabled('new-checkout')\n");
  write('logo.png', 'new-checkout');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('shipshape flags evaluate', () => {
  it('evaluates one flag on a snapshot file: value, variant, reason and rule', async () => {
    const answer = await run([
      'flags',
      'evaluate',
      '--snapshot',
      'snapshot.json',
      '--flag',
      'new-checkout',
      '--context',
      '{"userId":"42","country":"FR","beta":"yes"}',
      '--json',
    ]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.json).toMatchObject({
      key: 'new-checkout',
      value: true,
      reason: 'TARGETING_MATCH',
      ruleId: 'beta',
    });

    const text = await run([
      'flags',
      'evaluate',
      '--snapshot',
      'snapshot.json',
      '--flag',
      'new-checkout',
      '--context',
      '{"userId":"7","country":"US"}',
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /^FLAG\s+VALUE\s+VARIANT\s+REASON\s+RULE\nnew-checkout\s+false\s+\S+\s+DEFAULT/,
    );
  });

  it('evaluates every flag of the snapshot for a context read from a file', async () => {
    const answer = await run([
      'flags',
      'evaluate',
      '--snapshot',
      'snapshot.json',
      '--context-file',
      'beta-user.json',
      '--json',
    ]);
    expect(answer.code, answer.stderr).toBe(0);
    const byKey = Object.fromEntries(
      answer.json.evaluations.map((evaluation: { key: string }) => [evaluation.key, evaluation]),
    );
    expect(answer.json.environment).toBe('production');
    expect(byKey['checkout-theme']).toMatchObject({ value: 'dark', variant: 'dark', reason: 'STATIC' });
    expect(byKey['legacy-export']).toMatchObject({ value: false, reason: 'DISABLED' });

    const outsider = await run([
      'flags',
      'evaluate',
      '--snapshot',
      'snapshot.json',
      '--flag',
      'checkout-theme',
      '--json',
    ]);
    expect(outsider.json).toMatchObject({
      value: 'light',
      reason: 'PREREQUISITE_FAILED',
      failedPrerequisite: 'new-checkout',
    });
  });

  it('fails with a one-line reason for an unknown flag, a bad context and a file that is no snapshot', async () => {
    const unknown = await run(['flags', 'evaluate', '--snapshot', 'snapshot.json', '--flag', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('shipshape: no flag nope in the production snapshot (snapshot.json)');
    const badContext = await run([
      'flags',
      'evaluate',
      '--snapshot',
      'snapshot.json',
      '--context',
      '{userId',
    ]);
    expect(badContext.code).toBe(1);
    expect(badContext.stderr.trim()).toMatch(/^shipshape: --context is not JSON: /);
    const notSnapshot = await run(['flags', 'evaluate', '--snapshot', 'beta-user.json']);
    expect(notSnapshot.code).toBe(1);
    expect(notSnapshot.stderr.trim()).toBe(
      'shipshape: beta-user.json is not an environment snapshot: it needs "environment" and "flags"',
    );
  });
});

describe('shipshape flags scan', () => {
  it('finds each key where the code reads it, skipping dependencies, build output and non-source files', async () => {
    const answer = await run([
      'flags',
      'scan',
      'app',
      '--keys',
      'new-checkout,checkout-theme,legacy-export',
      '--json',
    ]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.json.references).toEqual([
      {
        flagKey: 'new-checkout',
        path: 'src/checkout.ts',
        line: 1,
        excerpt: "if (flags.isEnabled('new-checkout')) {",
      },
      {
        flagKey: 'checkout-theme',
        path: 'src/checkout.ts',
        line: 2,
        excerpt: "theme = flags.getString('checkout-theme', 'light');",
      },
    ]);
    expect(answer.json.withoutReferences).toEqual(['legacy-export']);

    const text = await run(['flags', 'scan', 'app', '--keys', 'new-checkout,legacy-export']);
    expect(text.stdout).toBe(
      [
        'new-checkout: 1 reference',
        "  src/checkout.ts:1  if (flags.isEnabled('new-checkout')) {",
        'legacy-export: no references',
        '1 reference to 1 of 2 flags in 2 source files.',
        '',
      ].join('\n'),
    );
  });

  it('needs keys or a project to know what to look for', async () => {
    const answer = await run(['flags', 'scan', 'app']);
    expect(answer.code).toBe(1);
    expect(answer.stderr.trim()).toBe(
      'shipshape: give --keys a,b,c or --project P to know which flags to look for',
    );
  });

  it('matches whole keys only, longest first', () => {
    const pattern = keyPattern(['checkout', 'checkout-v2', 'a.b']);
    const found = (line: string) => referencesIn(line, 'x.ts', pattern).map((reference) => reference.flagKey);
    expect(found("isEnabled('checkout')")).toEqual(['checkout']);
    expect(found("isEnabled('checkout-v2')")).toEqual(['checkout-v2']);
    expect(found('const checkoutTotal = 1; my_checkout; checkout_flow')).toEqual([]);
    expect(found('flags["a.b"] || axb')).toEqual(['a.b']);
  });
});
