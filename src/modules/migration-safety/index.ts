import { defineModule } from '../../core/app/module.ts';
import { migrationSafetyRoutes } from './routes.ts';
import { migrationLintRuns, migrationLintSettings } from './tables.ts';

/**
 * Migration safety: the SQL linter (src/engines/sql-lint) as a service. Lints on request, records
 * runs and turns their findings into the plan's migration risks, and keeps each project's settings.
 */
export const migrationSafetyModule = defineModule({
  name: 'migration-safety',
  routes: migrationSafetyRoutes,
  tables: [migrationLintRuns, migrationLintSettings],
});
