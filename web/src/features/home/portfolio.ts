// Written against the shape of `GET /projects/{id}/readiness` alone (no imports), so it stays pure
// and testable outside the browser build.

export type Level = 'none' | 'bronze' | 'silver' | 'gold';

/** A check's outcome, as far as the home page reads it. */
interface Outcome {
  id: string;
  area: string;
  level: Exclude<Level, 'none'>;
  title: string;
}

/** The parts of a project's scorecard the home page reads. */
export interface Scorecard<Check extends Outcome = Outcome> {
  level: Level;
  areas: { applicable: boolean; failing: Check[] }[];
  waivers: { id: string; checkId: string; reason: string; expiresAt: string }[];
}

export const levels: readonly Level[] = ['none', 'bronze', 'silver', 'gold'];

/** The level a project reaches next, or null at gold. */
export function nextLevel(level: Level): Exclude<Level, 'none'> | null {
  const next = levels[levels.indexOf(level) + 1];
  return next && next !== 'none' ? next : null;
}

/**
 * What keeps a project from its next level: the failing (or unknown) checks of that level, from
 * the areas with the most of them first, one per area before a second from any, at most `count`.
 */
export function biggestGaps<Check extends Outcome>(scorecard: Scorecard<Check>, count = 3): Check[] {
  const target = nextLevel(scorecard.level);
  if (!target) return [];
  const byArea = scorecard.areas
    .filter((area) => area.applicable)
    .map((area) => area.failing.filter((check) => check.level === target))
    .filter((checks) => checks.length > 0)
    .sort((a, b) => b.length - a.length);
  const gaps: Check[] = [];
  for (let round = 0; gaps.length < count && byArea.some((checks) => checks[round]); round++) {
    for (const checks of byArea) {
      const check = checks[round];
      if (check && gaps.length < count) gaps.push(check);
    }
  }
  return gaps;
}

/** Lowest level first (those need attention most), then by name. */
export function byLevel<T extends { name: string; level: Level }>(a: T, b: T): number {
  return levels.indexOf(a.level) - levels.indexOf(b.level) || a.name.localeCompare(b.name);
}

export interface ExpiringWaiver {
  id: string;
  checkId: string;
  reason: string;
  expiresAt: string;
  projectId: string;
  projectName: string;
}

/** Waivers of any project that end within `days` of `now` (and have not ended yet), soonest first. */
export function expiringWaivers(
  projects: { id: string; name: string; scorecard: Scorecard }[],
  now: Date,
  days = 14,
): ExpiringWaiver[] {
  const until = now.getTime() + days * 86_400_000;
  return projects
    .flatMap((project) =>
      project.scorecard.waivers.map((waiver) => ({
        ...waiver,
        projectId: project.id,
        projectName: project.name,
      })),
    )
    .filter((waiver) => {
      const at = Date.parse(waiver.expiresAt);
      return at >= now.getTime() && at <= until;
    })
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
}
