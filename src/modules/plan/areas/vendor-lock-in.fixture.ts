import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Vendor lock-in area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function vendorLockInFixture(now = new Date()): AreaImport {
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
          lastTestedAt: daysAgo(now, 14),
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
          lastRehearsedAt: daysAgo(now, 100),
        },
      },
    ],
  };
}
