import { describeCheckCases } from '../test-helpers.ts';
import { codeReviewAutomationFixture } from './code-review-automation.fixture.ts';
import { fixtureRow } from './fixture-support.ts';

describeCheckCases('code-review-automation', {
  complete: codeReviewAutomationFixture,
  failing: {
    'review.gates-and-checklists-planned': (fixture) => {
      fixture['code-review-checklists'] = [];
      for (const finding of fixture['review-findings'] ?? []) delete finding.values.checklistId;
    },
    'review.checklists-have-items-and-owner': (fixture) => {
      fixtureRow(fixture, 'code-review-checklists').items = [];
    },
    'review.gates-specified': (fixture) => {
      fixtureRow(fixture, 'quality-gates').blocking = false;
    },
    'review.gates-passing': (fixture) => {
      fixtureRow(fixture, 'quality-gates').lastResult = 'failed';
    },
    'review.gates-evaluated-on-tests': (fixture) => {
      fixtureRow(fixture, 'quality-gates').lastTestRunAt = null;
    },
    'review.flaky-rate-within-threshold': (fixture) => {
      fixtureRow(fixture, 'quality-gates').flakyRate = 7.5;
    },
    'review.merged-mrs-reviewed': (fixture) => {
      fixtureRow(fixture, 'quality-gates').unreviewedMerged = 2;
    },
    'review.pickup-within-target': (fixture) => {
      fixtureRow(fixture, 'quality-gates').pickupHours = 30;
    },
    'review.no-open-blocking-findings': (fixture) => {
      fixtureRow(fixture, 'review-findings', 1).status = 'open';
    },
  },
});
