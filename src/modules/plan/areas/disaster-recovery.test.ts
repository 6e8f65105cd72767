import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'recovery-objectives': [
      {
        ref: 'ledger',
        values: {
          name: 'payments ledger',
          tier: 'critical',
          rtoMinutes: 60,
          rpoMinutes: 5,
          owner: 'platform team',
        },
      },
    ],
    'backup-strategies': [
      {
        ref: 'wal',
        values: {
          name: 'continuous WAL archiving',
          recoveryObjectiveId: '@ledger',
          method: 'continuous-archiving',
          storageLocation: 'object storage in a second region',
          offsite: true,
          encrypted: true,
          retentionDays: 35,
        },
      },
    ],
    'backup-schedules': [
      {
        values: {
          name: 'WAL shipping',
          backupStrategyId: '@wal',
          intervalMinutes: 1,
          alertOnFailure: true,
          lastSucceededAt: daysAgo(0.1),
          lastStatus: 'succeeded',
        },
      },
    ],
    'backup-test-plans': [
      {
        values: {
          name: 'quarterly point-in-time restore',
          recoveryObjectiveId: '@ledger',
          procedure: 'restore to a scratch instance at a chosen time, compare ledger totals',
          frequencyDays: 90,
          lastRunAt: daysAgo(40),
          lastResult: 'passed',
          measuredRtoMinutes: 42,
          measuredRpoMinutes: 1,
        },
      },
    ],
  };
}

describeCheckCases('disaster-recovery', {
  complete,
  failing: {
    'dr.objectives-set': (fixture) => {
      for (const table of Object.keys(fixture)) fixture[table] = [];
    },
    'dr.objectives-specified': (fixture) => {
      delete fixtureRow(fixture, 'recovery-objectives').owner;
    },
    'dr.backups-meet-rpo': (fixture) => {
      fixtureRow(fixture, 'backup-schedules').intervalMinutes = 1440;
    },
    'dr.test-plan-for-every-objective': (fixture) => {
      delete fixtureRow(fixture, 'backup-test-plans').procedure;
    },
    'dr.backups-succeeding': (fixture) => {
      fixtureRow(fixture, 'backup-schedules').lastStatus = 'failed';
    },
    'dr.restore-drilled-within-90-days': (fixture) => {
      fixtureRow(fixture, 'backup-test-plans').measuredRtoMinutes = 90;
    },
  },
});
