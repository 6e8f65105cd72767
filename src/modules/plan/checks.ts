/** bronze = planned, silver = specified, gold = verified against reality. */
export const levels = ['bronze', 'silver', 'gold'] as const;
export type Level = (typeof levels)[number];

export const checkStatuses = ['pass', 'fail', 'not_applicable', 'unknown'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** A row a check found at fault, named as people know it. */
export interface FaultyRow {
  table: string;
  id: string;
  name: string;
}

export interface CheckResult {
  status: CheckStatus;
  /** One sentence; for a failure it names the rows at fault. */
  message: string;
  rows: FaultyRow[];
}

/** What an evaluator may rely on besides the plan data: the time, so that results are reproducible. */
export interface CheckContext {
  now: Date;
}

export interface CheckDeclaration<Data> {
  /** Stable: `<area key>.<what it checks>`, e.g. `jobs.retry-policy-for-every-job-type`. */
  id: string;
  level: Level;
  title: string;
  /** Why it matters, for the person or agent who must fix it. */
  why: string;
  evaluate(data: Data, context: CheckContext): CheckResult;
}

/** A check with its area, as the plan holds it. */
export interface Check extends CheckDeclaration<Record<string, PlanRow[]>> {
  area: string;
}

/** The fields every plan row has that checks rely on. */
export interface PlanRow {
  id: string;
  name?: unknown;
  [field: string]: unknown;
}

export const result = {
  pass: (message: string): CheckResult => ({ status: 'pass', message, rows: [] }),
  fail: (message: string, rows: FaultyRow[] = []): CheckResult => ({ status: 'fail', message, rows }),
  notApplicable: (reason: string): CheckResult => ({ status: 'not_applicable', message: reason, rows: [] }),
  unknown: (message: string): CheckResult => ({ status: 'unknown', message, rows: [] }),
};

/** Has nobody filled this in yet? (null, empty text, empty list) */
export function isMissing(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The labels of the fields that are missing on a row: `missingOf(flag, { owner: 'an owner' })`. */
export function missingOf(row: PlanRow, required: Record<string, string>): string[] {
  return Object.entries(required)
    .filter(([field]) => isMissing(row[field]))
    .map(([, label]) => label);
}

function nameOf(row: PlanRow): string {
  return typeof row.name === 'string' && row.name ? row.name : row.id;
}

const maxNamed = 10;

/**
 * Bronze "is it planned at all": passes when the table has at least `minimum` rows.
 * `what` is the plural noun ("job types").
 */
export function atLeast(rows: PlanRow[], what: string, minimum = 1): CheckResult {
  if (rows.length >= minimum) return result.pass(`${rows.length} ${what} planned.`);
  return result.fail(
    rows.length === 0
      ? `No ${what} planned yet.`
      : `Only ${rows.length} ${what} planned; at least ${minimum} needed.`,
  );
}

/**
 * "Every X has Y": `problems(row)` answers what is wrong with a row (a phrase, a list of phrases,
 * or nothing). With no rows at all, the check does not apply — the bronze check of the area says
 * whether rows are missing.
 */
export function everyRow<Row extends PlanRow>(
  table: string,
  rows: Row[],
  what: string,
  problems: (row: Row) => string | string[] | null | undefined | false,
): CheckResult {
  if (rows.length === 0) return result.notApplicable(`No ${what} planned, so nothing to check.`);
  const faults: { row: Row; problems: string[] }[] = [];
  for (const row of rows) {
    const found = problems(row);
    const list = !found ? [] : Array.isArray(found) ? found : [found];
    if (list.length > 0) faults.push({ row, problems: list });
  }
  if (faults.length === 0) return result.pass(`All ${rows.length} ${what} meet it.`);
  const named = faults
    .slice(0, maxNamed)
    .map((fault) => `${nameOf(fault.row)} (${fault.problems.join(', ')})`)
    .join('; ');
  const more = faults.length > maxNamed ? `; and ${faults.length - maxNamed} more` : '';
  return result.fail(
    `${faults.length} of ${rows.length} ${what} fall short: ${named}${more}.`,
    faults.map((fault) => ({ table, id: fault.row.id, name: nameOf(fault.row) })),
  );
}

/** The rows that point to `target` through `field`. */
export function pointingTo<Row extends PlanRow>(rows: Row[], field: keyof Row, target: PlanRow): Row[] {
  return rows.filter((row) => row[field] === target.id);
}

/** Days from `from` to `to` (positive when `to` is later). Accepts Date or YYYY-MM-DD. */
export function daysBetween(from: Date | string, to: Date | string): number {
  const start = typeof from === 'string' ? Date.parse(`${from.slice(0, 10)}T00:00:00Z`) : from.getTime();
  const end = typeof to === 'string' ? Date.parse(`${to.slice(0, 10)}T00:00:00Z`) : to.getTime();
  return Math.floor((end - start) / 86_400_000);
}
