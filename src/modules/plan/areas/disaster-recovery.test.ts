import { describeCheckCases } from '../test-helpers.ts';
import { disasterRecoveryFixture } from './disaster-recovery.fixture.ts';
import { fixtureRow } from './fixture-support.ts';

describeCheckCases('disaster-recovery', {
  complete: disasterRecoveryFixture,
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
