import { defineArea } from '../area.ts';
import { atLeast, daysBetween, everyRow, missingOf } from '../checks.ts';
import { field } from '../fields.ts';
import { planTable } from '../table.ts';

export const externalRepositories = planTable('external_repositories', {
  purpose: 'Other repositories the project depends on or serves',
  fields: {
    name: field.name(),
    url: field.url('Where the repository lives'),
    role: field.enum(
      ['upstream', 'downstream', 'shared-library', 'infrastructure'],
      'How it relates to this project',
      {
        required: true,
      },
    ),
    owner: field.label('Team that owns it'),
    defaultBranch: field.label('Branch releases come from'),
  },
});

export const crossRepoDependencies = planTable('cross_repo_dependencies', {
  purpose: 'What this project needs from another repository, or offers to it',
  fields: {
    name: field.name(),
    repositoryId: field.ref(() => externalRepositories, 'The other repository', { required: true }),
    kind: field.enum(['api', 'library', 'schema', 'event', 'build'], 'What is shared', { required: true }),
    direction: field.enum(['consumes', 'provides'], 'Which way it goes', { required: true }),
    versionConstraint: field.label('Versions that are acceptable (e.g. ^2.3)'),
    contact: field.label('Who to talk to about changes'),
  },
});

export const sharedLibraries = planTable('shared_libraries', {
  purpose: 'Libraries shared across repositories, and how this project keeps up with them',
  fields: {
    name: field.name('Package name'),
    repositoryId: field.ref(() => externalRepositories, 'Where it is developed'),
    pinnedVersion: field.label('The version this project uses'),
    latestVersion: field.label('The latest released version'),
    upgradePolicy: field.enum(['pin', 'minor', 'latest'], 'How upgrades are taken'),
  },
});

export const versionCompatibilityMatrix = planTable('version_compatibility_matrix', {
  purpose: 'Which versions of this project work with which versions of a shared library',
  fields: {
    name: field.name('The combination, as people quote it'),
    libraryId: field.ref(() => sharedLibraries, 'The library', { required: true }),
    ourVersion: field.label('Version of this project', { required: true }),
    theirVersion: field.label('Version of the library', { required: true }),
    compatible: field.flag('Whether the combination works'),
    verifiedAt: field.time('When the combination was last tested'),
  },
});

export const coordinatedDeployments = planTable('coordinated_deployments', {
  purpose: 'Releases that must go out with another repository, in order',
  fields: {
    name: field.name(),
    repositoryId: field.ref(() => externalRepositories, 'The repository deployed alongside', {
      required: true,
    }),
    sequence: field.text('The order of the steps across repositories'),
    rollbackPlan: field.text('How to back out if one side fails'),
    plannedFor: field.date('When it is planned'),
    status: field.enum(['planned', 'done', 'failed'], 'Where it stands', { default: 'planned' }),
  },
});

export const crossRepositoryDependencies = defineArea({
  number: 3,
  slug: 'cross-repository-dependencies',
  key: 'repos',
  title: 'Cross-repository dependencies',
  summary:
    'Other repositories, what flows between them, shared libraries, compatible versions and joint releases.',
  tables: {
    externalRepositories,
    crossRepoDependencies,
    sharedLibraries,
    versionCompatibilityMatrix,
    coordinatedDeployments,
  },
  checks: [
    {
      id: 'repos.dependencies-mapped',
      level: 'bronze',
      title: 'Dependencies on other repositories are mapped',
      why: 'A change in one repository breaks another when nobody knew they were connected.',
      evaluate: ({ crossRepoDependencies }) =>
        atLeast(crossRepoDependencies, 'cross-repository dependencies'),
    },
    {
      id: 'repos.dependencies-have-contact-and-constraint',
      level: 'silver',
      title: 'Every cross-repository dependency names a contact and the acceptable versions',
      why: 'Upgrades and incidents need to know who to call and which versions are safe.',
      evaluate: ({ crossRepoDependencies }) =>
        everyRow('cross_repo_dependencies', crossRepoDependencies, 'dependencies', (dependency) =>
          missingOf(dependency, { contact: 'no contact', versionConstraint: 'no version constraint' }),
        ),
    },
    {
      id: 'repos.coordinated-deployments-have-rollback',
      level: 'silver',
      title: 'Every coordinated deployment has a sequence and a rollback plan',
      why: 'Joint releases fail half-way; the order and the way back must be decided before, not during.',
      evaluate: ({ coordinatedDeployments }) =>
        everyRow('coordinated_deployments', coordinatedDeployments, 'coordinated deployments', (deployment) =>
          missingOf(deployment, { sequence: 'no sequence', rollbackPlan: 'no rollback plan' }),
        ),
    },
    {
      id: 'repos.pinned-versions-verified',
      level: 'gold',
      title: "Every shared library's pinned version was verified compatible within 90 days",
      why: 'The matrix is only true if the combination in use was actually tested recently.',
      evaluate: ({ sharedLibraries, versionCompatibilityMatrix }, { now }) =>
        everyRow('shared_libraries', sharedLibraries, 'shared libraries', (library) => {
          if (!library.pinnedVersion) return 'no pinned version';
          const verified = versionCompatibilityMatrix.some(
            (row) =>
              row.libraryId === library.id &&
              row.theirVersion === library.pinnedVersion &&
              row.compatible === true &&
              row.verifiedAt &&
              daysBetween(row.verifiedAt, now) <= 90,
          );
          return verified ? null : `${library.pinnedVersion} not verified compatible in 90 days`;
        }),
    },
  ],
});
