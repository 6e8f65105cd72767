import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'analytics-events': [
      {
        ref: 'paid',
        values: {
          name: 'payment_completed',
          properties: ['amount', 'currency'],
          containsPersonalData: false,
          owner: 'growth',
        },
      },
    ],
    metrics: [
      {
        ref: 'conversion',
        values: {
          name: 'checkout conversion',
          kind: 'ratio',
          definition: 'payment_completed / checkout_started per day',
          eventId: '@paid',
          target: '>= 70%',
          owner: 'growth',
        },
      },
    ],
    funnels: [
      {
        values: {
          name: 'checkout',
          steps: ['checkout_started', 'payment_completed'],
          goalMetricId: '@conversion',
        },
      },
    ],
    'ab-tests': [
      {
        values: {
          name: 'one-page checkout',
          hypothesis: 'fewer steps raise conversion by 2 points',
          primaryMetricId: '@conversion',
          sampleSize: 12_000,
        },
      },
    ],
    dashboards: [{ values: { name: 'payments health', owner: 'growth', lastReviewedAt: daysAgo(6) } }],
  };
}

describeCheckCases('analytics', {
  complete,
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
      fixtureRow(fixture, 'dashboards').lastReviewedAt = daysAgo(45);
    },
  },
});
