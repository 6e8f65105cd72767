import { and, count, eq, ilike, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike, filterConditions } from '../../core/resource/filters.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { afterCursor, encodeCursor, orderBy, parseSort } from '../../core/resource/sorting.ts';
import type { CategoryOutput, ScenarioDetail, ScenarioListQuery } from './analysis-contracts.ts';
import { scenarioFilters, scenarioSortable } from './scenarios-filters.ts';
import { attachmentsOf, importedRun, scenarioOf, scenarioOutput, stepTree } from './scenarios-store.ts';
import { allureScenarios } from './tables.ts';

// A run's scenarios: listed with filters (what changed since the branch's previous run, flaky,
// quarantined, labels), one with its steps and attachments, and failures by category.

const s = allureScenarios;
const maxSearchWords = 10;

function searchCondition(q: string): SQL[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, maxSearchWords)
    .map((word) => {
      const pattern = `%${escapeLike(word)}%`;
      return or(ilike(s.fullName, pattern), ilike(s.statusMessage, pattern)) ?? sql`false`;
    });
}

/** GET …/test-runs/{runId}/scenarios: a page of the run's scenarios. */
export async function listScenarios(scope: Scope, runId: string, query: ScenarioListQuery) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const run = await importedRun(db, scope, runId);
    const keys = parseSort(query.sort, scenarioSortable);
    const conditions: SQL[] = [
      eq(s.workspaceId, scope.ctx.workspaceId),
      eq(s.runId, run.id),
      ...filterConditions(scenarioFilters, query, scope.ctx),
      ...searchCondition(query.q ?? ''),
    ];
    if (query.cursor) conditions.push(afterCursor(keys, s.id, query.cursor));
    const rows = await db
      .select()
      .from(s)
      .where(and(...conditions))
      .orderBy(...orderBy(keys, s.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      data: page.map(scenarioOutput),
      nextCursor: rows.length > query.limit && last ? encodeCursor(keys, last) : null,
    };
  });
}

/** GET …/test-runs/{runId}/scenarios/{scenarioId}: the scenario with its steps and attachments. */
export async function getScenario(scope: Scope, runId: string, scenarioId: string): Promise<ScenarioDetail> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const run = await importedRun(db, scope, runId);
    const row = await scenarioOf(db, scope, run, scenarioId);
    const steps = await stepTree(db, run, row.id);
    return {
      ...scenarioOutput(row),
      statusTrace: row.statusTrace,
      steps,
      attachments: attachmentsOf(run, row.attachments),
    };
  });
}

/** GET …/test-runs/{runId}/categories: the run's failures grouped by category, largest first. */
export async function runCategories(scope: Scope, runId: string): Promise<{ data: CategoryOutput[] }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const run = await importedRun(db, scope, runId);
    const rows = await db
      .select({ category: s.category, status: s.status, count: count() })
      .from(s)
      .where(and(eq(s.workspaceId, scope.ctx.workspaceId), eq(s.runId, run.id), isNotNull(s.category)))
      .groupBy(s.category, s.status);
    const byName = new Map<string, CategoryOutput>();
    for (const row of rows) {
      const name = row.category ?? '';
      const category = byName.get(name) ?? {
        name,
        count: 0,
        statuses: { passed: 0, failed: 0, broken: 0, skipped: 0, unknown: 0 },
      };
      category.count += row.count;
      category.statuses[row.status] += row.count;
      byName.set(name, category);
    }
    const data = [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { data };
  });
}
