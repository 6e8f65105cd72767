import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const dataPipelines = planTable('data_pipelines', {
  purpose: 'Data flows from a source to a destination, and how fresh their output must be',
  fields: {
    name: field.name(),
    kind: field.enum(['etl', 'elt', 'streaming', 'replication', 'export', 'import'], 'Kind of pipeline', {
      required: true,
    }),
    description: field.text('What the pipeline produces and who uses it'),
    source: field.label('Where the data comes from'),
    destination: field.label('Where the data lands'),
    owner: field.label('Team or person who answers when it breaks'),
    freshnessSlaMinutes: field.int('How old its output may get, in minutes', 1, 525_600),
    lastSucceededAt: field.time('When a run last completed (reported by the orchestrator)'),
  },
});

export const batchJobs = planTable('batch_jobs', {
  purpose: 'The steps of the pipelines: what each reads and writes, and how it fails',
  fields: {
    name: field.name(),
    pipelineId: field.ref(() => dataPipelines, 'The pipeline it belongs to'),
    description: field.text('What the job does'),
    inputs: field.list('Tables, files or topics it reads'),
    outputs: field.list('Tables, files or topics it writes'),
    idempotent: field.flag('Whether running it twice on the same input gives the same result'),
    onFailure: field.enum(['retry', 'alert', 'skip', 'halt-pipeline'], 'What happens when it fails'),
    maxRetries: field.int('Retries before it gives up', 0, 100),
    expectedDurationMinutes: field.int('How long a run usually takes', 1, 10_080),
    owner: field.label('Team or person who owns the job'),
  },
});

export const batchSchedules = planTable('batch_schedules', {
  purpose: 'When batch jobs run, and after what',
  fields: {
    name: field.name(),
    batchJobId: field.ref(() => batchJobs, 'The job it runs', { required: true }),
    cron: field.label('Cron expression (five fields)'),
    timezone: field.label('IANA time zone the expression is read in'),
    afterJobId: field.ref(() => batchJobs, 'A job that must finish first'),
    lastRunAt: field.time('When it last ran'),
    lastRunStatus: field.enum(['succeeded', 'failed'], 'How its last run ended'),
  },
});

export const batchCheckpoints = planTable('batch_checkpoints', {
  purpose: 'How long jobs record progress, so that a failed run resumes instead of starting over',
  fields: {
    name: field.name(),
    batchJobId: field.ref(() => batchJobs, 'The job', { required: true }),
    strategy: field.enum(
      ['offset', 'timestamp-watermark', 'cursor', 'file-marker', 'partition'],
      'What marks progress',
      { required: true },
    ),
    storage: field.label('Where the checkpoint is kept'),
    everyRecords: field.int('Records between checkpoints', 1, 1_000_000_000),
    resumeTestedAt: field.time('When resuming from a checkpoint was last tried'),
  },
});

export const dataQualityRules = planTable('data_quality_rules', {
  purpose: 'Rules the data must satisfy, and whether a breach stops the pipeline',
  fields: {
    name: field.name(),
    pipelineId: field.ref(() => dataPipelines, 'The pipeline whose output it checks', { required: true }),
    kind: field.enum(
      ['not-null', 'unique', 'range', 'freshness', 'row-count', 'referential', 'schema', 'custom'],
      'Kind of rule',
      { required: true },
    ),
    expression: field.text('The rule, as the quality tool runs it'),
    severity: field.enum(['block', 'warn'], 'Whether a breach stops the pipeline or only warns', {
      required: true,
    }),
    lastEvaluatedAt: field.time('When it was last evaluated'),
    lastResult: field.enum(['passed', 'failed'], 'How its last evaluation ended'),
  },
});

/** Jobs that usually run longer than this need a checkpoint to resume from. */
const longRunMinutes = 60;

export const batchProcessingArea = defineArea({
  number: 17,
  slug: 'batch-processing',
  key: 'batch',
  title: 'Batch processing and ETL',
  summary: 'Pipelines, batch jobs and their schedules, checkpoints for resuming, and data quality rules.',
  tables: { dataPipelines, batchJobs, batchSchedules, batchCheckpoints, dataQualityRules },
  checks: [
    {
      id: 'batch.pipelines-planned',
      level: 'bronze',
      title: 'Data pipelines are planned',
      why: 'Batch work that nobody listed is the report that silently stops updating.',
      evaluate: ({ dataPipelines }) => atLeast(dataPipelines, 'data pipelines'),
    },
    {
      id: 'batch.jobs-specified',
      level: 'silver',
      title:
        'Every batch job has a pipeline, an owner, a failure policy and an idempotency decision, and runs on a schedule',
      why: 'Batch jobs are rerun after every failure; one that is not idempotent duplicates data each time.',
      evaluate: ({ batchJobs, batchSchedules }) =>
        everyRow('batch_jobs', batchJobs, 'batch jobs', (job) => {
          const problems = missingOf(job, {
            pipelineId: 'no pipeline',
            owner: 'no owner',
            onFailure: 'no failure policy',
            idempotent: 'idempotency not decided',
          });
          if (!batchSchedules.some((schedule) => schedule.batchJobId === job.id))
            problems.push('no schedule');
          return problems;
        }),
    },
    {
      id: 'batch.long-jobs-checkpointed',
      level: 'silver',
      title: `Every job that runs longer than ${longRunMinutes} minutes has a checkpoint to resume from`,
      why: 'A long job that fails near the end and starts over misses its window and doubles the load.',
      evaluate: ({ batchJobs, batchCheckpoints }) =>
        everyRow(
          'batch_jobs',
          batchJobs.filter((job) => (job.expectedDurationMinutes ?? 0) > longRunMinutes),
          'long-running batch jobs',
          (job) =>
            batchCheckpoints.some((checkpoint) => checkpoint.batchJobId === job.id && checkpoint.storage)
              ? null
              : 'no checkpoint with storage',
        ),
    },
    {
      id: 'batch.quality-rules-for-every-pipeline',
      level: 'silver',
      title: 'Every pipeline has an owner, a freshness SLA and a blocking data quality rule',
      why: 'Bad data copied downstream is far costlier to clean than data stopped at the pipeline.',
      evaluate: ({ dataPipelines, dataQualityRules }) =>
        everyRow('data_pipelines', dataPipelines, 'data pipelines', (pipeline) => {
          const problems = missingOf(pipeline, {
            owner: 'no owner',
            freshnessSlaMinutes: 'no freshness SLA',
          });
          const blocking = dataQualityRules.some(
            (rule) => rule.pipelineId === pipeline.id && rule.severity === 'block' && rule.expression.trim(),
          );
          if (!blocking) problems.push('no blocking quality rule');
          return problems;
        }),
    },
    {
      id: 'batch.quality-rules-passing',
      level: 'gold',
      title: 'Every data quality rule was evaluated within 7 days, and every blocking rule passed',
      why: 'Quality rules only protect the data if they run; a failing blocking rule means bad data is being held or shipped.',
      evaluate: ({ dataQualityRules }, { now }) =>
        everyRow('data_quality_rules', dataQualityRules, 'data quality rules', (rule) => {
          if (!rule.lastEvaluatedAt) return 'never evaluated';
          if (daysBetween(rule.lastEvaluatedAt, now) > 7) return 'not evaluated in 7 days';
          return rule.severity === 'block' && rule.lastResult !== 'passed' ? 'last evaluation failed' : null;
        }),
    },
    {
      id: 'batch.pipelines-fresh',
      level: 'gold',
      title: 'Every pipeline with a freshness SLA last succeeded within it',
      why: 'The SLA is what consumers of the data rely on; the last success shows whether it is being kept.',
      evaluate: ({ dataPipelines }, { now }) =>
        everyRow(
          'data_pipelines',
          dataPipelines.filter((pipeline) => pipeline.freshnessSlaMinutes !== null),
          'pipelines with a freshness SLA',
          (pipeline) => {
            if (!pipeline.lastSucceededAt) return 'never succeeded';
            const ageMinutes = (now.getTime() - new Date(pipeline.lastSucceededAt).getTime()) / 60_000;
            return ageMinutes > (pipeline.freshnessSlaMinutes ?? 0) ? 'output older than its SLA' : null;
          },
        ),
    },
  ],
});
