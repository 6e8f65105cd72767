import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { vendorLockInFixture } from './vendor-lock-in.fixture.ts';

describeCheckCases('vendor-lock-in', {
  complete: vendorLockInFixture,
  failing: {
    'vendors.dependencies-listed': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'vendors.risk-assessed': (fixture) => {
      fixtureRow(fixture, 'vendor-dependencies', 1).alternatives = [];
    },
    'vendors.high-risk-isolated': (fixture) => {
      fixtureRow(fixture, 'vendor-abstractions').pattern = 'none';
    },
    'vendors.data-exportable': (fixture) => {
      fixtureRow(fixture, 'data-export-formats').openStandard = false;
    },
    'vendors.exports-tested': (fixture) => {
      fixtureRow(fixture, 'data-export-formats').lastTestedAt = daysAgo(new Date(), 200);
    },
    'vendors.exit-rehearsed': (fixture) => {
      delete fixtureRow(fixture, 'migration-plans').lastRehearsedAt;
    },
  },
});
