import { defineModule } from '../../core/app/module.ts';
import { scheduledChangesJob } from './job.ts';
import { environmentResource, segmentResource } from './resource.ts';
import { configRoutes } from './routes/configs.ts';
import { flagRoutes } from './routes/flags.ts';
import { insightRoutes } from './routes/insights.ts';
import { scheduleRoutes } from './routes/schedule.ts';
import { sdkKeyRoutes } from './routes/sdk-keys.ts';
import { flagsSdkApi } from './sdk/index.ts';
import {
  flagCodeReferences,
  flagConfigs,
  flagEnvironments,
  flagEvaluationCounts,
  flagScheduledChanges,
  flagSdkKeys,
  flagSegments,
} from './tables.ts';

/**
 * Feature flags that run: the plan's flags served per environment, evaluated by the flag engine
 * (src/engines/flag-eval) for applications through OFREP and an Unleash-compatible client API.
 */
export const flagsModule = defineModule({
  name: 'flags',
  resources: [environmentResource, segmentResource],
  routes: [...flagRoutes, ...configRoutes, ...insightRoutes, ...scheduleRoutes, ...sdkKeyRoutes],
  jobs: [scheduledChangesJob],
  // OFREP and the Unleash client API, outside /api/v1 and authenticated by SDK keys.
  externalApis: [flagsSdkApi],
  tables: [
    flagEnvironments,
    flagConfigs,
    flagSegments,
    flagSdkKeys,
    flagScheduledChanges,
    flagEvaluationCounts,
    flagCodeReferences,
  ],
});
