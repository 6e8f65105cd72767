import { type BuildColumns, type ColumnBuilderBase, getTableColumns, sql } from 'drizzle-orm';
import {
  check,
  index,
  type PgColumn,
  type PgTable,
  type PgTableWithColumns,
  uuid,
} from 'drizzle-orm/pg-core';
import type { HookContext } from '../../core/resource/define.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projects } from '../../core/tenancy/projects-table.ts';
import { type FieldSpec, planSchema, snakeCase } from './fields.ts';

/**
 * A rule a row must keep beyond its fields' own validation (a key unique in the project, no cycle
 * through a reference), checked in the write's transaction with the row as it will be: the values
 * written over the current row when it exists. Throws an AppError to refuse.
 */
export type PlanRowValidator = (
  row: { id?: string; values: Record<string, unknown> },
  hook: HookContext,
) => Promise<void> | void;

/** Who writes a table's rows: people planning (`write`), or agents reporting what they found (`contribute`). */
export type Writer = 'write' | 'contribute';

export interface PlanTableDeclaration<Fields extends Record<string, FieldSpec>> {
  /** What the table is for, in the words of the plan (shown in OpenAPI and the export). */
  purpose: string;
  fields: Fields;
  /** Fields that `q` searches (default: name and every free-text field). */
  searchable?: (keyof Fields & string)[];
  writer?: Writer;
  validate?: PlanRowValidator;
}

/** What is known about a plan table beyond its columns. */
export interface PlanTableInfo {
  name: string;
  purpose: string;
  fields: Record<string, FieldSpec>;
  searchable?: string[];
  writer: Writer;
  validate?: PlanRowValidator;
}

/**
 * The key under which a plan table carries its declaration. A symbol, so that it never clashes
 * with a column and Drizzle, which reads only its own keys, never sees it.
 */
const declarationKey = Symbol('plan table declaration');

type Builders<Fields extends Record<string, FieldSpec>> = {
  [K in keyof Fields]: Fields[K] extends FieldSpec<infer Builder extends ColumnBuilderBase> ? Builder : never;
};

function baseColumns() {
  return {
    ...resourceColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  };
}

type BaseColumns = ReturnType<typeof baseColumns>;

/** What every plan table carries besides its columns: its declaration. */
interface Declared {
  readonly [declarationKey]: PlanTableInfo;
}

/** Any plan table, whatever its fields. */
export type AnyPlanTable = PgTable &
  Declared & {
    id: PgColumn;
    workspaceId: PgColumn;
    projectId: PgColumn;
    createdAt: PgColumn;
    updatedAt: PgColumn;
    version: PgColumn;
  };

/** A table of the plan: the common resource columns, the project, and the declared fields. */
export type PlanTable<Fields extends Record<string, FieldSpec>> = PgTableWithColumns<{
  name: string;
  schema: 'plan';
  columns: BuildColumns<string, BaseColumns & Builders<Fields>, 'pg'>;
  dialect: 'pg';
}> &
  Declared;

/**
 * Declares a table in the `plan` schema. Lists read a project's rows newest first, so the one index
 * is (project, created, id); references between plan tables are foreign keys that refuse deletion
 * of a row still pointed to.
 */
export function planTable<const Fields extends Record<string, FieldSpec>>(
  name: string,
  declaration: PlanTableDeclaration<Fields>,
): PlanTable<Fields> {
  const columns: Record<string, unknown> = baseColumns();
  for (const [key, spec] of Object.entries(declaration.fields))
    columns[key] = spec.column(snakeCase(key), name);
  // The declared fields' builders are only known at run time; PlanTable<Fields> restates their types.
  const table = planSchema.table(name, columns as BaseColumns, (built) => [
    index(`${name}_project_idx`).on(built.projectId, built.createdAt, built.id),
    ...enumChecks(name, declaration.fields, new Map<string, unknown>(Object.entries(built))),
  ]);
  const info: PlanTableInfo = {
    name,
    purpose: declaration.purpose,
    fields: declaration.fields,
    searchable: declaration.searchable,
    writer: declaration.writer ?? 'write',
    validate: declaration.validate,
  };
  // Same reason: the columns of the declared fields are there, built from `declaration.fields` above.
  return Object.assign(table, { [declarationKey]: info }) as unknown as PlanTable<Fields>;
}

/** A CHECK constraint per enumerated field, so that the database refuses values the API would. */
function enumChecks(name: string, fields: Record<string, FieldSpec>, columns: Map<string, unknown>) {
  return Object.entries(fields).flatMap(([key, spec]) => {
    if (!spec.enumValues) return [];
    const listed = spec.enumValues.map((value) => {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(value))
        throw new Error(`${name}.${key}: enum value ${value} is not a slug`);
      return `'${value}'`;
    });
    return [
      check(`${name}_${snakeCase(key)}_check`, sql`${columns.get(key)} in (${sql.raw(listed.join(', '))})`),
    ];
  });
}

/** The declaration behind a plan table. */
export function planTableInfo(table: AnyPlanTable): PlanTableInfo {
  return table[declarationKey];
}

/** A column of a plan table by field name. */
export function columnOf(table: AnyPlanTable, field: string): PgColumn {
  const column = getTableColumns(table)[field];
  if (!column) throw new Error(`no column ${field}`);
  return column;
}
