import type { Feature } from '../../shell/feature';
import { SagaPage } from './saga-page';
import { ProjectSagasPage, SagasPage } from './sagas-page';
import { WorkflowPage } from './workflow-page';
import { WorkflowsPage } from './workflows-page';

/** Sagas (every long operation, with its timeline) and the release workflows projects define. */
export const sagasFeature: Feature = {
  nav: { href: '/sagas', label: 'Sagas' },
  routes: [
    { path: '/sagas', component: SagasPage },
    { path: '/sagas/:sagaId', component: SagaPage },
    { path: '/projects/:projectId/sagas', component: ProjectSagasPage },
    { path: '/projects/:projectId/release-workflows', component: WorkflowsPage },
    { path: '/projects/:projectId/release-workflows/:key', component: WorkflowPage },
  ],
};
