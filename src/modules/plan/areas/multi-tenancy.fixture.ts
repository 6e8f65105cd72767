import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Multi-tenancy area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function multiTenancyFixture(now = new Date()): AreaImport {
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
          lastVerifiedAt: daysAgo(now, 12),
        },
      },
    ],
  };
}
