import { describeCheckCases } from '../test-helpers.ts';
import { featureFlagsFixture } from './feature-flags.fixture.ts';
import { fixtureRow, inDays } from './fixture-support.ts';

describeCheckCases('feature-flags', {
  complete: featureFlagsFixture,
  failing: {
    'flags.flags-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'flags.owner-kill-switch-removal-date': (fixture) => {
      delete fixtureRow(fixture, 'feature-flags', 1).removalDate;
    },
    'flags.targeting-for-active-flags': (fixture) => {
      fixture['flag-targeting-rules'] = [];
    },
    'flags.dependencies-sound': (fixture) => {
      fixture['flag-dependencies']?.push({ values: { flagId: '@checkout', dependsOnFlagId: '@wallets' } });
    },
    'flags.monitoring-for-active-flags': (fixture) => {
      delete fixtureRow(fixture, 'flag-monitoring-config').alertThreshold;
    },
    'flags.overdue-flags-removed': (fixture) => {
      fixtureRow(fixture, 'feature-flags', 0).removalDate = inDays(new Date(), -3);
    },
    'flags.lifecycle-tracked': (fixture) => {
      fixture['flag-lifecycle']?.shift();
    },
  },
});
