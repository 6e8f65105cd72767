import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Breaking change management area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function breakingChangeManagementFixture(now = new Date()): AreaImport {
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
          contractVersion: '1.4.0',
        },
      },
    ],
    'affected-consumers': [
      {
        values: {
          name: 'mobile app',
          breakingChangeId: '@amount',
          notifiedAt: daysAgo(now, 100),
          migrated: true,
        },
      },
      {
        values: {
          name: 'partner portal',
          breakingChangeId: '@amount',
          notifiedAt: daysAgo(now, 100),
          migrated: true,
        },
      },
    ],
  };
}
