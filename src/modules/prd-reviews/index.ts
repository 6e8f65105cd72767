import { defineModule } from '../../core/app/module.ts';
import { prdCachePurgeJob } from './cache.ts';
import { prdResource } from './resource.ts';
import { commentRoutes } from './routes/comments.ts';
import {
  diffRoute,
  findPrdRoute,
  getRevisionRoute,
  htmlRoute,
  lintRoute,
  listRevisionsRoute,
} from './routes/content.ts';
import { exportRoute, importRoute } from './routes/exchange.ts';
import {
  approvalRoute,
  getSettingsRoute,
  listDecisionsRoute,
  listReviewRequestsRoute,
  requestReviewsRoute,
  updateSettingsRoute,
} from './routes/reviews.ts';
import { workflowRoutes } from './routes/workflow.ts';
import {
  prdReviewCache,
  prdReviewComments,
  prdReviewDecisions,
  prdReviewRequests,
  prdReviewRevisions,
  prdReviewSettings,
  prdReviews,
} from './tables.ts';

/** PRD reviews: the resource, its workflow, revisions, comments, lint, cache and exchange. */
export const prdReviewsModule = defineModule({
  name: 'prd-reviews',
  resources: [prdResource],
  routes: [
    ...workflowRoutes,
    requestReviewsRoute,
    listReviewRequestsRoute,
    listDecisionsRoute,
    approvalRoute,
    getSettingsRoute,
    updateSettingsRoute,
    findPrdRoute,
    listRevisionsRoute,
    getRevisionRoute,
    diffRoute,
    htmlRoute,
    lintRoute,
    exportRoute,
    importRoute,
    ...commentRoutes,
  ],
  jobs: [prdCachePurgeJob],
  tables: [
    prdReviews,
    prdReviewRevisions,
    prdReviewRequests,
    prdReviewDecisions,
    prdReviewComments,
    prdReviewCache,
    prdReviewSettings,
  ],
});
