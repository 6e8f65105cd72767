import type { AreaScore, CheckOutcome, Level } from './queries';

/** The levels in the order they are reached; an area at `gold` has passed every check. */
export const levels: readonly Level[] = ['none', 'bronze', 'silver', 'gold'];
export const checkLevels = ['bronze', 'silver', 'gold'] as const;
export type CheckLevel = (typeof checkLevels)[number];

/** The rank of an area's level for sorting; an area that does not apply sorts after gold. */
export function rankOf(level: Level | null): number {
  return level === null ? levels.length : levels.indexOf(level);
}

/** Checks that count towards the area's total: the workspace's disabled checks do not. */
export function countsOf(area: AreaScore): { passing: number; total: number } {
  return { passing: area.passing.length, total: area.passing.length + area.failing.length };
}

/** What the area's next level still needs: its failing checks at that level. */
export function gapsOf(area: AreaScore): CheckOutcome[] {
  if (!area.applicable || !area.nextLevel) return [];
  return area.failing.filter((check) => check.level === area.nextLevel);
}

/** Every check of the area, in one list, so it can be grouped by level. */
export function checksOf(area: AreaScore): CheckOutcome[] {
  return [...area.failing, ...area.passing, ...area.disabled];
}

/** Least ready first: by level, then by how many checks the next level still needs, then by number. */
export function byReadiness(a: AreaScore, b: AreaScore): number {
  return rankOf(a.level) - rankOf(b.level) || gapsOf(b).length - gapsOf(a).length || a.number - b.number;
}

/** The areas that apply, least ready first, with at least one gap: the biggest gaps. */
export function biggestGaps(areas: readonly AreaScore[], count: number): AreaScore[] {
  return areas
    .filter((area) => area.applicable && gapsOf(area).length > 0)
    .sort(byReadiness)
    .slice(0, count);
}

/** How many applicable areas stand at each level. */
export function areasPerLevel(areas: readonly AreaScore[]): Record<Level, number> {
  const counts: Record<Level, number> = { none: 0, bronze: 0, silver: 0, gold: 0 };
  for (const area of areas) if (area.level) counts[area.level] += 1;
  return counts;
}

/** Days until a time, counted from now (negative once past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return (new Date(iso).getTime() - now) / 86_400_000;
}
