import { describeCheckCases } from '../test-helpers.ts';
import { featureFlagsFixture } from './feature-flags.fixture.ts';
import { daysAgo, fixtureRow, inDays } from './fixture-support.ts';

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
      // A cycle is refused when written; a dependency on a removed flag is what remains to catch.
      fixtureRow(fixture, 'feature-flags', 0).status = 'removed';
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
    'flags.served-flags-owned': (fixture) => {
      delete fixtureRow(fixture, 'feature-flags', 0).removalDate;
    },
    'flags.no-long-stale-flags': (fixture) => {
      fixtureRow(fixture, 'feature-flags', 0).removalDate = inDays(new Date(), -45);
    },
    'flags.critical-kill-switches-exercised': (fixture) => {
      fixtureRow(fixture, 'feature-flags', 0).lastKilledAt = daysAgo(new Date(), 120);
    },
  },
});
