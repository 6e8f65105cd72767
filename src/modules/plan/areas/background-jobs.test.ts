import { describeCheckCases } from '../test-helpers.ts';
import { backgroundJobsFixture } from './background-jobs.fixture.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';

describeCheckCases('background-jobs', {
  complete: backgroundJobsFixture,
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
      fixtureRow(fixture, 'dead-letter-handling').lastReplayTestedAt = daysAgo(new Date(), 200);
    },
  },
});
