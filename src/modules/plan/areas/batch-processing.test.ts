import { describeCheckCases } from '../test-helpers.ts';
import { batchProcessingFixture } from './batch-processing.fixture.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';

describeCheckCases('batch-processing', {
  complete: batchProcessingFixture,
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
      fixtureRow(fixture, 'data-pipelines').lastSucceededAt = daysAgo(new Date(), 2);
    },
  },
});
