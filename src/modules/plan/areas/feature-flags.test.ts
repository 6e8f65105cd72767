import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          removalDate: inDays(60),
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
          removalDate: inDays(120),
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
      { values: { flagId: '@sca', stage: 'fully-on', completedAt: daysAgo(30) } },
      { values: { flagId: '@checkout', stage: 'rolling-out', plannedDate: inDays(7) } },
    ],
    'flag-monitoring-config': [
      {
        values: { flagId: '@checkout', metric: 'checkout error rate', alertThreshold: '> 1% for 5 minutes' },
      },
    ],
  };
}

describeCheckCases('feature-flags', {
  complete,
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
      fixtureRow(fixture, 'feature-flags', 0).removalDate = inDays(-3);
    },
    'flags.lifecycle-tracked': (fixture) => {
      fixture['flag-lifecycle']?.shift();
    },
  },
});
