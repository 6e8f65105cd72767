import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'job-queues': [{ ref: 'default', values: { name: 'default', system: 'pg-boss', concurrency: 4 } }],
    'retry-policies': [
      {
        ref: 'backoff',
        values: { name: 'exponential x5', strategy: 'exponential', maxAttempts: 5, jitter: true },
      },
    ],
    'dead-letter-handling': [
      {
        ref: 'dlq',
        values: {
          name: 'failed jobs table',
          destination: 'pgboss.archive',
          alertChannel: '#payments-alerts',
          replayable: true,
          lastReplayTestedAt: daysAgo(20),
        },
      },
    ],
    'job-types': [
      {
        ref: 'receipt',
        values: {
          name: 'send-receipt',
          queueId: '@default',
          idempotency: 'idempotency-key',
          idempotencyKey: 'payment id',
          retryPolicyId: '@backoff',
          deadLetterHandlingId: '@dlq',
        },
      },
      {
        ref: 'settle',
        values: {
          name: 'settle-batch',
          queueId: '@default',
          idempotency: 'naturally-idempotent',
          retryPolicyId: '@backoff',
          deadLetterHandlingId: '@dlq',
        },
      },
    ],
    'scheduled-jobs': [
      {
        values: {
          name: 'nightly settlement',
          jobTypeId: '@settle',
          cron: '0 2 * * *',
          timezone: 'Europe/Paris',
          overlapPolicy: 'skip',
          missedRunAlert: true,
          lastRunAt: daysAgo(1),
          lastRunStatus: 'succeeded',
        },
      },
    ],
  };
}

describeCheckCases('background-jobs', {
  complete,
  failing: {
    'jobs.job-types-planned': (fixture) => {
      fixture['job-types'] = [];
      fixture['scheduled-jobs'] = [];
    },
    'jobs.queue-for-every-job-type': (fixture) => {
      delete fixtureRow(fixture, 'job-types', 1).queueId;
    },
    'jobs.retry-policy-for-every-job-type': (fixture) => {
      delete fixtureRow(fixture, 'job-types', 0).deadLetterHandlingId;
    },
    'jobs.retried-jobs-are-idempotent': (fixture) => {
      fixtureRow(fixture, 'job-types', 0).idempotency = 'not-idempotent';
    },
    'jobs.schedules-specified': (fixture) => {
      fixtureRow(fixture, 'scheduled-jobs').cron = 'every night';
    },
    'jobs.scheduled-jobs-succeeding': (fixture) => {
      fixtureRow(fixture, 'scheduled-jobs').lastRunStatus = 'failed';
    },
    'jobs.dead-letter-replay-tested': (fixture) => {
      fixtureRow(fixture, 'dead-letter-handling').lastReplayTestedAt = daysAgo(200);
    },
  },
});
