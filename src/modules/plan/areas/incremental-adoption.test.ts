import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow, inDays } from './fixture-support.ts';
import { incrementalAdoptionFixture } from './incremental-adoption.fixture.ts';

describeCheckCases('incremental-adoption', {
  complete: incrementalAdoptionFixture,
  failing: {
    'adoption.release-phases-planned': (fixture) => {
      fixture['release-phases']?.pop();
      fixture['beta-programs'] = [];
      fixture['feedback-collection-plans'] = [];
    },
    'adoption.features-prioritised': (fixture) => {
      fixture['feature-priorities'] = [];
    },
    'adoption.phase-criteria': (fixture) => {
      delete fixtureRow(fixture, 'release-phases', 1).rollbackPlan;
    },
    'adoption.must-haves-scheduled': (fixture) => {
      fixtureRow(fixture, 'feature-priorities', 1).priority = 'must-have';
    },
    'adoption.feedback-for-every-beta': (fixture) => {
      delete fixtureRow(fixture, 'feedback-collection-plans').owner;
    },
    'adoption.feedback-collected': (fixture) => {
      fixtureRow(fixture, 'feedback-collection-plans').lastCollectedAt = daysAgo(new Date(), 45);
    },
    'adoption.phases-on-schedule': (fixture) => {
      fixtureRow(fixture, 'release-phases', 1).plannedEnd = inDays(new Date(), -1);
    },
  },
});
