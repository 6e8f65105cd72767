/**
 * The engine against the real unleash-client: a snapshot that uses every operator, segments, rollouts,
 * rule and flag variants, overrides, single-level prerequisites and several stickiness fields is
 * converted with toUnleashFeatures, bootstrapped into the SDK in-process (no network: polling is off), and
 * for thousands of generated ASCII contexts the SDK's isEnabled and getVariant must equal evaluateFlag.
 */
import { InMemStorageProvider, Unleash } from 'unleash-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Constraint,
  compileSnapshot,
  type EnvironmentSnapshot,
  type Evaluation,
  type EvaluationContext,
  evaluateFlag,
  type FlagDefinition,
  type TargetingRule,
  toUnleashFeatures,
} from './index.ts';

function rule(id: string, constraints: Constraint[], extra: Partial<TargetingRule> = {}): TargetingRule {
  return { id, constraints, segments: [], rollout: 100, stickiness: 'default', groupId: '', ...extra };
}

function booleanFlag(
  key: string,
  rules: TargetingRule[],
  extra: Partial<FlagDefinition> = {},
): FlagDefinition {
  return {
    key,
    type: 'boolean',
    enabled: true,
    rules,
    variants: [],
    defaultValue: false,
    prerequisites: [],
    ...extra,
  };
}

const colours = [
  { name: 'red', value: 'red', weight: 500 },
  { name: 'green', value: 'green', weight: 300 },
  { name: 'blue', value: 'blue', weight: 200 },
];

const past = '2001-01-01T00:00:00.000Z';
const future = '2099-01-01T00:00:00.000Z';
const middle = '2030-06-01T00:00:00.000Z';

const snapshot: EnvironmentSnapshot = {
  environment: 'production',
  segments: [
    {
      id: 1,
      name: 'beta testers',
      constraints: [{ contextName: 'plan', operator: 'IN', values: ['pro', 'team'] }],
    },
    { id: 2, name: 'adults', constraints: [{ contextName: 'age', operator: 'NUM_GTE', value: '18' }] },
  ],
  flags: [
    booleanFlag('in-list', [
      rule('r1', [{ contextName: 'userId', operator: 'IN', values: ['u1', ' u2 ', 'u3', ''] }]),
    ]),
    booleanFlag('not-in', [
      rule('r1', [{ contextName: 'country', operator: 'NOT_IN', values: ['NO', 'SE'] }]),
    ]),
    booleanFlag('inverted-in', [
      rule('r1', [{ contextName: 'country', operator: 'IN', values: ['NO', 'DK'], inverted: true }]),
    ]),
    booleanFlag('strings', [
      rule('starts', [
        { contextName: 'email', operator: 'STR_STARTS_WITH', values: ['ADMIN'], caseInsensitive: true },
      ]),
      rule('ends', [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'] }]),
      rule(
        'contains',
        [{ contextName: 'email', operator: 'STR_CONTAINS', values: ['Test'], inverted: true }],
        {
          rollout: 25,
        },
      ),
    ]),
    booleanFlag('numbers', [
      rule('eq', [{ contextName: 'age', operator: 'NUM_EQ', value: '42' }]),
      rule('range', [
        { contextName: 'age', operator: 'NUM_GT', value: '20' },
        { contextName: 'age', operator: 'NUM_LTE', value: '30.5' },
      ]),
      rule('edges', [
        { contextName: 'score', operator: 'NUM_GTE', value: '-1.5' },
        { contextName: 'score', operator: 'NUM_LT', value: '3' },
      ]),
    ]),
    booleanFlag('dates', [
      rule('after', [{ contextName: 'currentTime', operator: 'DATE_AFTER', value: middle }]),
      rule('before', [{ contextName: 'currentTime', operator: 'DATE_BEFORE', value: past, inverted: true }], {
        rollout: 50,
      }),
    ]),
    booleanFlag('versions', [
      rule('eq', [{ contextName: 'appVersion', operator: 'SEMVER_EQ', value: '2.0.0' }]),
      rule('gt', [{ contextName: 'appVersion', operator: 'SEMVER_GT', value: '3.1.0-beta.2' }]),
      rule('lt', [{ contextName: 'appVersion', operator: 'SEMVER_LT', value: '1.0.0' }], { rollout: 60 }),
    ]),
    booleanFlag('patterns', [
      rule('regex', [{ contextName: 'email', operator: 'REGEX', value: '^[a-c].*@corp\\.(io|dev)$' }]),
      rule('regex-i', [
        { contextName: 'userId', operator: 'REGEX', value: 'U[0-9]+7$', caseInsensitive: true },
      ]),
    ]),
    booleanFlag('segmented', [rule('r1', [], { segments: [1, 2], rollout: 80 })]),
    booleanFlag('rollout-25', [rule('r1', [], { rollout: 25 })]),
    booleanFlag('rollout-0', [rule('r1', [], { rollout: 0 })]),
    booleanFlag('rollout-100', [rule('r1', [], { rollout: 100 })]),
    booleanFlag('by-tenant', [rule('r1', [], { rollout: 50, stickiness: 'tenant', groupId: 'tenants' })]),
    booleanFlag('by-session', [rule('r1', [], { rollout: 33, stickiness: 'sessionId' })]),
    booleanFlag('always-on', []),
    booleanFlag('switched-off', [], { enabled: false }),
    booleanFlag('boolean-variants', [rule('r1', [], { rollout: 70 })], {
      variants: [
        { name: 'treatment', value: true, weight: 1 },
        { name: 'control', value: true, weight: 1 },
      ],
    }),
    {
      key: 'banner',
      type: 'string',
      enabled: true,
      rules: [
        rule('pro', [{ contextName: 'plan', operator: 'IN', values: ['pro'] }], {
          variants: [
            { name: 'gold', value: 'gold', weight: 1, stickiness: 'tenant' },
            { name: 'silver', value: 'silver', weight: 3 },
          ],
          stickiness: 'tenant',
          rollout: 90,
        }),
        rule('everyone', [], { rollout: 75 }),
      ],
      variants: [
        { ...colours[0], overrides: [{ contextName: 'userId', values: ['u5', 'u6'] }] },
        colours[1],
        { ...colours[2], overrides: [{ contextName: 'country', values: ['DK'] }] },
      ] as FlagDefinition['variants'],
      defaultValue: 'none',
      prerequisites: [],
    },
    {
      key: 'limits',
      type: 'number',
      enabled: true,
      rules: [],
      variants: [
        // Sticky on the default fields: a custom field a context lacks would make the SDK choose at random.
        { name: 'low', value: 10, weight: 1, overrides: [{ contextName: 'appVersion', values: ['nope'] }] },
        { name: 'high', value: 1000.5, weight: 2 },
      ],
      defaultValue: 0,
      prerequisites: [],
    },
    {
      key: 'layout',
      type: 'json',
      enabled: true,
      rules: [rule('r1', [{ contextName: 'country', operator: 'IN', values: ['NO', 'DK', 'FI'] }])],
      variants: [
        { name: 'grid', value: { columns: 3, dense: true }, weight: 40 },
        { name: 'list', value: ['a', 'b'], weight: 60 },
        { name: 'unused', value: null, weight: 0 },
      ],
      defaultValue: {},
      prerequisites: [],
    },
    booleanFlag('needs-rollout', [], { prerequisites: [{ flagKey: 'rollout-25', value: true }] }),
    booleanFlag('needs-rollout-off', [rule('r1', [], { rollout: 50 })], {
      prerequisites: [{ flagKey: 'rollout-25', value: false }],
    }),
    booleanFlag('needs-gold-or-red', [], {
      prerequisites: [
        { flagKey: 'banner', value: 'red' },
        { flagKey: 'strings', value: true },
      ],
    }),
    booleanFlag('needs-missing', [], { prerequisites: [{ flagKey: 'no-such-flag', value: true }] }),
  ],
};

/** A small seeded generator (mulberry32), so the contexts are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateContexts(count: number): EvaluationContext[] {
  const random = seededRandom(20);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const maybe = <T>(value: T, chance = 0.7): T | undefined => (random() < chance ? value : undefined);
  return Array.from({ length: count }, (_, index) => {
    const userId = maybe(
      pick(['u1', 'u2', 'u3', 'u5', 'u6', 'U117', `user-${index}`, `user-${index}7`]),
      0.85,
    );
    const properties: Record<string, string | undefined> = {
      country: maybe(pick(['NO', 'SE', 'DK', 'FI', 'US', 'no'])),
      email: maybe(
        pick([
          'admin@x.io',
          'Admin@corp.dev',
          'bob@corp.io',
          'zed@example.com',
          'a-Test@corp.dev',
          'ted@corp.io',
        ]),
      ),
      age: maybe(pick(['17', '18', '21', '30', '30.5', '31', '42', 'abc', ''])),
      score: maybe(pick(['-2', '-1.5', '0', '2.99', '3', '1e0'])),
      appVersion: maybe(
        pick(['0.9.0', '1.0.0', '2.0.0', 'v2.0.0', '3.1.0-beta.10', '3.1.0', 'nope', '3.1.0-beta.1']),
      ),
      plan: maybe(pick(['free', 'pro', 'team'])),
      tenant: maybe(`tenant-${Math.floor(random() * 300)}`, 0.6),
    };
    const context: EvaluationContext = {
      appName: 'compat',
      environment: 'default',
      properties,
      sessionId:
        userId === undefined || random() < 0.5 ? `session-${Math.floor(random() * 100000)}` : undefined,
      remoteAddress: maybe(`10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`, 0.5),
      currentTime: maybe(pick([past, middle, future, '2030-06-01T00:00:00.001Z']), 0.8),
    };
    if (userId !== undefined) context.userId = userId;
    return context;
  });
}

interface UnleashView {
  enabled: boolean;
  variant: string;
  payload?: { type: string; value: string };
}

/** What the SDK should answer for the engine's evaluation of a flag. */
function expectedUnleashView(flag: FlagDefinition, evaluation: Evaluation): UnleashView {
  const on = ['STATIC', 'TARGETING_MATCH', 'SPLIT'].includes(evaluation.reason);
  const servedVariant =
    flag.type === 'boolean'
      ? flag.variants.length > 0 || (evaluation.variant !== 'on' && evaluation.variant !== 'off')
      : true;
  if (!on || !servedVariant || evaluation.variant === undefined) return { enabled: on, variant: 'disabled' };
  const view: UnleashView = { enabled: true, variant: evaluation.variant };
  if (flag.type === 'string') view.payload = { type: 'string', value: String(evaluation.value) };
  if (flag.type === 'number') view.payload = { type: 'number', value: String(evaluation.value) };
  if (flag.type === 'json') view.payload = { type: 'json', value: JSON.stringify(evaluation.value) };
  return view;
}

describe('the engine agrees with unleash-client', () => {
  let unleash: Unleash;
  const errors: unknown[] = [];

  beforeAll(async () => {
    // The payload goes in through the SDK's bootstrap, which carries segments as well as features.
    // With refreshInterval 0 the SDK's poller returns before fetching, so nothing leaves the process;
    // an 'error' event would still be recorded, and the test requires there are none.
    const payload = toUnleashFeatures(snapshot);
    unleash = new Unleash({
      url: 'http://127.0.0.1:9/',
      appName: 'compat',
      disableMetrics: true,
      refreshInterval: 0,
      skipInstanceCountWarning: true,
      storageProvider: new InMemStorageProvider(),
      bootstrap: { data: payload.features as never, segments: payload.segments as never },
    });
    unleash.on('error', (error) => errors.push(error));
    unleash.on('warn', () => {});
    await new Promise<void>((resolve) => unleash.once('ready', () => resolve()));
  });

  afterAll(() => unleash?.destroy());

  it('loaded every flag and every segment', () => {
    const loaded = unleash.getFeatureToggleDefinitions(true) ?? [];
    expect(loaded.map((feature) => feature.name).sort()).toEqual(
      snapshot.flags.map((flag) => flag.key).sort(),
    );
    const segmented = loaded.find((feature) => feature.name === 'segmented');
    expect(segmented?.strategies?.[0]?.segments?.map((segment) => segment?.id)).toEqual([1, 2]);
  });

  it('answers isEnabled and getVariant exactly as evaluateFlag for 6,000 contexts', () => {
    const compiled = compileSnapshot(snapshot);
    const contexts = generateContexts(6000);
    const mismatches: string[] = [];
    const seen = new Map<string, Set<string>>();
    for (const context of contexts) {
      for (const flag of snapshot.flags) {
        const evaluation = evaluateFlag(compiled, flag.key, context);
        const expected = expectedUnleashView(flag, evaluation);
        const variant = unleash.getVariant(flag.key, context as never);
        const actual: UnleashView = {
          enabled: unleash.isEnabled(flag.key, context as never),
          variant: variant.name,
        };
        if (variant.payload !== undefined)
          actual.payload = { type: variant.payload.type, value: String(variant.payload.value) };
        if (JSON.stringify(actual) !== JSON.stringify(expected) && mismatches.length < 10) {
          mismatches.push(
            `${flag.key} ${JSON.stringify(context)}: sdk ${JSON.stringify(actual)}, engine ${JSON.stringify(evaluation)}`,
          );
        }
        const outcomes = seen.get(flag.key) ?? new Set();
        outcomes.add(`${evaluation.reason}:${evaluation.variant ?? ''}`);
        seen.set(flag.key, outcomes);
      }
    }
    expect(mismatches).toEqual([]);
    expect(errors).toEqual([]);
    // The contexts exercise each flag both ways (not a vacuous agreement).
    for (const flag of snapshot.flags) {
      if (
        ['rollout-0', 'rollout-100', 'always-on', 'switched-off', 'needs-missing', 'limits'].includes(
          flag.key,
        )
      )
        continue;
      expect(seen.get(flag.key)?.size, flag.key).toBeGreaterThan(1);
    }
  });
});
