import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          lastRunAt: daysAgo(5),
          result: 'passed',
        },
      },
    ],
  };
}

describeCheckCases('database-migrations', {
  complete,
  failing: {
    'migrations.strategies-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'migrations.strategies-have-rollback-and-lock-timeout': (fixture) => {
      delete fixtureRow(fixture, 'migration-strategies').lockTimeoutMs;
    },
    'migrations.large-transformations-batched': (fixture) => {
      delete fixtureRow(fixture, 'data-transformations').batchSize;
    },
    'migrations.serious-risks-mitigated': (fixture) => {
      delete fixtureRow(fixture, 'migration-risks').mitigation;
    },
    'migrations.rehearsed-on-production-like-data': (fixture) => {
      fixtureRow(fixture, 'production-test-plans').result = 'failed';
    },
  },
});
