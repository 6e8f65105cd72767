import type { AreaImport } from '../contracts.ts';
import { daysAgo } from './fixture-support.ts';

/**
 * The complete plan of the Cross-repository dependencies area: every check passes. The area's test starts from it,
 * and the demo seed can too.
 */
export function crossRepositoryDependenciesFixture(now = new Date()): AreaImport {
  return {
    'external-repositories': [
      { ref: 'ledger', values: { name: 'ledger-service', role: 'downstream', owner: 'finance platform' } },
      { ref: 'sdk', values: { name: 'money-sdk', role: 'shared-library', owner: 'platform' } },
    ],
    'cross-repo-dependencies': [
      {
        values: {
          name: 'posts journal entries',
          repositoryId: '@ledger',
          kind: 'api',
          direction: 'consumes',
          versionConstraint: 'v2',
          contact: '#ledger',
        },
      },
    ],
    'shared-libraries': [
      { ref: 'money', values: { name: '@acme/money', repositoryId: '@sdk', pinnedVersion: '3.2.0' } },
    ],
    'version-compatibility-matrix': [
      {
        values: {
          name: 'pay 1.x with money 3.2',
          libraryId: '@money',
          ourVersion: '1.x',
          theirVersion: '3.2.0',
          compatible: true,
          verifiedAt: daysAgo(now, 10),
        },
      },
    ],
    'coordinated-deployments': [
      {
        values: {
          name: 'ledger v2 cut-over',
          repositoryId: '@ledger',
          sequence: 'ledger accepts both, then payments switches, then ledger drops v1',
          rollbackPlan: 'payments switches back; ledger still accepts v1 for 2 weeks',
        },
      },
    ],
  };
}
