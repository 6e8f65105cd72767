import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { loadAndCapacityFixture } from './load-and-capacity.fixture.ts';

describeCheckCases('load-and-capacity', {
  complete: loadAndCapacityFixture,
  failing: {
    'capacity.load-profiles-planned': (fixture) => {
      fixtureRow(fixture, 'load-profiles', 1).kind = 'seasonal';
    },
    'capacity.scenario-for-heavy-profiles': (fixture) => {
      delete fixtureRow(fixture, 'load-test-scenarios').successCriteria;
    },
    'capacity.thresholds-specified': (fixture) => {
      fixtureRow(fixture, 'capacity-thresholds').warningAt = 95;
    },
    'capacity.autoscaling-bounded': (fixture) => {
      fixtureRow(fixture, 'autoscaling-configs').minInstances = 20;
    },
    'capacity.load-tests-pass': (fixture) => {
      fixtureRow(fixture, 'load-test-scenarios').lastRunAt = daysAgo(new Date(), 120);
    },
    'capacity.baselines-within-target': (fixture) => {
      fixtureRow(fixture, 'performance-baselines').p95Ms = 450;
    },
  },
});
