import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'vendor-dependencies': [
      {
        ref: 'db',
        values: {
          name: 'managed PostgreSQL',
          category: 'database',
          lockInRisk: 'high',
          holdsData: true,
          alternatives: ['self-hosted PostgreSQL', 'another cloud'],
          owner: 'platform team',
        },
      },
      {
        ref: 'email',
        values: {
          name: 'transactional email',
          category: 'messaging',
          lockInRisk: 'low',
          holdsData: false,
          alternatives: ['any SMTP relay'],
          owner: 'payments team',
        },
      },
    ],
    'vendor-abstractions': [
      {
        values: {
          name: 'Drizzle over plain SQL',
          vendorDependencyId: '@db',
          pattern: 'orm',
          coverage: 'full',
        },
      },
    ],
    'data-export-formats': [
      {
        values: {
          name: 'nightly dump',
          vendorDependencyId: '@db',
          format: 'pg_dump',
          openStandard: true,
          lastTestedAt: daysAgo(14),
        },
      },
    ],
    'migration-plans': [
      {
        values: {
          name: 'move to self-hosted',
          vendorDependencyId: '@db',
          target: 'self-hosted PostgreSQL',
          steps: 'restore the dump, replicate, switch the connection string',
          status: 'rehearsed',
          lastRehearsedAt: daysAgo(100),
        },
      },
    ],
  };
}

describeCheckCases('vendor-lock-in', {
  complete,
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
      fixtureRow(fixture, 'data-export-formats').lastTestedAt = daysAgo(200);
    },
    'vendors.exit-rehearsed': (fixture) => {
      delete fixtureRow(fixture, 'migration-plans').lastRehearsedAt;
    },
  },
});
