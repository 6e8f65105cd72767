import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { projects } from '../../core/tenancy/projects-table.ts';
import type { Executor } from '../../db/connection.ts';
import type { PlanRow } from './checks.ts';
import type { AnyPlanTable } from './table.ts';
import { planAreaExclusions, readinessDisabledChecks, readinessScores, readinessWaivers } from './tables.ts';

/** The project a readiness evaluation is about. */
export interface ProjectRef {
  workspaceId: string;
  projectId: string;
}

/** A project's rows of some plan tables, oldest first (for readiness and the export). */
export async function readPlanRows(
  db: Executor,
  project: ProjectRef,
  tables: readonly AnyPlanTable[],
): Promise<Map<AnyPlanTable, PlanRow[]>> {
  const rows = new Map<AnyPlanTable, PlanRow[]>();
  for (const table of tables) {
    const found = await db
      .select()
      .from(table)
      .where(and(eq(table.workspaceId, project.workspaceId), eq(table.projectId, project.projectId)))
      .orderBy(table.createdAt, table.id);
    // Every plan table has a uuid `id`: the rows are plan rows.
    rows.set(
      table,
      found.map((row) => ({ ...row, id: String(row.id) })),
    );
  }
  return rows;
}

/** The waivers in force for a project, the longest-lasting last. */
export async function activeWaivers(db: Executor, project: ProjectRef, now: Date) {
  return db
    .select()
    .from(readinessWaivers)
    .where(
      and(
        eq(readinessWaivers.workspaceId, project.workspaceId),
        eq(readinessWaivers.projectId, project.projectId),
        gt(readinessWaivers.expiresAt, now),
      ),
    )
    .orderBy(readinessWaivers.expiresAt);
}

/** The checks the workspace turned off. */
export async function disabledChecks(db: Executor, workspaceId: string) {
  return db
    .select()
    .from(readinessDisabledChecks)
    .where(eq(readinessDisabledChecks.workspaceId, workspaceId));
}

/** The areas marked not applicable to a project. */
export async function excludedAreas(db: Executor, project: ProjectRef) {
  return db
    .select()
    .from(planAreaExclusions)
    .where(
      and(
        eq(planAreaExclusions.workspaceId, project.workspaceId),
        eq(planAreaExclusions.projectId, project.projectId),
      ),
    );
}

export type ScoreValues = typeof readinessScores.$inferInsert;

/** Keeps a project's score of a day: a later one of the same day replaces it. */
export async function saveScore(db: Executor, values: ScoreValues): Promise<void> {
  await db
    .insert(readinessScores)
    .values(values)
    .onConflictDoUpdate({
      target: [readinessScores.projectId, readinessScores.day],
      set: {
        level: values.level,
        passing: values.passing,
        failing: values.failing,
        areas: values.areas,
        recordedAt: values.recordedAt,
      },
    });
}

/** A project's daily scores, newest day first, before the cursor day; one more than `limit` to tell a next page. */
export async function scoresBefore(
  db: Executor,
  project: ProjectRef,
  page: { limit: number; cursor?: string },
) {
  return db
    .select({
      day: readinessScores.day,
      level: readinessScores.level,
      passing: readinessScores.passing,
      failing: readinessScores.failing,
      areas: readinessScores.areas,
      recordedAt: readinessScores.recordedAt,
    })
    .from(readinessScores)
    .where(
      and(
        eq(readinessScores.workspaceId, project.workspaceId),
        eq(readinessScores.projectId, project.projectId),
        page.cursor ? lt(readinessScores.day, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(readinessScores.day))
    .limit(page.limit + 1);
}

/** The active projects of every workspace that have no score on `day` yet. */
export async function projectsWithoutScore(db: Executor, day: string): Promise<ProjectRef[]> {
  return db
    .select({ projectId: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(
      and(
        eq(projects.status, 'active'),
        sql`not exists (select 1 from ${readinessScores} where ${readinessScores.projectId} = ${projects.id} and ${readinessScores.day} = ${day})`,
      ),
    );
}

/** How many rows a project has in each of some plan tables, in one statement. */
export async function countPlanRows(
  db: Executor,
  project: ProjectRef,
  tables: readonly AnyPlanTable[],
): Promise<Map<AnyPlanTable, number>> {
  const counts = tables.map(
    (table, index) =>
      sql`select ${index}::int as "table", count(*)::int as "rows" from ${table} where ${table.workspaceId} = ${project.workspaceId} and ${table.projectId} = ${project.projectId}`,
  );
  const result = await db.execute(sql.join(counts, sql` union all `));
  const found = new Map<AnyPlanTable, number>(tables.map((table) => [table, 0]));
  for (const row of result.rows) {
    const table = tables[Number(row.table)];
    if (table) found.set(table, Number(row.rows));
  }
  return found;
}
