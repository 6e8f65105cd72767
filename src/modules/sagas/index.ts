import { defineModule } from '../../core/app/module.ts';
import { sagaPermissions } from '../../core/sagas/actions.ts';
import { releasePermissions, releaseResources } from './release/resources.ts';
import { releaseRoutes } from './release/routes.ts';
import { releaseSaga } from './release/saga.ts';
import { sagaActionRoutes } from './routes/actions.ts';
import { sagaReadRoutes } from './routes/sagas.ts';
import { sagaSweepJob } from './sweep.ts';
import { releaseWorkflowTables } from './tables.ts';

/**
 * Sagas: the API over the saga engine (core/sagas) — lists, timelines, signals, approvals, cancel,
 * retry, resume — and the release workflows projects define as data and run as sagas.
 */
export const sagasModule = defineModule({
  name: 'sagas',
  resources: [...releaseResources],
  routes: [...sagaReadRoutes, ...sagaActionRoutes, ...releaseRoutes],
  permissions: [...Object.values(sagaPermissions), ...Object.values(releasePermissions)],
  jobs: [sagaSweepJob],
  sagas: [releaseSaga],
  tables: [...releaseWorkflowTables],
});
