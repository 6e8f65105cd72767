import { describeCheckCases } from '../test-helpers.ts';
import { auditLoggingFixture } from './audit-logging.fixture.ts';
import { daysAgo, fixtureRow } from './fixture-support.ts';

describeCheckCases('audit-logging', {
  complete: auditLoggingFixture,
  failing: {
    'audit.events-listed': (fixture) => {
      fixture['audit-events'] = [];
    },
    'audit.events-captured': (fixture) => {
      fixtureRow(fixture, 'audit-events').capturedFields = ['payment id'];
    },
    'audit.logs-tamper-evident': (fixture) => {
      fixtureRow(fixture, 'audit-logs').immutability = 'none';
    },
    'audit.retention-justified': (fixture) => {
      delete fixtureRow(fixture, 'audit-retention-policies').legalBasis;
    },
    'audit.events-verified': (fixture) => {
      fixtureRow(fixture, 'audit-events').verifiedAt = daysAgo(new Date(), 60);
    },
    'audit.integrity-verified': (fixture) => {
      fixtureRow(fixture, 'audit-logs').lastIntegrityCheckResult = 'failed';
    },
  },
});
