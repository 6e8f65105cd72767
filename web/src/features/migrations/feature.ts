import type { Feature } from '../../shell/feature';
import { CheckSqlPage } from './check-sql-page';
import { LintRunPage } from './lint-run-page';
import { MigrationsPage } from './migrations-page';

/** A project's migrations, reached from the project's page: no section of its own in the header. */
export const migrationsFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/migrations', component: MigrationsPage },
    { path: '/projects/:projectId/migrations/check', component: CheckSqlPage },
    { path: '/projects/:projectId/migrations/runs/:runId', component: LintRunPage },
  ],
};
