import { describeCheckCases } from '../test-helpers.ts';
import { analyticsFixture } from './analytics.fixture.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';

describeCheckCases('analytics', {
  complete: analyticsFixture,
  failing: {
    'analytics.events-planned': (fixture) => {
      fixture['analytics-events'] = [];
      delete fixtureRow(fixture, 'metrics').eventId;
    },
    'analytics.personal-data-flagged': (fixture) => {
      delete fixtureRow(fixture, 'analytics-events').containsPersonalData;
    },
    'analytics.metrics-defined': (fixture) => {
      delete fixtureRow(fixture, 'metrics').target;
    },
    'analytics.experiments-designed': (fixture) => {
      delete fixtureRow(fixture, 'ab-tests').sampleSize;
    },
    'analytics.dashboards-reviewed': (fixture) => {
      fixtureRow(fixture, 'dashboards').lastReviewedAt = daysAgo(new Date(), 45);
    },
  },
});
