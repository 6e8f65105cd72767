import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
  return {
    'audit-retention-policies': [
      {
        ref: 'pci',
        values: {
          name: 'one year online',
          retentionDays: 365,
          legalBasis: 'PCI DSS 10.5.1',
          archiveAfterDays: 90,
          disposal: 'delete',
          legalHold: true,
        },
      },
    ],
    'audit-logs': [
      {
        ref: 'main',
        values: {
          name: 'payments audit log',
          store: 'audit_events table',
          immutability: 'append-only-table',
          integrityVerification: 'hash-chain',
          encryptedAtRest: true,
          readAccess: 'security team',
          retentionPolicyId: '@pci',
          lastIntegrityCheckAt: daysAgo(1),
          lastIntegrityCheckResult: 'passed',
        },
      },
    ],
    'audit-events': [
      {
        values: {
          name: 'payment.refunded',
          category: 'financial',
          auditLogId: '@main',
          capturedFields: ['actor', 'payment id', 'amount before and after'],
          requiredBy: ['PCI DSS 10.2'],
          verifiedAt: daysAgo(3),
        },
      },
    ],
    'audit-search-indexes': [
      { values: { name: 'by actor and time', auditLogId: '@main', fields: ['actor', 'created at'] } },
    ],
  };
}

describeCheckCases('audit-logging', {
  complete,
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
      fixtureRow(fixture, 'audit-events').verifiedAt = daysAgo(60);
    },
    'audit.integrity-verified': (fixture) => {
      fixtureRow(fixture, 'audit-logs').lastIntegrityCheckResult = 'failed';
    },
  },
});
