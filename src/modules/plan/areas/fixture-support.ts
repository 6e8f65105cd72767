import type { AreaImport } from '../contracts.ts';

// Helpers for the areas' fixtures and for changing them: dates relative to the moment a fixture is
// made (so that checks about recency and deadlines judge it the same whenever it is made), and
// access to one row's values.

const day = 86_400_000;

/** The instant `days` days before `now` (ISO 8601). */
export function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * day).toISOString();
}

/** The calendar day `days` days after `now` (YYYY-MM-DD); negative for days past. */
export function inDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * day).toISOString().slice(0, 10);
}

/** The values of one row of a fixture, to change them (a failing case, a gap in the demo). */
export function fixtureRow(fixture: AreaImport, table: string, index = 0): Record<string, unknown> {
  const found = fixture[table]?.[index];
  if (!found) throw new Error(`no ${table}[${index}] in the fixture`);
  return found.values;
}
