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
          lastLintedAt: daysAgo(now, 1),
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
      {
        values: {
          name: 'require-concurrent-index-creation in drizzle/0007_orders.sql:3',
          strategyId: '@split',
          likelihood: 'high',
          impact: 'high',
          mitigation: 'Use `CREATE INDEX CONCURRENTLY` outside a transaction block.',
          ruleId: 'require-concurrent-index-creation',
          severity: 'error',
          migrationFile: 'drizzle/0007_orders.sql',
          line: 3,
          detectedAt: daysAgo(now, 3),
          resolvedAt: daysAgo(now, 2),
        },
      },
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
