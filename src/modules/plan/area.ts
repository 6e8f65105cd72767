import type { InferSelectModel } from 'drizzle-orm';
import { getTableName } from 'drizzle-orm';
import type { Check, CheckDeclaration, PlanRow } from './checks.ts';
import { type AnyPlanTable, planTableInfo } from './table.ts';
import { type PlanTableResource, planTableResource } from './table-resource.ts';

export interface AreaDeclaration<Tables extends Record<string, AnyPlanTable>> {
  /** Position in the plan (1–25), which also orders the export. */
  number: number;
  /** URL segment: /projects/{id}/plan/{slug}/… */
  slug: string;
  /** Prefix of the area's check ids: `jobs.` */
  key: string;
  title: string;
  /** What the area plans, in a sentence or two. */
  summary: string;
  tables: Tables;
  checks: CheckDeclaration<AreaData<Tables>>[];
}

/** A project's rows of every table of an area, keyed as the area names its tables. */
export type AreaData<Tables extends Record<string, AnyPlanTable>> = {
  [K in keyof Tables]: InferSelectModel<Tables[K]>[];
};

/** A project's rows of an area, as read from its tables: by table key. */
export type AreaRows = Record<string, PlanRow[]>;

export interface AreaTable {
  /** Key in the area's data (`jobTypes`). */
  key: string;
  /** Database table name (`job_types`). */
  name: string;
  /** URL segment (`job-types`). */
  slug: string;
  purpose: string;
  table: AnyPlanTable;
  resource: PlanTableResource;
}

export interface Area {
  number: number;
  slug: string;
  key: string;
  title: string;
  summary: string;
  tables: AreaTable[];
  checks: Check[];
}

const checkId = /^[a-z][a-z0-9-]*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Declares a planning area: its tables become project-scoped resources under
 * /projects/{projectId}/plan/{slug}/{table-slug}, and its checks are evaluated over their rows.
 * A value: the plan lists it (areas/index.ts); nothing is registered.
 */
export function defineArea<Tables extends Record<string, AnyPlanTable>>(
  declaration: AreaDeclaration<Tables>,
): Area {
  const areaTables = Object.values(declaration.tables);
  assertReferencesWithin(declaration.slug, areaTables);
  const tables = Object.entries(declaration.tables).map(([key, table]): AreaTable => {
    const name = getTableName(table);
    const slug = name.replace(/_/g, '-');
    return {
      key,
      name,
      slug,
      purpose: planTableInfo(table).purpose,
      table,
      resource: planTableResource(table, {
        path: `plan/${declaration.slug}/${slug}`,
        areaTitle: declaration.title,
        areaTables,
      }),
    };
  });
  const checks = declaration.checks.map(
    ({ evaluate, ...check }): Check => ({
      ...check,
      area: declaration.slug,
      // The rows were read from exactly these tables, under the keys the area gave them.
      evaluate: (data, context) => evaluate(data as AreaData<Tables>, context),
    }),
  );
  const ids = new Set<string>();
  for (const check of checks) {
    if (!checkId.test(check.id) || !check.id.startsWith(`${declaration.key}.`)) {
      throw new Error(`Check id ${check.id} must look like ${declaration.key}.what-it-checks`);
    }
    if (ids.has(check.id)) throw new Error(`Check ${check.id} is declared twice`);
    ids.add(check.id);
  }
  const { number, slug, key, title, summary } = declaration;
  return { number, slug, key, title, summary, tables, checks };
}

/**
 * References stay within an area, so that an area's tables are all a reference check or a
 * deletion guard has to look at.
 */
function assertReferencesWithin(area: string, tables: readonly AnyPlanTable[]): void {
  for (const table of tables) {
    for (const [field, spec] of Object.entries(planTableInfo(table).fields)) {
      const target = spec.references?.();
      if (target && !tables.some((candidate) => candidate === target)) {
        throw new Error(`${getTableName(table)}.${field} points outside the area ${area}`);
      }
    }
  }
}

/**
 * The plan: its areas in plan order, checked as a whole (numbered 1, 2, 3… in order, slugs, keys
 * and check ids each used once).
 */
export function definePlan(areas: readonly Area[]): readonly Area[] {
  const slugs = new Set<string>();
  const keys = new Set<string>();
  for (const [index, area] of areas.entries()) {
    if (area.number !== index + 1)
      throw new Error(`Area ${area.slug} is number ${area.number}, not ${index + 1}`);
    if (slugs.has(area.slug)) throw new Error(`Area ${area.slug} is declared twice`);
    if (keys.has(area.key)) throw new Error(`Area key ${area.key} is used twice`);
    slugs.add(area.slug);
    keys.add(area.key);
  }
  return areas;
}

export function findArea(areas: readonly Area[], slug: string): Area | undefined {
  return areas.find((area) => area.slug === slug);
}

/** Every check of the areas, by id. */
export function checksById(areas: readonly Area[]): ReadonlyMap<string, Check> {
  return new Map(areas.flatMap((area) => area.checks.map((check) => [check.id, check] as const)));
}

/** Every table of the areas, in plan order. */
export function planTablesOf(areas: readonly Area[]): AnyPlanTable[] {
  return areas.flatMap((area) => area.tables.map((table) => table.table));
}
