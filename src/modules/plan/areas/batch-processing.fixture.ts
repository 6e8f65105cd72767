import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Batch processing and ETL area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function batchProcessingFixture(now = new Date()): AreaImport {
  return {
    'data-pipelines': [
      {
        ref: 'settlement',
        values: {
          name: 'daily settlement report',
          kind: 'etl',
          source: 'payments database',
          destination: 'finance warehouse',
          owner: 'data team',
          freshnessSlaMinutes: 1560,
          lastSucceededAt: daysAgo(now, 0.5),
        },
      },
    ],
    'batch-jobs': [
      {
        ref: 'extract',
        values: {
          name: 'extract settled payments',
          pipelineId: '@settlement',
          idempotent: true,
          onFailure: 'retry',
          maxRetries: 3,
          expectedDurationMinutes: 90,
          owner: 'data team',
        },
      },
      {
        ref: 'load',
        values: {
          name: 'load into the warehouse',
          pipelineId: '@settlement',
          idempotent: true,
          onFailure: 'halt-pipeline',
          expectedDurationMinutes: 10,
          owner: 'data team',
        },
      },
    ],
    'batch-schedules': [
      { values: { name: 'nightly extract', batchJobId: '@extract', cron: '0 2 * * *', timezone: 'UTC' } },
      { values: { name: 'load after extract', batchJobId: '@load', afterJobId: '@extract' } },
    ],
    'batch-checkpoints': [
      {
        values: {
          name: 'extract watermark',
          batchJobId: '@extract',
          strategy: 'timestamp-watermark',
          storage: 'etl_state table',
        },
      },
    ],
    'data-quality-rules': [
      {
        values: {
          name: 'totals match the ledger',
          pipelineId: '@settlement',
          kind: 'custom',
          expression: 'sum(amount) = ledger total for the day',
          severity: 'block',
          lastEvaluatedAt: daysAgo(now, 1),
          lastResult: 'passed',
        },
      },
    ],
  };
}
