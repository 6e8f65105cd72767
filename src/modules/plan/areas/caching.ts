import { defineArea } from '../area.ts';
import { atLeast, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const cacheStrategies = planTable('cache_strategies', {
  purpose: 'What is cached, at which layer, with which pattern and freshness',
  fields: {
    name: field.name(),
    data: field.label('What is cached'),
    layer: field.enum(['browser', 'cdn', 'edge', 'application', 'distributed', 'database'], 'Where', {
      required: true,
    }),
    pattern: field.enum(['cache-aside', 'read-through', 'write-through', 'write-behind'], 'How it is filled'),
    ttlSeconds: field.int('How long an entry lives', 1, 31_536_000),
    consistency: field.enum(['strong', 'eventual', 'stale-while-revalidate'], 'How stale a read may be'),
    targetHitRatePercent: field.decimal('Hit rate it must reach to be worth it', 0, 100),
    observedHitRatePercent: field.decimal('Hit rate measured in production', 0, 100),
    owner: field.label('Who owns it'),
  },
});

export const cacheInvalidationRules = planTable('cache_invalidation_rules', {
  purpose: 'What removes or refreshes entries when the data changes',
  fields: {
    name: field.name(),
    strategyId: field.ref(() => cacheStrategies, 'The cache', { required: true }),
    trigger: field.enum(['ttl', 'event', 'write', 'manual'], 'What triggers it', { required: true }),
    event: field.label('The event or write that triggers it'),
    description: field.text('Which entries it removes'),
  },
});

export const cacheWarmingPlans = planTable('cache_warming_plans', {
  purpose: 'How a cold cache is filled before traffic hits it',
  fields: {
    name: field.name(),
    strategyId: field.ref(() => cacheStrategies, 'The cache', { required: true }),
    when: field.enum(['deploy', 'schedule', 'on-demand'], 'When it runs', { required: true }),
    description: field.text('What is loaded, and how long it takes'),
  },
});

export const cacheKeys = planTable('cache_keys', {
  purpose: 'Key patterns, so entries are found, scoped and removed predictably',
  fields: {
    name: field.name(),
    strategyId: field.ref(() => cacheStrategies, 'The cache', { required: true }),
    pattern: field.label('The key pattern (e.g. tenant:{tenantId}:invoice:{id}:v2)', { required: true }),
    includesTenant: field.flag(
      'Whether the key carries the tenant, so one tenant never reads another’s entry',
    ),
    includesVersion: field.flag(
      'Whether the key carries a schema version, so a deploy never reads old shapes',
    ),
  },
});

export const caching = defineArea({
  number: 6,
  slug: 'caching',
  key: 'cache',
  title: 'Caching',
  summary: 'What is cached where, how entries are invalidated, warmed and keyed.',
  tables: { cacheStrategies, cacheInvalidationRules, cacheWarmingPlans, cacheKeys },
  checks: [
    {
      id: 'cache.strategies-planned',
      level: 'bronze',
      title: 'Caches are planned',
      why: 'Caches added ad hoc are the usual source of stale data and of outages when they go cold.',
      evaluate: ({ cacheStrategies }) => atLeast(cacheStrategies, 'cache strategies'),
    },
    {
      id: 'cache.ttl-and-invalidation',
      level: 'silver',
      title: 'Every cache has a TTL, a consistency decision and an invalidation rule',
      why: 'Without invalidation and an upper bound on age, a cache serves wrong data for as long as it likes.',
      evaluate: ({ cacheStrategies, cacheInvalidationRules }) =>
        everyRow('cache_strategies', cacheStrategies, 'caches', (strategy) => {
          const problems = missingOf(strategy, {
            ttlSeconds: 'no TTL',
            consistency: 'no consistency decision',
          });
          if (!cacheInvalidationRules.some((rule) => rule.strategyId === strategy.id))
            problems.push('no invalidation');
          return problems;
        }),
    },
    {
      id: 'cache.keys-scoped',
      level: 'silver',
      title: 'Every cache has key patterns that state their tenant and version scoping',
      why: 'Keys without the tenant leak data between customers; keys without a version serve old shapes after a deploy.',
      evaluate: ({ cacheStrategies, cacheKeys }) =>
        everyRow('cache_strategies', cacheStrategies, 'caches', (strategy) => {
          const keys = cacheKeys.filter((key) => key.strategyId === strategy.id);
          if (keys.length === 0) return 'no key pattern';
          const undecided = keys.filter((key) => key.includesTenant === null || key.includesVersion === null);
          return undecided.length > 0
            ? `scoping undecided for ${undecided.map((key) => key.name).join(', ')}`
            : null;
        }),
    },
    {
      id: 'cache.hit-rate-on-target',
      level: 'gold',
      title: 'Every cache reaches its target hit rate in production',
      why: 'A cache that misses costs memory, complexity and staleness without saving load.',
      evaluate: ({ cacheStrategies }) =>
        everyRow('cache_strategies', cacheStrategies, 'caches', (strategy) => {
          if (strategy.targetHitRatePercent === null || strategy.targetHitRatePercent === undefined)
            return 'no target';
          if (strategy.observedHitRatePercent === null || strategy.observedHitRatePercent === undefined) {
            return 'hit rate not measured';
          }
          return strategy.observedHitRatePercent < strategy.targetHitRatePercent
            ? 'below target hit rate'
            : null;
        }),
    },
  ],
});
