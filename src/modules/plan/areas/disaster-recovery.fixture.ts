import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Disaster recovery area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function disasterRecoveryFixture(now = new Date()): AreaImport {
  return {
    'recovery-objectives': [
      {
        ref: 'ledger',
        values: {
          name: 'payments ledger',
          tier: 'critical',
          rtoMinutes: 60,
          rpoMinutes: 5,
          owner: 'platform team',
        },
      },
    ],
    'backup-strategies': [
      {
        ref: 'wal',
        values: {
          name: 'continuous WAL archiving',
          recoveryObjectiveId: '@ledger',
          method: 'continuous-archiving',
          storageLocation: 'object storage in a second region',
          offsite: true,
          encrypted: true,
          retentionDays: 35,
        },
      },
    ],
    'backup-schedules': [
      {
        values: {
          name: 'WAL shipping',
          backupStrategyId: '@wal',
          intervalMinutes: 1,
          alertOnFailure: true,
          lastSucceededAt: daysAgo(now, 0.1),
          lastStatus: 'succeeded',
        },
      },
    ],
    'backup-test-plans': [
      {
        values: {
          name: 'quarterly point-in-time restore',
          recoveryObjectiveId: '@ledger',
          procedure: 'restore to a scratch instance at a chosen time, compare ledger totals',
          frequencyDays: 90,
          lastRunAt: daysAgo(now, 40),
          lastResult: 'passed',
          measuredRtoMinutes: 42,
          measuredRpoMinutes: 1,
        },
      },
    ],
  };
}
