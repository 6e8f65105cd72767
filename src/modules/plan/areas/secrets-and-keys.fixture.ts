import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Secrets and keys area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function secretsAndKeysFixture(now = new Date()): AreaImport {
  return {
    'secrets-inventory': [
      {
        ref: 'signing',
        values: {
          name: 'WEBHOOK_SIGNING_KEY',
          kind: 'signing-key',
          sensitivity: 'critical',
          store: 'vault',
          environment: 'production',
          usedBy: ['payments-api'],
          owner: 'payments team',
        },
      },
      {
        ref: 'sandbox',
        values: {
          name: 'ACQUIRER_SANDBOX_KEY',
          kind: 'api-key',
          sensitivity: 'low',
          store: 'environment-variable',
          environment: 'staging',
          owner: 'payments team',
        },
      },
    ],
    'rotation-schedules': [
      {
        values: {
          name: 'signing key quarterly',
          secretId: '@signing',
          intervalDays: 90,
          method: 'automatic',
          lastRotatedAt: daysAgo(now, 30),
        },
      },
      {
        values: {
          name: 'sandbox key yearly',
          secretId: '@sandbox',
          intervalDays: 365,
          method: 'manual',
          procedure: 'issue a new key in the acquirer console, update staging, revoke the old one',
          lastRotatedAt: daysAgo(now, 200),
        },
      },
    ],
    'key-versions': [
      { values: { name: '2026-08', secretId: '@signing', version: 1, status: 'retired' } },
      { values: { name: '2026-10', secretId: '@signing', version: 2, status: 'active' } },
    ],
    'key-access-logs': [
      {
        values: {
          name: 'vault audit device',
          secretId: '@signing',
          destination: 'vault audit log shipped to the SIEM',
          alertOnAnomaly: true,
          reviewer: 'security team',
          reviewIntervalDays: 30,
          lastReviewedAt: daysAgo(now, 10),
        },
      },
    ],
  };
}
