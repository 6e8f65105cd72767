// In-process flag evaluation: Shipshape's engine (evaluateFlag on a compiled snapshot) against
// unleash-client's isEnabled on the same feature and the same contexts, in one run. The feature has
// three constraints (IN, STR_ENDS_WITH, NUM_GTE) and a 25 % rollout on default stickiness; the SDK is
// bootstrapped in-process with the engine's own Unleash payload (polling off, no network). Then
// evaluateAll over 200 flags against calling isEnabled for each of the same 200 features.
// Rounds alternate between the two, after warm-up rounds; the figure is the median round.
//
//   npx tsx bench/flag-eval.bench.ts       (also `npm run bench -- flag-eval`)
//   BENCH_ROUNDS=9 BENCH_CONTEXTS=10000 (timed rounds, contexts per round)
import os from 'node:os';
import murmurhash3 from 'murmurhash3js-revisited';
import { InMemStorageProvider, Unleash } from 'unleash-client';
import { normalizedStrategyValue } from 'unleash-client/lib/strategy/util.js';
import {
  compileSnapshot,
  type EnvironmentSnapshot,
  type EvaluationContext,
  evaluateAll,
  evaluateFlag,
  type FlagDefinition,
  normalizedHash,
  toUnleashFeatures,
} from '../src/engines/flag-eval/index.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
const contextCount = Number(process.env.BENCH_CONTEXTS ?? 10_000);
const warmupRounds = 3;

const benchFlag: FlagDefinition = {
  key: 'checkout-v2',
  type: 'boolean',
  enabled: true,
  rules: [
    {
      id: 'nordics',
      constraints: [
        { contextName: 'country', operator: 'IN', values: ['NO', 'SE', 'DK', 'FI', 'IS'] },
        { contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com', '@example.org'] },
        { contextName: 'age', operator: 'NUM_GTE', value: '18' },
      ],
      segments: [],
      rollout: 25,
      stickiness: 'default',
      groupId: '',
    },
  ],
  variants: [],
  defaultValue: false,
  prerequisites: [],
};

/** 200 flags of the shapes a real project has: simple toggles, targeted rollouts, multivariate flags. */
function manyFlags(): FlagDefinition[] {
  return Array.from({ length: 200 }, (_, index): FlagDefinition => {
    const key = `flag-${index}`;
    const base = { key, enabled: index % 10 !== 0, defaultValue: false, prerequisites: [] };
    if (index % 4 === 0) return { ...base, type: 'boolean', rules: [], variants: [] };
    const rule = {
      id: `r${index}`,
      constraints: benchFlag.rules[0]?.constraints.slice(0, 1 + (index % 3)) ?? [],
      segments: [],
      rollout: (index * 7) % 101,
      stickiness: 'default',
      groupId: '',
    };
    if (index % 4 === 1) return { ...base, type: 'boolean', rules: [rule], variants: [] };
    const variants = ['a', 'b', 'c'].map((name, position) => ({
      name,
      value: `${name}${index}`,
      weight: 100 + position * 50,
    }));
    return {
      ...base,
      type: 'string',
      defaultValue: 'none',
      rules: [rule, { ...rule, id: `all${index}`, constraints: [] }],
      variants,
    };
  });
}

function contexts(count: number): EvaluationContext[] {
  const countries = ['NO', 'SE', 'DK', 'US', 'DE'];
  return Array.from({ length: count }, (_, index) => ({
    userId: `user-${index * 7919}`,
    sessionId: `session-${index}`,
    properties: {
      country: countries[index % countries.length],
      email: index % 3 === 0 ? `person${index}@elsewhere.net` : `person${index}@example.com`,
      age: String(14 + (index % 50)),
    },
  }));
}

async function loadUnleash(snapshot: EnvironmentSnapshot): Promise<Unleash> {
  const payload = toUnleashFeatures(snapshot);
  const unleash = new Unleash({
    url: 'http://127.0.0.1:9/',
    appName: 'bench',
    disableMetrics: true,
    refreshInterval: 0,
    skipInstanceCountWarning: true,
    storageProvider: new InMemStorageProvider(),
    bootstrap: { data: payload.features as never, segments: payload.segments as never },
  });
  unleash.on('error', (error) => console.error(error));
  await new Promise<void>((resolve) => unleash.once('ready', () => resolve()));
  return unleash;
}

/** Nanoseconds per call of `body` over every context. */
function timeRound(
  items: readonly EvaluationContext[],
  body: (context: EvaluationContext) => unknown,
): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (const context of items) if (body(context)) sink++;
  const elapsed = Number(process.hrtime.bigint() - started);
  if (sink < 0) console.log(sink);
  return elapsed / items.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Alternating rounds of each contender after warm-up; the median ns per call of each. */
function race(
  items: readonly EvaluationContext[],
  contenders: Record<string, (context: EvaluationContext) => unknown>,
) {
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, [] as number[]]));
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (const [name, body] of Object.entries(contenders)) {
      const nanos = timeRound(items, body);
      if (round >= warmupRounds) times[name]?.push(nanos);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

async function main() {
  const single: EnvironmentSnapshot = { environment: 'bench', flags: [benchFlag], segments: [] };
  const wide: EnvironmentSnapshot = { environment: 'bench', flags: manyFlags(), segments: [] };
  const items = contexts(contextCount);
  const singleCompiled = compileSnapshot(single);
  const wideCompiled = compileSnapshot(wide);
  const singleUnleash = await loadUnleash(single);
  const wideUnleash = await loadUnleash(wide);
  const wideKeys = wide.flags.map((flag) => flag.key);

  const agreeing = items.filter((context) => {
    const shipshape = evaluateFlag(singleCompiled, benchFlag.key, context).value === true;
    return shipshape === singleUnleash.isEnabled(benchFlag.key, context as never);
  }).length;
  const enabledShare = items.filter(
    (context) => evaluateFlag(singleCompiled, benchFlag.key, context).value === true,
  ).length;

  const one = race(items, {
    shipshape: (context) => evaluateFlag(singleCompiled, benchFlag.key, context).value,
    unleash: (context) => singleUnleash.isEnabled(benchFlag.key, context as never),
  });
  const wideItems = items.slice(0, Math.max(200, Math.floor(contextCount / 20)));
  const all = race(wideItems, {
    shipshape: (context) => evaluateAll(wideCompiled, context).length,
    unleash: (context) => {
      let on = 0;
      for (const key of wideKeys) if (wideUnleash.isEnabled(key, context as never)) on++;
      return on;
    },
  });
  const encoder = new TextEncoder();
  const hashes = race(items, {
    fastPath: (context) => normalizedHash(String(context.userId), 'checkout-v2', 100),
    textEncoder: (context) =>
      (murmurhash3.x86.hash32(encoder.encode(`checkout-v2:${String(context.userId)}`), 0) % 100) + 1,
    unleash: (context) => normalizedStrategyValue(String(context.userId), 'checkout-v2'),
  });
  singleUnleash.destroy();
  wideUnleash.destroy();

  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${items.length} contexts, ${warmupRounds} warm-up + ${rounds} timed rounds, alternating; median round.`,
  );
  console.log(`Agreement on the single flag: ${agreeing}/${items.length}; enabled for ${enabledShare}.\n`);
  console.log('| measurement | Shipshape | unleash-client | Shipshape / unleash |');
  console.log('| --- | ---: | ---: | ---: |');
  const ratio = (a: number | undefined, b: number | undefined) => ((a ?? 0) / (b ?? 1)).toFixed(2);
  console.log(
    `| one flag, 3 constraints + 25 % rollout (ns/eval) | ${one.shipshape?.toFixed(0)} | ${one.unleash?.toFixed(0)} | ${ratio(one.shipshape, one.unleash)} |`,
  );
  console.log(
    `| 200 flags, evaluateAll vs isEnabled × 200 (µs/context) | ${((all.shipshape ?? 0) / 1000).toFixed(1)} | ${((all.unleash ?? 0) / 1000).toFixed(1)} | ${ratio(all.shipshape, all.unleash)} |`,
  );
  console.log(
    `| normalizedHash, ASCII fast path vs TextEncoder + murmurhash3js-revisited (ns/hash) | ${hashes.fastPath?.toFixed(0)} (TextEncoder path: ${hashes.textEncoder?.toFixed(0)}) | ${hashes.unleash?.toFixed(0)} | ${ratio(hashes.fastPath, hashes.unleash)} |`,
  );
}

await main();
