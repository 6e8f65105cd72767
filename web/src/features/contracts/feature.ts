import type { Feature } from '../../shell/feature';
import { ComparePage } from './compare-page';
import { ContractPage } from './contract-page';
import { ContractsPage } from './contracts-page';
import { RulesPage } from './rules-page';
import { VersionPage } from './version-page';

/** A project's API contracts, reached from the project's page: no section of its own in the header. */
export const contractsFeature: Feature = {
  routes: [
    { path: '/contracts/rules', component: RulesPage },
    { path: '/projects/:projectId/contracts', component: ContractsPage },
    { path: '/projects/:projectId/contracts/:contractId', component: ContractPage },
    { path: '/projects/:projectId/contracts/:contractId/compare', component: ComparePage },
    { path: '/projects/:projectId/contracts/:contractId/versions/:versionId', component: VersionPage },
  ],
};
