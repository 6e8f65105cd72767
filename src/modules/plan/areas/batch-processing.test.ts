import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          lastSucceededAt: daysAgo(0.5),
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
          lastEvaluatedAt: daysAgo(1),
          lastResult: 'passed',
        },
      },
    ],
  };
}

describeCheckCases('batch-processing', {
  complete,
  failing: {
    'batch.pipelines-planned': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'batch.jobs-specified': (fixture) => {
      fixture['batch-schedules']?.pop();
    },
    'batch.long-jobs-checkpointed': (fixture) => {
      fixture['batch-checkpoints'] = [];
    },
    'batch.quality-rules-for-every-pipeline': (fixture) => {
      fixtureRow(fixture, 'data-quality-rules').severity = 'warn';
    },
    'batch.quality-rules-passing': (fixture) => {
      fixtureRow(fixture, 'data-quality-rules').lastResult = 'failed';
    },
    'batch.pipelines-fresh': (fixture) => {
      fixtureRow(fixture, 'data-pipelines').lastSucceededAt = daysAgo(2);
    },
  },
});
