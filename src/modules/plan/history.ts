import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/connection.ts';
import { projects } from '../projects/schema.ts';
import { evaluateReadiness, type Scorecard } from './readiness.ts';
import { type AreaScores, readinessScores } from './readiness-schema.ts';

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
  const values = {
    workspaceId,
    projectId: scorecard.projectId,
    day: dayOf(scorecard.evaluatedAt),
    level: scorecard.level,
    passing: scorecard.passing,
    failing: scorecard.failing,
    areas,
    recordedAt: scorecard.evaluatedAt,
  };
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

export interface HistoryPage {
  data: Omit<typeof readinessScores.$inferSelect, 'workspaceId' | 'projectId'>[];
  nextCursor: string | null;
}

/** A project's daily scores, newest day first; the cursor is the last day of the page. */
export async function listHistory(
  db: Executor,
  scope: { workspaceId: string; projectId: string },
  page: { limit: number; cursor?: string },
): Promise<HistoryPage> {
  const rows = await db
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
        eq(readinessScores.workspaceId, scope.workspaceId),
        eq(readinessScores.projectId, scope.projectId),
        page.cursor ? lt(readinessScores.day, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(readinessScores.day))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const data = hasMore ? rows.slice(0, page.limit) : rows;
  return { data, nextCursor: hasMore ? (data[data.length - 1]?.day ?? null) : null };
}

/** Records today's score of every active project that has none yet today (the daily timer's work). */
export async function recordDailyScores(db: Database, now: Date): Promise<number> {
  const due = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(
      and(
        eq(projects.status, 'active'),
        sql`not exists (select 1 from ${readinessScores} where ${readinessScores.projectId} = ${projects.id} and ${readinessScores.day} = ${dayOf(now)})`,
      ),
    );
  for (const project of due) {
    const scorecard = await evaluateReadiness(
      db,
      { workspaceId: project.workspaceId, projectId: project.id },
      { now },
    );
    await recordScore(db, project.workspaceId, scorecard);
  }
  return due.length;
}

/** Runs `recordDailyScores` every `seconds` (0 turns it off). Returns a function that stops it. */
export function scheduleDailyScores(
  db: Database,
  seconds: number,
  onError: (error: unknown) => void,
): () => void {
  if (seconds <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recordDailyScores(db, new Date())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
