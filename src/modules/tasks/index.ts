import { defineModule } from '../../core/app/module.ts';
import { claimExpiryJob } from './expiry.ts';
import { taskPermissions } from './permissions.ts';
import { taskResource } from './resource.ts';
import { getTaskRoute, listTasksRoute, updateTaskRoute } from './routes/tasks.ts';
import { workRoutes } from './routes/work.ts';
import { taskGateEvaluations, tasks } from './tables.ts';

/**
 * Tasks: work items people and agents claim with a lease, generated from approved PRD requirements
 * and failing readiness checks, that move to review or done only past their quality gates.
 */
export const tasksModule = defineModule({
  name: 'tasks',
  resources: [taskResource],
  routes: [listTasksRoute, getTaskRoute, updateTaskRoute, ...workRoutes],
  jobs: [claimExpiryJob],
  permissions: [taskPermissions.generate, taskPermissions.work, taskPermissions.override],
  tables: [tasks, taskGateEvaluations],
});
