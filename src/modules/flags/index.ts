import { defineModule } from '../../core/app/module.ts';
import { environmentResource, segmentResource } from './resource.ts';
import { configRoutes } from './routes/configs.ts';
import { flagRoutes } from './routes/flags.ts';
import { sdkKeyRoutes } from './routes/sdk-keys.ts';
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
  routes: [...flagRoutes, ...configRoutes, ...sdkKeyRoutes],
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
