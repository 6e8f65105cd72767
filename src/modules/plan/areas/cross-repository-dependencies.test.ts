import { describeCheckCases, type Fixture, fixtureRow } from '../check-cases.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function complete(): Fixture {
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
          verifiedAt: daysAgo(10),
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

describeCheckCases('cross-repository-dependencies', {
  complete,
  failing: {
    'repos.dependencies-mapped': (fixture) => {
      fixture['cross-repo-dependencies'] = [];
    },
    'repos.dependencies-have-contact-and-constraint': (fixture) => {
      delete fixtureRow(fixture, 'cross-repo-dependencies').contact;
    },
    'repos.coordinated-deployments-have-rollback': (fixture) => {
      delete fixtureRow(fixture, 'coordinated-deployments').rollbackPlan;
    },
    'repos.pinned-versions-verified': (fixture) => {
      fixtureRow(fixture, 'shared-libraries').pinnedVersion = '3.3.0';
    },
  },
});
