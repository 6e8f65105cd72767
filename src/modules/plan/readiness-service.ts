import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { findArea } from './area.ts';
import { planAreas } from './areas/index.ts';
import type { Level } from './checks.ts';
import type { HistoryPage, Scorecard } from './contracts.ts';
import { listHistory, recordScore } from './history.ts';
import { evaluateReadiness } from './readiness.ts';
import type { ProjectRef } from './store.ts';

/** The project in the caller's path, in the caller's workspace. */
function projectOf(scope: Scope): ProjectRef {
  if (!scope.projectId) throw new Error('a readiness route needs a project');
  return { workspaceId: scope.ctx.workspaceId, projectId: scope.projectId };
}

/** The area slugs of `?area=a,b`, each a known area (400 otherwise); undefined for every area. */
function chosenAreas(area: string | undefined): string[] | undefined {
  const slugs = area?.split(',').filter(Boolean);
  const unknown = slugs?.filter((slug) => !findArea(planAreas, slug)) ?? [];
  if (unknown.length > 0) {
    throw new AppError('validation_failed', `No plan area ${unknown.join(', ')}.`, {
      errors: [{ path: 'query.area', message: `unknown area ${unknown.join(', ')}` }],
    });
  }
  return slugs;
}

/**
 * A project's scorecard, of every area or of those named. A full evaluation also keeps the day's
 * score for the history, in the same transaction as the reads it comes from.
 */
export async function readinessOf(scope: Scope, query: { area?: string }): Promise<Scorecard> {
  const project = projectOf(scope);
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const areas = chosenAreas(query.area);
    const scorecard = await evaluateReadiness(tx, project, { now: new Date(), areas });
    if (!areas) await recordScore(tx, project.workspaceId, scorecard);
    return scorecard;
  });
}

/** A project's daily scores, newest first. */
export async function readinessHistory(
  scope: Scope,
  page: { limit: number; cursor?: string },
): Promise<HistoryPage> {
  const project = projectOf(scope);
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    return listHistory(db, project, page);
  });
}

/** Every check of the plan, optionally of one area or level. */
export function listChecks(filter: { area?: string; level?: Level }) {
  const data = planAreas
    .flatMap((area) => area.checks)
    .filter((check) => !filter.area || check.area === filter.area)
    .filter((check) => !filter.level || check.level === filter.level)
    .map(({ id, area, level, title, why }) => ({ id, area, level, title, why }));
  return { data, nextCursor: null };
}

/** The planning areas, their tables and the ids of their checks. */
export function listAreas() {
  const data = planAreas.map((area) => ({
    number: area.number,
    slug: area.slug,
    key: area.key,
    title: area.title,
    summary: area.summary,
    tables: area.tables.map(({ name, slug, purpose }) => ({ name, slug, purpose })),
    checks: area.checks.map((check) => check.id),
  }));
  return { data, nextCursor: null };
}
