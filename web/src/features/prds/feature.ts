import type { Feature } from '../../shell/feature';
import { PrdDetail } from './prd-detail';
import { PrdEditor } from './prd-editor';
import { PrdHistory } from './prd-history';

/** PRDs live inside their project, so under the Projects section: no navigation entry of their own. */
export const prdsFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/prds/:id/edit', component: PrdEditor },
    { path: '/projects/:projectId/prds/:id/history', component: PrdHistory },
    { path: '/projects/:projectId/prds/:id', component: PrdDetail },
  ],
};
