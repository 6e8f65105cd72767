import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type FilterOperator, type FilterSpec, filterOn } from '../../core/resource/filters.ts';
import { testStatuses } from '../../engines/test-results/model.ts';
import { allureScenarios } from './tables.ts';

// What a run's scenarios may be filtered and sorted by. `change`, `flaky` and `quarantined` are
// computed from several columns, the same way the answer computes them.

const s = allureScenarios;
const failing = sql`('failed', 'broken')`;

/** Fails now, passed in the branch's previous run; passes now, failed before; failed both times. */
export const changeConditions = {
  'new-failure': sql`${s.status} in ${failing} and ${s.previousStatus} = 'passed'`,
  fixed: sql`${s.status} = 'passed' and ${s.previousStatus} in ${failing}`,
  'still-failing': sql`${s.status} in ${failing} and ${s.previousStatus} in ${failing}`,
} as const;

function isChange(value: string): value is keyof typeof changeConditions {
  return Object.hasOwn(changeConditions, value);
}

/** Passed only after retries, or marked flaky by the adapter. */
export const flakyCondition = sql`(${s.flaky} or (${s.status} = 'passed' and jsonb_array_length(${s.retries}) > 0))`;

/** Quarantined by label or tag, or muted: what the quarantined-tests list shows. */
export const quarantinedCondition = sql`(${s.quarantined} or ${s.muted})`;

function booleanFilter(condition: SQL) {
  return (_operator: FilterOperator, raw: string): SQL => {
    if (raw !== 'true' && raw !== 'false') throw new Error('must be true or false');
    return raw === 'true' ? condition : sql`not ${condition}`;
  };
}

const text = (column: PgColumn) => filterOn.text(column, ['eq', 'in', 'contains']);

export const scenarioFilters: Record<string, FilterSpec> = {
  status: filterOn.enum(s.status, testStatuses),
  category: filterOn.nullable(filterOn.text(s.category, ['eq', 'in'])),
  change: filterOn.custom(
    s.status,
    ['eq'],
    (_operator, raw) => {
      if (!isChange(raw)) throw new Error(`must be one of ${Object.keys(changeConditions).join(', ')}`);
      return changeConditions[raw];
    },
    "Compared with the branch's previous run: new-failure, fixed or still-failing",
  ),
  severity: filterOn.text(s.severity, ['eq', 'in']),
  owner: text(s.owner),
  feature: text(s.feature),
  suite: text(s.suite),
  tag: filterOn.textArray(s.tags),
  flaky: filterOn.custom(
    s.flaky,
    ['eq'],
    booleanFilter(flakyCondition),
    'true: passed only after retries or marked flaky',
  ),
  quarantined: filterOn.custom(
    s.quarantined,
    ['eq'],
    booleanFilter(quarantinedCondition),
    'true: quarantined (label or tag) or muted',
  ),
};

export const scenarioSortable = {
  fullName: s.fullName,
  durationMs: s.durationMs,
  status: s.status,
  name: s.name,
  startedAt: s.startedAt,
};
