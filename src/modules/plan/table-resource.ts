import { and, eq, getTableName } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError, type FieldError } from '../../core/errors/app-error.ts';
import { defineResource, type HookContext } from '../../core/resource/define.ts';
import { type FilterSpec, filterOn } from '../../core/resource/filters.ts';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { planPermissions } from './permissions.ts';
import { type AnyPlanTable, columnOf, planTableInfo } from './table.ts';

function pascalCase(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** `job_types` → "job type" (for messages such as "No job type with id …"). */
export function singularLabel(tableName: string): string {
  const words = tableName.replace(/_/g, ' ');
  if (/ies$/.test(words)) return words.replace(/ies$/, 'y');
  if (/(ss|sis|us)$/.test(words)) return words;
  if (/(sh|ch|x)es$/.test(words)) return words.replace(/es$/, '');
  return words.replace(/s$/, '');
}

/** The zod schemas of a plan table: create (required fields required), update (all optional), output. */
function schemasOf(table: AnyPlanTable) {
  const { name, fields } = planTableInfo(table);
  const create: Record<string, z.ZodType> = {};
  const update: Record<string, z.ZodType> = {};
  const output: Record<string, z.ZodType> = { ...resourceOutputFields };
  for (const [key, spec] of Object.entries(fields)) {
    const value = spec.value.describe(spec.description);
    create[key] = spec.required ? value : value.optional();
    update[key] = value.optional();
    output[key] = value;
  }
  const id = `Plan${pascalCase(name)}`;
  return {
    create: z.strictObject(create).meta({ id: `${id}Create` }),
    update: z.strictObject(update).meta({ id: `${id}Update` }),
    output: z.object(output).meta({ id }),
  };
}

/** The fields of the area's tables that point to `table`. */
function referencesTo(table: AnyPlanTable, areaTables: readonly AnyPlanTable[]) {
  return areaTables.flatMap((from) =>
    Object.entries(planTableInfo(from).fields)
      .filter(([, spec]) => spec.references?.() === table)
      .map(([field]) => ({ from, field })),
  );
}

/** A reference must point to a row of the same project; another project's row is as absent as a missing one. */
async function checkReferences<Values extends Record<string, unknown>>(
  table: AnyPlanTable,
  areaTables: readonly AnyPlanTable[],
  values: Values,
  hook: HookContext,
): Promise<Values> {
  const errors: FieldError[] = [];
  for (const [field, spec] of Object.entries(planTableInfo(table).fields)) {
    const id = values[field];
    const target = areaTables.find((candidate) => candidate === spec.references?.());
    if (!target || typeof id !== 'string') continue;
    const [found] = await hook.tx
      .select({ id: target.id })
      .from(target)
      .where(
        and(
          eq(target.id, id),
          eq(target.workspaceId, hook.ctx.workspaceId),
          eq(target.projectId, hook.projectId ?? ''),
        ),
      )
      .limit(1);
    if (!found)
      errors.push({
        path: field,
        message: `no ${singularLabel(getTableName(target))} ${id} in this project`,
      });
  }
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'A reference points to nothing in this project.', {
      code: 'plan.reference_not_found',
      errors,
    });
  }
  return values;
}

/** Deleting a row that others point to would break them: refuse, naming who points to it. */
async function refuseIfReferenced(
  table: AnyPlanTable,
  areaTables: readonly AnyPlanTable[],
  current: { id: string },
  hook: HookContext,
) {
  const holders: string[] = [];
  for (const { from, field } of referencesTo(table, areaTables)) {
    const column = columnOf(from, field);
    const rows = await hook.tx
      .select({ id: from.id })
      .from(from)
      .where(and(eq(column, current.id), eq(from.workspaceId, hook.ctx.workspaceId)))
      .limit(1);
    if (rows.length > 0) holders.push(`${getTableName(from)}.${field}`);
  }
  if (holders.length > 0) {
    throw new AppError(
      'conflict',
      `This ${singularLabel(getTableName(table))} is still referenced by ${holders.join(', ')}; change or delete those rows first.`,
      { code: 'plan.still_referenced', extensions: { referencedBy: holders } },
    );
  }
}

/** Filters for every field that has one, plus the timestamps. */
function filtersOf(table: AnyPlanTable): Record<string, FilterSpec> {
  const filters: Record<string, FilterSpec> = {
    createdAt: filterOn.timestamp(table.createdAt),
    updatedAt: filterOn.timestamp(table.updatedAt),
  };
  for (const [key, spec] of Object.entries(planTableInfo(table).fields)) {
    if (spec.filter) filters[key] = spec.filter(columnOf(table, key));
  }
  return filters;
}

function sortableOf(table: AnyPlanTable): Record<string, PgColumn> {
  const sortable: Record<string, PgColumn> = { createdAt: table.createdAt, updatedAt: table.updatedAt };
  for (const [key, spec] of Object.entries(planTableInfo(table).fields)) {
    if (spec.sortable) sortable[key] = columnOf(table, key);
  }
  return sortable;
}

function searchableOf(table: AnyPlanTable): PgColumn[] {
  const { fields, searchable } = planTableInfo(table);
  const chosen =
    searchable ??
    Object.entries(fields)
      .filter(([, spec]) => spec.searchable)
      .map(([key]) => key);
  return chosen.map((key) => columnOf(table, key));
}

/** Where a plan table is served, and the tables of its area (references stay within it). */
export interface PlanTablePlace {
  path: string;
  areaTitle: string;
  areaTables: readonly AnyPlanTable[];
}

/** The resource serving a plan table under `place.path`: CRUD, filters, search, audit and OpenAPI. */
export function planTableResource(table: AnyPlanTable, place: PlanTablePlace) {
  const { name, writer, fields, validate } = planTableInfo(table);
  const write = writer === 'contribute' ? planPermissions.contribute : planPermissions.write;
  const hasReferences = Object.values(fields).some((spec) => spec.references);
  const { areaTables } = place;
  return defineResource({
    name: `plan_${name}`,
    path: place.path,
    label: singularLabel(name),
    tag: `Plan: ${place.areaTitle}`,
    scope: 'project',
    table,
    schemas: schemasOf(table),
    filters: filtersOf(table),
    sortable: sortableOf(table),
    defaultSort: '-createdAt',
    searchable: searchableOf(table),
    permissions: { read: planPermissions.read, create: write, update: write, delete: write },
    hooks: {
      beforeCreate: async (values, hook) => {
        const checked = hasReferences ? await checkReferences(table, areaTables, values, hook) : values;
        await validate?.({ values: checked }, hook);
        return checked;
      },
      beforeUpdate: async (changes, current, hook) => {
        const checked = hasReferences ? await checkReferences(table, areaTables, changes, hook) : changes;
        await validate?.({ id: current.id, values: { ...current, ...checked } }, hook);
        return checked;
      },
      beforeDelete: (current, hook) => refuseIfReferenced(table, areaTables, current, hook),
    },
  });
}

/** The resource of one plan table. */
export type PlanTableResource = ReturnType<typeof planTableResource>;
