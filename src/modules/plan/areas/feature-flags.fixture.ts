import type { AreaImport } from '../contracts.ts';
import { daysAgo, inDays } from './fixture-support.ts';

/**
 * The complete plan of the Feature flags area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function featureFlagsFixture(now = new Date()): AreaImport {
  return {
    'feature-flags': [
      {
        ref: 'checkout',
        values: {
          name: 'new-checkout',
          kind: 'release',
          status: 'active',
          owner: 'payments team',
          killSwitch: true,
          removalDate: inDays(now, 60),
          critical: true,
          lastKilledAt: daysAgo(now, 20),
        },
      },
      {
        ref: 'wallets',
        values: {
          name: 'wallet-payments',
          kind: 'release',
          status: 'planned',
          owner: 'payments team',
          killSwitch: false,
          removalDate: inDays(now, 120),
        },
      },
      {
        ref: 'sca',
        values: {
          name: 'strong-auth',
          kind: 'ops',
          status: 'rolled-out',
          owner: 'risk team',
          killSwitch: true,
        },
      },
    ],
    'flag-targeting-rules': [
      {
        values: {
          name: 'staff first',
          flagId: '@checkout',
          segment: 'staff',
          rolloutPercentage: 100,
          variation: 'on',
        },
      },
    ],
    'flag-dependencies': [{ values: { flagId: '@wallets', dependsOnFlagId: '@checkout' } }],
    'flag-lifecycle': [
      { values: { flagId: '@sca', stage: 'fully-on', completedAt: daysAgo(now, 30) } },
      { values: { flagId: '@checkout', stage: 'rolling-out', plannedDate: inDays(now, 7) } },
    ],
    'flag-monitoring-config': [
      {
        values: { flagId: '@checkout', metric: 'checkout error rate', alertThreshold: '> 1% for 5 minutes' },
      },
    ],
  };
}
