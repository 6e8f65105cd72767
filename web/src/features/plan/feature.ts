import type { Feature } from '../../shell/feature';
import { AreaPage } from './area-page';
import { PlanPage } from './plan-page';

/** A project's production-readiness plan, reached from the project's page: no section of its own in the header. */
export const planFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/plan', component: PlanPage },
    { path: '/projects/:projectId/plan/:area', component: AreaPage },
  ],
};
