import type { Feature } from '../../shell/feature';
import { FindingsPage } from './findings-page';
import { FindingSetPage } from './set-page';
import { FindingSetsPage } from './sets-page';

/** A project's review findings and SARIF uploads, reached from the project's page. */
export const findingsFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/findings', component: FindingsPage },
    { path: '/projects/:projectId/findings/sets', component: FindingSetsPage },
    { path: '/projects/:projectId/findings/sets/:setId', component: FindingSetPage },
  ],
};
