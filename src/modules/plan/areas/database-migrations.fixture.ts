import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Database migration complexity area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function databaseMigrationsFixture(now = new Date()): AreaImport {
  return {
    'migration-strategies': [
      {
        ref: 'split',
        values: {
          name: 'split amount into minor units',
          pattern: 'expand-contract',
          rollbackPlan: 'keep writing both columns until the contract step',
          lockTimeoutMs: 2000,
        },
      },
    ],
    'data-transformations': [
      {
        values: {
          name: 'backfill amount_minor',
          strategyId: '@split',
          estimatedRows: 40_000_000,
          batchSize: 10_000,
        },
      },
      { values: { name: 'fix currency codes', strategyId: '@split', estimatedRows: 120 } },
    ],
    'migration-risks': [
      {
        values: {
          name: 'replication lag',
          strategyId: '@split',
          likelihood: 'medium',
          impact: 'high',
          mitigation: 'throttle batches on lag',
        },
      },
      { values: { name: 'slow index build', likelihood: 'low', impact: 'low' } },
    ],
    'production-test-plans': [
      {
        values: {
          name: 'rehearse on snapshot',
          strategyId: '@split',
          environment: 'staging-copy',
          lastRunAt: daysAgo(now, 5),
          result: 'passed',
        },
      },
    ],
  };
}
