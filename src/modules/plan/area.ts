import type { InferSelectModel } from 'drizzle-orm';
import { getTableName } from 'drizzle-orm';
import type { ResourceDefinition } from '../../core/resource/define.ts';
import type { Check, CheckDeclaration } from './checks.ts';
import { type AnyPlanTable, planTableInfo } from './table.ts';
import { planTableResource } from './table-resource.ts';

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

export interface AreaTable {
  /** Key in the area's data (`jobTypes`). */
  key: string;
  /** Database table name (`job_types`). */
  name: string;
  /** URL segment (`job-types`). */
  slug: string;
  purpose: string;
  table: AnyPlanTable;
  resource: ResourceDefinition;
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

const areas = new Map<string, Area>();
const checks = new Map<string, Check>();
const checkId = /^[a-z][a-z0-9-]*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Declares a planning area: its tables become project-scoped resources under
 * /projects/{projectId}/plan/{slug}/{table-slug}, and its checks join the readiness registry.
 */
export function defineArea<Tables extends Record<string, AnyPlanTable>>(
  declaration: AreaDeclaration<Tables>,
): Area {
  const tables = Object.entries(declaration.tables).map(([key, table]): AreaTable => {
    const name = getTableName(table);
    const slug = name.replace(/_/g, '-');
    return {
      key,
      name,
      slug,
      purpose: planTableInfo(table).purpose,
      table,
      resource: planTableResource(table, `plan/${declaration.slug}/${slug}`, declaration.title),
    };
  });
  const area: Area = {
    number: declaration.number,
    slug: declaration.slug,
    key: declaration.key,
    title: declaration.title,
    summary: declaration.summary,
    tables,
    checks: declaration.checks.map((check) => ({ ...check, area: declaration.slug }) as unknown as Check),
  };
  if (areas.has(area.slug)) throw new Error(`Area ${area.slug} is declared twice`);
  for (const check of area.checks) {
    if (!checkId.test(check.id) || !check.id.startsWith(`${area.key}.`)) {
      throw new Error(`Check id ${check.id} must look like ${area.key}.what-it-checks`);
    }
    if (checks.has(check.id)) throw new Error(`Check ${check.id} is declared twice`);
    checks.set(check.id, check);
  }
  areas.set(area.slug, area);
  return area;
}

/** Every declared area, in plan order. */
export function planAreas(): Area[] {
  return [...areas.values()].sort((a, b) => a.number - b.number);
}

export function findArea(slug: string): Area | undefined {
  return areas.get(slug);
}

/** Every declared check, by id. */
export function declaredChecks(): ReadonlyMap<string, Check> {
  return checks;
}
