import { defineModule } from '../../core/app/module.ts';
import { deliveryPermissions } from './contracts.ts';
import { deliveryDataResources } from './data-resources.ts';
import { jiraHistoryRetentionJob } from './history-retention.ts';
import { connectionResource, personResource, sourceResource, syncRunResource } from './resources.ts';
import { deliveryActionRoutes } from './routes/actions.ts';
import { deliveryMetricRoutes } from './routes/metrics.ts';
import { deliverySyncSaga } from './sync-saga.ts';
import { deliverySyncScheduleJob } from './sync-schedule.ts';
import { deliveryTables } from './tables.ts';

/**
 * Delivery evidence: GitLab merge requests and deployments, Jira issues and their changelogs,
 * synced (or imported) into lead times, contributions and DORA's four keys.
 */
export const deliveryModule = defineModule({
  name: 'delivery',
  resources: [connectionResource, sourceResource, syncRunResource, personResource, ...deliveryDataResources],
  routes: [...deliveryActionRoutes, ...deliveryMetricRoutes],
  permissions: Object.values(deliveryPermissions),
  jobs: [deliverySyncScheduleJob, jiraHistoryRetentionJob],
  sagas: [deliverySyncSaga],
  tables: deliveryTables,
});
