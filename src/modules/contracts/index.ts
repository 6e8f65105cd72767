import { defineModule } from '../../core/app/module.ts';
import { consumerRoutes } from './routes/consumers.ts';
import { settingsRoutes } from './routes/settings.ts';
import { versionRoutes } from './routes/versions.ts';
import { contractConsumers, contractSettings, contractVersions } from './tables.ts';

/**
 * Contract checks: the contract diff engine (src/engines/openapi-diff) as a service. Keeps the
 * versions uploaded of each API contract of the plan with their diffs, names the registered
 * consumers each change affects, records breaking changes, migration guides and deprecations in the
 * plan, takes reviews, and diffs documents on request.
 */
export const contractsModule = defineModule({
  name: 'contracts',
  routes: [...versionRoutes, ...consumerRoutes, ...settingsRoutes],
  tables: [contractVersions, contractConsumers, contractSettings],
});
