import type { AreaImport } from '../contracts.ts';

/**
 * The complete plan of the Caching area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function cachingFixture(): AreaImport {
  return {
    'cache-strategies': [
      {
        ref: 'rates',
        values: {
          name: 'FX rates',
          data: 'exchange rates per currency pair',
          layer: 'distributed',
          pattern: 'cache-aside',
          ttlSeconds: 300,
          consistency: 'eventual',
          targetHitRatePercent: 90,
          observedHitRatePercent: 97.5,
        },
      },
    ],
    'cache-invalidation-rules': [
      { values: { name: 'rates refreshed', strategyId: '@rates', trigger: 'event', event: 'rates.updated' } },
    ],
    'cache-warming-plans': [
      { values: { name: 'load rates on deploy', strategyId: '@rates', when: 'deploy' } },
    ],
    'cache-keys': [
      {
        values: {
          name: 'rate key',
          strategyId: '@rates',
          pattern: 'fx:v1:{base}:{quote}',
          includesTenant: false,
          includesVersion: true,
        },
      },
    ],
  };
}
