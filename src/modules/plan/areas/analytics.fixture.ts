import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Analytics and metrics area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function analyticsFixture(now = new Date()): AreaImport {
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
    dashboards: [{ values: { name: 'payments health', owner: 'growth', lastReviewedAt: daysAgo(now, 6) } }],
  };
}
