import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

function complete(): Fixture {
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

describeCheckCases('caching', {
  complete,
  failing: {
    'cache.strategies-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'cache.ttl-and-invalidation': (fixture) => {
      fixture['cache-invalidation-rules'] = [];
    },
    'cache.keys-scoped': (fixture) => {
      delete fixtureRow(fixture, 'cache-keys').includesTenant;
    },
    'cache.hit-rate-on-target': (fixture) => {
      fixtureRow(fixture, 'cache-strategies').observedHitRatePercent = 41;
    },
  },
});
