import { describeCheckCases } from '../test-helpers.ts';
import { breakingChangeManagementFixture } from './breaking-change-management.fixture.ts';
import { fixtureRow } from './fixture-support.ts';

describeCheckCases('breaking-change-management', {
  complete: breakingChangeManagementFixture,
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
    'contracts.latest-version-reviewed': (fixture) => {
      fixtureRow(fixture, 'breaking-changes').status = 'proposed';
    },
    'contracts.breaking-changes-guided': (fixture) => {
      delete fixtureRow(fixture, 'affected-consumers', 1).notifiedAt;
    },
    'contracts.consumers-migrated-before-shipping': (fixture) => {
      fixtureRow(fixture, 'affected-consumers', 1).migrated = false;
    },
  },
});
