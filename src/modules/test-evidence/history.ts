import { and, eq, type SQL } from 'drizzle-orm';
import { notFound } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { afterCursor, encodeCursor, orderBy, type SortKey } from '../../core/resource/sorting.ts';
import type { HistoryEntry, HistoryQuery } from './analysis-contracts.ts';
import { projectOf } from './scenarios-store.ts';
import { allureReport, allureScenarios } from './tables.ts';

// A test's history without a window: every imported run's result of it, newest first, paged with
// the resource layer's cursors (upload time, then the scenario id).

const s = allureScenarios;
const r = allureReport;
const newestFirst: SortKey[] = [{ field: 'createdAt', column: r.createdAt, descending: true }];

/** GET …/tests/{historyId}/history. 404 when no imported run of the project has the test. */
export async function testHistory(
  scope: Scope,
  historyId: string,
  query: HistoryQuery,
): Promise<{ data: HistoryEntry[]; nextCursor: string | null }> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const branch = query['filter[branch]'];
    const conditions: SQL[] = [
      eq(s.workspaceId, scope.ctx.workspaceId),
      eq(s.projectId, projectOf(scope)),
      eq(s.historyId, historyId),
      eq(r.status, 'imported'),
    ];
    if (branch) conditions.push(eq(r.branch, branch));
    if (query.cursor) conditions.push(afterCursor(newestFirst, s.id, query.cursor));
    const rows = await db
      .select({
        runId: r.id,
        runName: r.name,
        branch: r.branch,
        commitSha: r.commitSha,
        createdAt: r.createdAt,
        status: s.status,
        durationMs: s.durationMs,
        scenarioId: s.id,
      })
      .from(s)
      .innerJoin(r, eq(r.id, s.runId))
      .where(and(...conditions))
      .orderBy(...orderBy(newestFirst, s.id))
      .limit(query.limit + 1);
    // Without a branch or cursor, no row at all means no imported run of the project has the test.
    if (rows.length === 0 && !query.cursor && !branch) throw notFound('test', historyId);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      data: page,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor(newestFirst, { createdAt: last.createdAt, id: last.scenarioId })
          : null,
    };
  });
}
