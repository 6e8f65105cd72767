import { describeCheckCases } from '../test-helpers.ts';
import { crossRepositoryDependenciesFixture } from './cross-repository-dependencies.fixture.ts';
import { fixtureRow } from './fixture-support.ts';

describeCheckCases('cross-repository-dependencies', {
  complete: crossRepositoryDependenciesFixture,
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
