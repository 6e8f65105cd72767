import type { Feature } from '../../shell/feature';
import { AreaPage } from './area-page';
import { ScorecardPage } from './scorecard-page';
import { WaiversPage } from './waivers-page';

/** A project's production readiness, reached from the project's page: no section of its own in the header. */
export const readinessFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/readiness', component: ScorecardPage },
    { path: '/projects/:projectId/readiness/waivers', component: WaiversPage },
    { path: '/projects/:projectId/readiness/areas/:area', component: AreaPage },
  ],
};
