import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    tenants: [
      { ref: 'acme', values: { name: 'Acme', slug: 'acme', tier: 'enterprise', region: 'eu' } },
      { values: { name: 'Corner Shop', slug: 'corner-shop', tier: 'standard', region: 'eu' } },
    ],
    'tenant-configurations': [{ values: { name: 'payout.schedule', tenantId: '@acme', value: 'daily' } }],
    'tenant-limits': [
      {
        values: {
          name: 'api rate',
          tier: 'standard',
          resource: 'API calls per minute',
          limit: 600,
          enforcement: 'hard',
        },
      },
      {
        values: {
          name: 'api rate',
          tier: 'enterprise',
          resource: 'API calls per minute',
          limit: 6000,
          enforcement: 'hard',
        },
      },
    ],
    'data-isolation-rules': [
      {
        values: {
          name: 'shared tables',
          model: 'shared-row-level',
          enforcement: 'row-level-security',
          appliesTo: 'every table with tenant_id',
          lastVerifiedAt: daysAgo(12),
        },
      },
    ],
  };
}

describeCheckCases('multi-tenancy', {
  complete,
  failing: {
    'tenancy.isolation-model-chosen': (fixture) => {
      fixture['data-isolation-rules'] = [];
    },
    'tenancy.isolation-enforced': (fixture) => {
      delete fixtureRow(fixture, 'data-isolation-rules').enforcement;
    },
    'tenancy.limits-for-every-tier': (fixture) => {
      fixture['tenant-limits']?.pop();
    },
    'tenancy.isolation-verified': (fixture) => {
      fixtureRow(fixture, 'data-isolation-rules').lastVerifiedAt = daysAgo(200);
    },
  },
});
