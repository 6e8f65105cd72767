import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Background jobs area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function backgroundJobsFixture(now = new Date()): AreaImport {
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
          lastReplayTestedAt: daysAgo(now, 20),
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
          lastRunAt: daysAgo(now, 1),
          lastRunStatus: 'succeeded',
        },
      },
    ],
  };
}
