import { describeCheckCases } from '../test-helpers.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';
import { secretsAndKeysFixture } from './secrets-and-keys.fixture.ts';

describeCheckCases('secrets-and-keys', {
  complete: secretsAndKeysFixture,
  failing: {
    'secrets.inventory-listed': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'secrets.owned-and-stored': (fixture) => {
      fixtureRow(fixture, 'secrets-inventory', 0).store = 'environment-variable';
    },
    'secrets.rotation-for-every-secret': (fixture) => {
      delete fixtureRow(fixture, 'rotation-schedules', 1).procedure;
    },
    'secrets.one-active-key-version': (fixture) => {
      fixtureRow(fixture, 'key-versions', 0).status = 'active';
    },
    'secrets.access-logged': (fixture) => {
      fixtureRow(fixture, 'key-access-logs').alertOnAnomaly = false;
    },
    'secrets.rotated-on-time': (fixture) => {
      fixtureRow(fixture, 'rotation-schedules', 0).lastRotatedAt = daysAgo(new Date(), 100);
    },
    'secrets.access-reviewed': (fixture) => {
      fixtureRow(fixture, 'key-access-logs').lastReviewedAt = daysAgo(new Date(), 45);
    },
  },
});
