import { sql } from 'drizzle-orm';
import type { AppServices } from '../../core/http/route.ts';

// Fresh planner statistics after a sync or import changed many rows. PostgreSQL's autovacuum would
// gather them in time; PGlite has none, and without them the metrics' joins are planned as if the
// tables were empty (seconds instead of milliseconds). Only the tables' owner may gather them, not
// the workspace-bound role, so this uses the system database; statistics hold no rows, only
// distributions, and cover every workspace alike.
export async function refreshDeliveryStatistics(app: AppServices): Promise<void> {
  await app.systemDatabase.db.execute(
    sql`analyze gitlab_mr_lead_times, gitlab_mr_contributors, gitlab_deployments, jira_lead_times, jira_table_history, monthly_contributions`,
  );
}
