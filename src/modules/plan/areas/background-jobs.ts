import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const jobQueues = planTable('job_queues', {
  purpose: 'The queues jobs run on, and which queue system carries each',
  fields: {
    name: field.name(),
    system: field.enum(
      ['pg-boss', 'bullmq', 'sidekiq', 'celery', 'sqs', 'rabbitmq', 'kafka', 'cloud-tasks', 'other'],
      'The queue system',
      { required: true },
    ),
    description: field.text('What runs on this queue and why it is separate'),
    concurrency: field.int('Jobs processed at once per worker', 1, 10_000),
    visibilityTimeoutSeconds: field.int(
      'How long a claimed job stays hidden before another worker may take it',
      1,
      86_400,
    ),
    owner: field.label('Team or person who owns the queue'),
  },
});

export const retryPolicies = planTable('retry_policies', {
  purpose: 'How failed jobs are retried',
  fields: {
    name: field.name(),
    strategy: field.enum(['exponential', 'linear', 'fixed', 'none'], 'Backoff between attempts', {
      required: true,
    }),
    maxAttempts: field.int('Attempts in all, the first included', 1, 100, { required: true }),
    initialDelaySeconds: field.int('Delay before the first retry', 0, 86_400),
    maxDelaySeconds: field.int('Longest delay between retries', 0, 604_800),
    jitter: field.flag('Whether delays are randomised so retries do not arrive together', { default: false }),
    retryOn: field.list('Error classes that are retried (empty: every error)'),
  },
});

export const deadLetterHandling = planTable('dead_letter_handling', {
  purpose: 'Where jobs go when they exhaust their retries, and who looks at them',
  fields: {
    name: field.name(),
    destination: field.label('Where dead jobs are kept (a queue, a table)', { required: true }),
    alertChannel: field.label('Where people are told a job died'),
    reviewProcess: field.text('Who reviews dead jobs, how often, and how they decide to replay or drop'),
    retentionDays: field.int('How long dead jobs are kept', 1, 3650),
    replayable: field.flag('Whether dead jobs can be replayed once the cause is fixed'),
    lastReplayTestedAt: field.time('When replaying a dead job was last tried for real'),
  },
});

export const jobTypes = planTable('job_types', {
  purpose: 'Each kind of job: its queue, priority, idempotency, retry policy and dead-letter handling',
  fields: {
    name: field.name(),
    description: field.text('What the job does and what triggers it'),
    queueId: field.ref(() => jobQueues, 'The queue it runs on'),
    priority: field.enum(['critical', 'high', 'normal', 'low'], 'Priority within its queue', {
      default: 'normal',
    }),
    idempotency: field.enum(
      ['naturally-idempotent', 'idempotency-key', 'not-idempotent'],
      'Whether running it twice is safe, and how',
    ),
    idempotencyKey: field.label('What makes two runs the same job (for idempotency-key)'),
    timeoutSeconds: field.int('How long one run may take before it is failed', 1, 86_400),
    retryPolicyId: field.ref(() => retryPolicies, 'How it is retried'),
    deadLetterHandlingId: field.ref(() => deadLetterHandling, 'Where it goes when retries are exhausted'),
    owner: field.label('Team or person who owns the job'),
  },
});

export const scheduledJobs = planTable('scheduled_jobs', {
  purpose: 'Jobs started on a schedule (cron)',
  fields: {
    name: field.name(),
    jobTypeId: field.ref(() => jobTypes, 'The job type it starts', { required: true }),
    cron: field.label('Cron expression (five fields)'),
    timezone: field.label('IANA time zone the expression is read in'),
    overlapPolicy: field.enum(
      ['skip', 'queue', 'allow'],
      'What happens when the previous run is still going',
    ),
    missedRunAlert: field.flag('Whether a missed or failed run alerts someone'),
    lastRunAt: field.time('When it last ran (reported by the scheduler)'),
    lastRunStatus: field.enum(['succeeded', 'failed'], 'How its last run ended'),
  },
});

const cronExpression = /^(\S+\s+){4}\S+$/;

export const backgroundJobs = defineArea({
  number: 9,
  slug: 'background-jobs',
  key: 'jobs',
  title: 'Background jobs',
  summary: 'Queues, job types, retries, dead letters and schedules: work that runs outside a request.',
  tables: { jobQueues, jobTypes, retryPolicies, deadLetterHandling, scheduledJobs },
  checks: [
    {
      id: 'jobs.job-types-planned',
      level: 'bronze',
      title: 'Job types are planned',
      why: 'Work that runs outside requests fails silently unless someone listed it and decided how it runs.',
      evaluate: ({ jobTypes }) => atLeast(jobTypes, 'job types'),
    },
    {
      id: 'jobs.queue-for-every-job-type',
      level: 'bronze',
      title: 'Every job type names its queue',
      why: 'A job without a queue has no capacity plan and nobody watching its backlog.',
      evaluate: ({ jobTypes }) =>
        everyRow('job_types', jobTypes, 'job types', (job) => (job.queueId ? null : 'no queue')),
    },
    {
      id: 'jobs.retry-policy-for-every-job-type',
      level: 'silver',
      title: 'Every job type has a retry policy and a dead-letter handling',
      why: 'Transient failures need retries, and jobs that keep failing must land somewhere people look instead of vanishing.',
      evaluate: ({ jobTypes }) =>
        everyRow('job_types', jobTypes, 'job types', (job) =>
          missingOf(job, {
            retryPolicyId: 'no retry policy',
            deadLetterHandlingId: 'no dead-letter handling',
          }),
        ),
    },
    {
      id: 'jobs.retried-jobs-are-idempotent',
      level: 'silver',
      title: 'Every retried job type is idempotent',
      why: 'A retry runs the job again: unless a second run is harmless, retries double-charge, double-send or corrupt data.',
      evaluate: ({ jobTypes, retryPolicies }) =>
        everyRow('job_types', jobTypes, 'job types', (job) => {
          if (!job.idempotency) return 'idempotency not decided';
          const policy = retryPolicies.find((candidate) => candidate.id === job.retryPolicyId);
          const retried = policy ? (policy.maxAttempts ?? 1) > 1 && policy.strategy !== 'none' : false;
          if (retried && job.idempotency === 'not-idempotent') return 'retried but not idempotent';
          if (job.idempotency === 'idempotency-key' && !job.idempotencyKey) return 'no idempotency key named';
          return null;
        }),
    },
    {
      id: 'jobs.schedules-specified',
      level: 'silver',
      title: 'Every scheduled job has a valid cron, a time zone, an overlap policy and a missed-run alert',
      why: 'Schedules read in the wrong time zone, overlapping runs and silently missed runs are the classic cron failures.',
      evaluate: ({ scheduledJobs }) =>
        everyRow('scheduled_jobs', scheduledJobs, 'scheduled jobs', (job) => {
          const problems = missingOf(job, { timezone: 'no time zone', overlapPolicy: 'no overlap policy' });
          if (!job.cron || !cronExpression.test(job.cron)) problems.push('no valid five-field cron');
          if (job.missedRunAlert !== true) problems.push('missed runs do not alert');
          return problems;
        }),
    },
    {
      id: 'jobs.scheduled-jobs-succeeding',
      level: 'gold',
      title: 'Every scheduled job ran successfully within the last 7 days',
      why: 'A schedule on paper is not a schedule that runs: the last run is the evidence.',
      evaluate: ({ scheduledJobs }, { now }) =>
        everyRow('scheduled_jobs', scheduledJobs, 'scheduled jobs', (job) => {
          if (!job.lastRunAt) return 'never reported a run';
          if (job.lastRunStatus !== 'succeeded') return 'last run failed';
          return daysBetween(job.lastRunAt, now) > 7 ? 'last run more than 7 days ago' : null;
        }),
    },
    {
      id: 'jobs.dead-letter-replay-tested',
      level: 'gold',
      title: 'Replaying dead jobs was tried within the last 90 days',
      why: 'A dead-letter queue nobody can replay from only records losses; the replay path must be known to work.',
      evaluate: ({ deadLetterHandling }, { now }) =>
        everyRow('dead_letter_handling', deadLetterHandling, 'dead-letter handlings', (handling) => {
          if (handling.replayable !== true) return 'not replayable';
          if (!handling.lastReplayTestedAt) return 'replay never tested';
          return daysBetween(handling.lastReplayTestedAt, now) > 90
            ? 'replay last tested over 90 days ago'
            : null;
        }),
    },
  ],
});
