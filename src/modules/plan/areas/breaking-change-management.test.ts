import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'api-contracts': [
      {
        ref: 'v1',
        values: {
          name: 'Payments API',
          kind: 'openapi',
          currentVersion: '1.4.0',
          specUrl: 'https://example.test/openapi.json',
          status: 'published',
          owner: 'payments team',
        },
      },
    ],
    'deprecation-schedules': [
      {
        ref: 'sched',
        values: {
          name: 'amount as string',
          contractId: '@v1',
          announcedOn: '2026-01-10',
          sunsetOn: '2026-06-30',
        },
      },
    ],
    'migration-guides': [
      { ref: 'guide', values: { name: 'amount in minor units', url: 'https://example.test/guide' } },
    ],
    'breaking-changes': [
      {
        ref: 'amount',
        values: {
          name: 'amount becomes an integer',
          contractId: '@v1',
          status: 'shipped',
          detectedBy: 'contract-diff',
          deprecationScheduleId: '@sched',
          migrationGuideId: '@guide',
        },
      },
    ],
    'affected-consumers': [
      {
        values: { name: 'mobile app', breakingChangeId: '@amount', notifiedAt: daysAgo(100), migrated: true },
      },
      {
        values: {
          name: 'partner portal',
          breakingChangeId: '@amount',
          notifiedAt: daysAgo(100),
          migrated: true,
        },
      },
    ],
  };
}

describeCheckCases('breaking-change-management', {
  complete,
  failing: {
    'contracts.contracts-registered': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'contracts.contracts-owned-with-spec': (fixture) => {
      delete fixtureRow(fixture, 'api-contracts').specUrl;
    },
    'contracts.breaking-changes-planned': (fixture) => {
      delete fixtureRow(fixture, 'breaking-changes').migrationGuideId;
    },
    'contracts.deprecation-notice-period': (fixture) => {
      fixtureRow(fixture, 'deprecation-schedules').sunsetOn = '2026-02-01';
    },
    'contracts.consumers-migrated-before-shipping': (fixture) => {
      fixtureRow(fixture, 'affected-consumers', 1).migrated = false;
    },
  },
});
