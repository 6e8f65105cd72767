import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Audit logging and compliance area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function auditLoggingFixture(now = new Date()): AreaImport {
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
          lastIntegrityCheckAt: daysAgo(now, 1),
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
          verifiedAt: daysAgo(now, 3),
        },
      },
    ],
    'audit-search-indexes': [
      { values: { name: 'by actor and time', auditLogId: '@main', fields: ['actor', 'created at'] } },
    ],
  };
}
