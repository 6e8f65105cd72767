import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { planTablesOf } from './area.ts';
import { planAreas } from './areas/index.ts';
import type { PlanCounts } from './contracts.ts';
import { countPlanRows } from './store.ts';

/** How many rows a project has planned, per area and per table, in plan order. */
export async function planCounts(scope: Scope): Promise<PlanCounts> {
  const projectId = scope.projectId;
  if (!projectId) throw new Error('plan counts need a project');
  const counts = await scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    return countPlanRows(db, { workspaceId: scope.ctx.workspaceId, projectId }, planTablesOf(planAreas));
  });
  const areas = planAreas.map((area) => {
    const tables = Object.fromEntries(area.tables.map(({ slug, table }) => [slug, counts.get(table) ?? 0]));
    const rows = Object.values(tables).reduce((sum, count) => sum + count, 0);
    return { slug: area.slug, rows, tables };
  });
  return { areas, total: areas.reduce((sum, area) => sum + area.rows, 0) };
}
