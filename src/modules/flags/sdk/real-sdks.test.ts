import { OFREPProvider } from '@openfeature/ofrep-provider';
import { type Client, OpenFeature } from '@openfeature/server-sdk';
import { InMemStorageProvider, Unleash, UnleashEvents } from 'unleash-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompiledSnapshot,
  compileSnapshot,
  type Evaluation,
  evaluateFlag,
} from '../../../engines/flag-eval/index.ts';
import { createTestApp, type TestApp } from '../../../test-support/app.ts';
import { loadSnapshot } from '../snapshot.ts';
import { flagProject, generatedContexts, richFlagSet, richSegment } from './test-helpers.ts';

// The acceptance: the real SDKs, pointed at a Shipshape server listening on 127.0.0.1,
// answer exactly what Shipshape's own engine answers, and see a change at their next poll.

let t: TestApp;
let baseUrl: string;
let project: Awaited<ReturnType<typeof flagProject>>;
let serverKey: string;
let compiled: CompiledSnapshot;
const flags = richFlagSet(0).map((flag) => flag.key);
const contexts = generatedContexts(2_000);
const on = (evaluation: Evaluation) => ['STATIC', 'TARGETING_MATCH', 'SPLIT'].includes(evaluation.reason);

beforeAll(async () => {
  t = await createTestApp();
  project = await flagProject(t.owner);
  const segmentId = await project.createSegment(richSegment.name, richSegment.constraints);
  for (const flag of richFlagSet(segmentId)) await project.createFlag(flag);
  serverKey = (await project.createSdkKey('server')).secret;
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const environment = await t.owner.get(`${project.base}/flag-environments`);
  const production = environment.body.data.find((row: { key: string }) => row.key === 'production');
  compiled = compileSnapshot(
    await t.services.tenancy.bind(t.owner.workspaceId).read((db) => loadSnapshot(db, production.id)),
  );
});

afterAll(async () => {
  await t.close();
});

function startUnleash(refreshInterval: number): Promise<Unleash> {
  const unleash = new Unleash({
    url: `${baseUrl}/api/`,
    appName: 'equivalence-test',
    customHeaders: { Authorization: serverKey },
    refreshInterval,
    disableMetrics: true,
    storageProvider: new InMemStorageProvider(),
    skipInstanceCountWarning: true,
  });
  return new Promise((resolve, reject) => {
    unleash.once(UnleashEvents.Synchronized, () => resolve(unleash));
    unleash.once(UnleashEvents.Error, (error) => {
      unleash.destroy();
      reject(error);
    });
  });
}

describe('the Unleash Node SDK against Shipshape', () => {
  it('answers isEnabled and getVariant exactly as the engine does, for 2,000 contexts', async () => {
    const unleash = await startUnleash(60_000);
    try {
      const differences: string[] = [];
      for (const context of contexts) {
        for (const flag of flags) {
          const expected = evaluateFlag(compiled, flag, context);
          const enabled = unleash.isEnabled(flag, context);
          if (enabled !== on(expected))
            differences.push(
              `${flag} ${JSON.stringify(context)}: isEnabled ${enabled}, engine ${expected.reason}`,
            );
          const variant = unleash.getVariant(flag, context);
          const flagHasVariants = typeof expected.value !== 'boolean';
          if (!flagHasVariants) continue;
          const expectedVariant = on(expected) ? expected.variant : 'disabled';
          if (variant.name !== expectedVariant)
            differences.push(
              `${flag} ${JSON.stringify(context)}: variant ${variant.name}, engine ${expectedVariant}`,
            );
          if (on(expected) && String(variant.payload?.value) !== String(expected.value))
            differences.push(`${flag}: payload ${variant.payload?.value}, engine ${expected.value}`);
        }
      }
      expect(differences.slice(0, 20)).toEqual([]);
      // The set exercises every outcome: on and off for each rollout, every colour.
      const outcomes = new Set(contexts.map((context) => unleash.getVariant('banner-colour', context).name));
      expect([...outcomes].sort()).toEqual(['blue', 'green', 'red']);
    } finally {
      unleash.destroy();
    }
  });

  it('sees a change made through the management API at its next poll', async () => {
    const unleash = await startUnleash(100);
    try {
      expect(unleash.isEnabled('switched-off', contexts[0])).toBe(false);
      const changed = new Promise<void>((resolve) => unleash.once(UnleashEvents.Changed, () => resolve()));
      const patched = await t.owner.patch(`${project.base}/flags/switched-off/environments/production`, {
        enabled: true,
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      await changed;
      expect(unleash.isEnabled('switched-off', contexts[0])).toBe(true);
    } finally {
      unleash.destroy();
      await t.owner.patch(`${project.base}/flags/switched-off/environments/production`, { enabled: false });
    }
  });
});

describe('the OpenFeature server SDK with the OFREP provider against Shipshape', () => {
  let client: Client;
  beforeAll(async () => {
    await OpenFeature.setProviderAndWait(
      'shipshape',
      new OFREPProvider({ baseUrl, headers: { Authorization: `Bearer ${serverKey}` } }),
    );
    client = OpenFeature.getClient('shipshape');
  });
  afterAll(async () => {
    await OpenFeature.close();
  });

  it('gives the engine’s values for boolean, string and number flags', async () => {
    const differences: string[] = [];
    // Every context, over HTTP: a few flags each, in parallel batches.
    const sample = contexts.slice(0, 500);
    for (let start = 0; start < sample.length; start += 25) {
      await Promise.all(
        sample.slice(start, start + 25).map(async (context) => {
          const flat = { targetingKey: context.userId, sessionId: context.sessionId, ...context.properties };
          const checks: [string, unknown, Promise<unknown>][] = [
            [
              'checkout-v2',
              evaluateFlag(compiled, 'checkout-v2', context).value,
              client.getBooleanValue('checkout-v2', false, flat),
            ],
            [
              'gradual-25',
              evaluateFlag(compiled, 'gradual-25', context).value,
              client.getBooleanValue('gradual-25', false, flat),
            ],
            [
              'new-dashboard',
              evaluateFlag(compiled, 'new-dashboard', context).value,
              client.getBooleanValue('new-dashboard', false, flat),
            ],
            [
              'banner-colour',
              evaluateFlag(compiled, 'banner-colour', context).value,
              client.getStringValue('banner-colour', 'none', flat),
            ],
            [
              'discount-percent',
              evaluateFlag(compiled, 'discount-percent', context).value,
              client.getNumberValue('discount-percent', -1, flat),
            ],
          ];
          for (const [flag, expected, answer] of checks) {
            const value = await answer;
            if (value !== expected)
              differences.push(`${flag} ${JSON.stringify(flat)}: ${value}, engine ${expected}`);
          }
        }),
      );
    }
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it('reports an unknown flag as FLAG_NOT_FOUND and serves the default', async () => {
    const details = await client.getBooleanDetails('no-such-flag', true, { targetingKey: 'u1' });
    expect(details.value).toBe(true);
    expect(details.errorCode).toBe('FLAG_NOT_FOUND');
  });
});
