import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'secrets-inventory': [
      {
        ref: 'signing',
        values: {
          name: 'WEBHOOK_SIGNING_KEY',
          kind: 'signing-key',
          sensitivity: 'critical',
          store: 'vault',
          environment: 'production',
          usedBy: ['payments-api'],
          owner: 'payments team',
        },
      },
      {
        ref: 'sandbox',
        values: {
          name: 'ACQUIRER_SANDBOX_KEY',
          kind: 'api-key',
          sensitivity: 'low',
          store: 'environment-variable',
          environment: 'staging',
          owner: 'payments team',
        },
      },
    ],
    'rotation-schedules': [
      {
        values: {
          name: 'signing key quarterly',
          secretId: '@signing',
          intervalDays: 90,
          method: 'automatic',
          lastRotatedAt: daysAgo(30),
        },
      },
      {
        values: {
          name: 'sandbox key yearly',
          secretId: '@sandbox',
          intervalDays: 365,
          method: 'manual',
          procedure: 'issue a new key in the acquirer console, update staging, revoke the old one',
          lastRotatedAt: daysAgo(200),
        },
      },
    ],
    'key-versions': [
      { values: { name: '2026-08', secretId: '@signing', version: 1, status: 'retired' } },
      { values: { name: '2026-10', secretId: '@signing', version: 2, status: 'active' } },
    ],
    'key-access-logs': [
      {
        values: {
          name: 'vault audit device',
          secretId: '@signing',
          destination: 'vault audit log shipped to the SIEM',
          alertOnAnomaly: true,
          reviewer: 'security team',
          reviewIntervalDays: 30,
          lastReviewedAt: daysAgo(10),
        },
      },
    ],
  };
}

describeCheckCases('secrets-and-keys', {
  complete,
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
      fixtureRow(fixture, 'rotation-schedules', 0).lastRotatedAt = daysAgo(100);
    },
    'secrets.access-reviewed': (fixture) => {
      fixtureRow(fixture, 'key-access-logs').lastReviewedAt = daysAgo(45);
    },
  },
});
