import { getTableName } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { type Area, findArea } from './area.ts';
import { planAreas } from './areas/index.ts';
import type { AreaDescription, FieldDescription } from './contracts.ts';
import type { FieldSpec } from './fields.ts';
import { type AnyPlanTable, planTableInfo } from './table.ts';

// What a client needs to edit an area's tables without knowing them in advance: the tables and,
// per field, its kind, whether a new row needs it, its values, and where a reference points.

/** `retryPolicyId` → "Retry policy", `maxDelaySeconds` → "Max delay seconds", `job_types` → "Job types". */
export function labelOf(name: string): string {
  const words = name
    .replace(/Id$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The field that names a row of `table`: `name` when it has one, else its first required text field. */
export function namingFieldOf(table: AnyPlanTable): string {
  const fields = Object.entries(planTableInfo(table).fields);
  if (fields.some(([key]) => key === 'name')) return 'name';
  return fields.find(([, spec]) => spec.kind === 'text' && spec.required)?.[0] ?? 'id';
}

function describeField(key: string, spec: FieldSpec, area: Area): FieldDescription {
  const target = spec.references?.();
  const pointed = area.tables.find((candidate) => candidate.table === target);
  return {
    name: key,
    label: labelOf(key),
    type: spec.kind,
    required: spec.required,
    nullable: spec.value.safeParse(null).success,
    description: spec.description,
    filterable: spec.filter !== undefined,
    sortable: spec.sortable ?? false,
    ...(spec.enumValues ? { enumValues: [...spec.enumValues] } : {}),
    ...(pointed ? { references: { table: pointed.slug, nameField: namingFieldOf(pointed.table) } } : {}),
  };
}

/** One area with its tables and their fields, or 404 for an unknown area. */
export function describeArea(slug: string): AreaDescription {
  const area = findArea(planAreas, slug);
  if (!area) throw new AppError('not_found', `No plan area ${slug}.`, { code: 'plan.area_not_found' });
  return {
    number: area.number,
    slug: area.slug,
    title: area.title,
    summary: area.summary,
    tables: area.tables.map(({ table, slug: tableSlug, purpose }) => {
      const info = planTableInfo(table);
      return {
        name: tableSlug,
        table: getTableName(table),
        label: labelOf(info.name),
        purpose,
        writer: info.writer,
        nameField: namingFieldOf(table),
        fields: Object.entries(info.fields).map(([key, spec]) => describeField(key, spec, area)),
      };
    }),
  };
}
