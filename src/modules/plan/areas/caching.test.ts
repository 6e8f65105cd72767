import { describeCheckCases } from '../test-helpers.ts';
import { cachingFixture } from './caching.fixture.ts';
import { fixtureRow } from './fixture-support.ts';

describeCheckCases('caching', {
  complete: cachingFixture,
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
