import { defineModule } from '../../core/app/module.ts';
import { decisionPermissions } from './lifecycle.ts';
import { decisionResource } from './resource.ts';
import { exportAllRoute, exportOneRoute, importRoute } from './routes/exchange.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { getSettingsRoute, putSettingsRoute, timelineRoute } from './routes/settings.ts';
import { decisionLogSettings, decisionLogs } from './tables.ts';

/** Decision logs: the resource, its lifecycle, settings, timeline, and ADR import and export. */
export const decisionLogsModule = defineModule({
  name: 'decision-logs',
  resources: [decisionResource],
  routes: [
    getSettingsRoute,
    putSettingsRoute,
    timelineRoute,
    exportAllRoute,
    exportOneRoute,
    importRoute,
    ...lifecycleRoutes,
  ],
  permissions: [decisionPermissions.ratify],
  tables: [decisionLogs, decisionLogSettings],
});
