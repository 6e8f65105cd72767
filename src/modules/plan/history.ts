import type { AppContext } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import type { HistoryPage, Scorecard } from './contracts.ts';
import { evaluateReadiness } from './readiness.ts';
import { type ProjectRef, projectsWithoutScore, saveScore, scoresBefore } from './store.ts';
import type { AreaScores } from './tables.ts';

/** The UTC day of an instant: YYYY-MM-DD. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Keeps the day's score of a project: the latest evaluation of the day replaces earlier ones. */
export async function recordScore(db: Executor, workspaceId: string, scorecard: Scorecard): Promise<void> {
  const areas: AreaScores = {};
  for (const area of scorecard.areas) {
    if (!area.applicable) continue;
    areas[area.slug] = {
      level: area.level ?? 'none',
      passing: area.passing.length,
      failing: area.failing.length,
    };
  }
  await saveScore(db, {
    workspaceId,
    projectId: scorecard.projectId,
    day: dayOf(scorecard.evaluatedAt),
    level: scorecard.level,
    passing: scorecard.passing,
    failing: scorecard.failing,
    areas,
    recordedAt: scorecard.evaluatedAt,
  });
}

/** A project's daily scores, newest day first; the cursor is the last day of the page. */
export async function listHistory(
  db: Executor,
  project: ProjectRef,
  page: { limit: number; cursor?: string },
): Promise<HistoryPage> {
  const rows = await scoresBefore(db, project, page);
  const hasMore = rows.length > page.limit;
  const data = hasMore ? rows.slice(0, page.limit) : rows;
  return { data, nextCursor: hasMore ? (data[data.length - 1]?.day ?? null) : null };
}

/**
 * Records the score on `now`'s day of every active project that has none yet that day; answers
 * how many it recorded. Each project is evaluated in its own workspace's transaction.
 */
export async function recordDailyScores(app: AppContext, now: Date): Promise<number> {
  // Finding the projects due crosses workspaces: the system database, with no workspace bound.
  const due = await projectsWithoutScore(app.systemDatabase.db, dayOf(now));
  for (const project of due) {
    await app.tenancy.bind(project.workspaceId).transaction(async (tx) => {
      const scorecard = await evaluateReadiness(tx, project, { now });
      await recordScore(tx, project.workspaceId, scorecard);
    });
  }
  return due.length;
}
