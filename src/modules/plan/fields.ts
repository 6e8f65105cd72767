import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  type PgColumn,
  type PgTable,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { type FilterSpec, filterOn } from '../../core/resource/filters.ts';

/** Every table of the production-readiness plan lives here, apart from Shipshape's own tables. */
export const planSchema = pgSchema('plan');

/**
 * One field of a plan table, declared once: its column, its validation, and how lists filter,
 * sort and search it. `tableName` and `column` name the database objects (enums are per column).
 */
export interface FieldSpec<Builder = unknown> {
  column(column: string, tableName: string): Builder;
  /** What kind of value it holds, so that a client can pick the control that edits it. */
  kind: FieldKind;
  /** The value as the API shows and accepts it (null allowed when the field is optional). */
  value: z.ZodType;
  /** Must a new row carry it? Optional fields take the column's default. */
  required: boolean;
  description: string;
  filter?(column: PgColumn): FilterSpec;
  /** Sortable fields are NOT NULL, so keyset pagination stays exact. */
  sortable?: boolean;
  /** Searched by `q` unless the table names its own searchable fields. */
  searchable?: boolean;
  /** The values an enumerated field allows (the database checks them too). */
  enumValues?: readonly string[];
  /** The plan table this field points to (a reference within the same project). */
  references?: () => ReferencedTable;
}

/** The kinds of plan field, as GET /plan/areas/{area} describes them. */
export const fieldKinds = [
  'text',
  'long-text',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'enum',
  'json',
  'array',
  'reference',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

/** What a reference points to: another plan table (its `id`). */
export type ReferencedTable = PgTable & { id: PgColumn };

interface Options {
  required?: boolean;
}

const shortText = 200;

/** Keeps the column builder's type, so that rows read from a plan table are typed. */
function spec<Builder>(declared: FieldSpec<Builder>): FieldSpec<Builder> {
  return declared;
}
const word = z.string().trim();

/** Builders for plan fields. Optional fields are NULL until someone specifies them. */
export const field = {
  /** The row's name: required, searchable, sortable; the checks quote it to name rows at fault. */
  name: (description = 'Name, as people quote it') =>
    spec({
      kind: 'text',
      column: (column) => text(column).notNull(),
      value: word.min(1).max(shortText),
      required: true,
      description,
      filter: (column) => filterOn.text(column),
      sortable: true,
      searchable: true,
    }),
  /** Free text (Markdown); empty when not written yet. */
  text: (description: string, max = 10_000) =>
    spec({
      kind: 'long-text',
      column: (column) => text(column).notNull().default(''),
      value: z.string().max(max),
      required: false,
      description: `${description} (empty when not written yet)`,
      searchable: true,
    }),
  /** A short label such as an owner, a team or a version; null when not decided. */
  label: (description: string, options: Options = {}) =>
    spec({
      kind: 'text',
      column: (column) => (options.required ? text(column).notNull() : text(column)),
      value: options.required ? word.min(1).max(shortText) : word.min(1).max(shortText).nullable(),
      required: options.required ?? false,
      description,
      filter: (column) =>
        options.required ? filterOn.text(column) : filterOn.nullable(filterOn.text(column)),
      sortable: options.required,
    }),
  /** An absolute http(s) URL; null when not known. */
  url: (description: string) =>
    spec({
      kind: 'text',
      column: (column) => text(column),
      value: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .nullable(),
      required: false,
      description,
    }),
  /**
   * One of a fixed list. Stored as text with a CHECK constraint rather than a PostgreSQL enum type:
   * the database still refuses other values, and adding a value later is a plain constraint change.
   */
  enum: <const T extends readonly [string, ...string[]]>(
    values: T,
    description: string,
    options: Options & { default?: T[number] } = {},
  ) => {
    const notNull = options.required || options.default !== undefined;
    return spec({
      kind: 'enum',
      column: (column: string) => {
        const builder = text(column, { enum: values });
        if (options.default !== undefined) return builder.notNull().default(options.default);
        return notNull ? builder.notNull() : builder;
      },
      value: notNull ? z.enum(values) : z.enum(values).nullable(),
      required: options.required ?? false,
      description: `${description}: ${values.join(', ')}`,
      filter: (column) =>
        notNull ? filterOn.enum(column, values) : filterOn.nullable(filterOn.enum(column, values)),
      sortable: notNull,
      enumValues: values,
    });
  },
  /** A whole number within bounds; null when not decided. */
  int: (description: string, min: number, max: number, options: Options = {}) =>
    spec({
      kind: 'integer',
      column: (column) => (options.required ? integer(column).notNull() : integer(column)),
      value: options.required
        ? z.number().int().min(min).max(max)
        : z.number().int().min(min).max(max).nullable(),
      required: options.required ?? false,
      description,
      filter: (column) => filterOn.number(column),
      sortable: options.required,
    }),
  /** A measure with decimals (money, percentages, ratios); null when not decided. */
  decimal: (description: string, min: number, max: number) =>
    spec({
      kind: 'number',
      column: (column) => doublePrecision(column),
      value: z.number().min(min).max(max).nullable(),
      required: false,
      description,
      filter: (column) => filterOn.number(column),
    }),
  /** Yes or no; null means not decided yet (which checks treat as missing). */
  flag: (description: string, options: { default?: boolean } = {}) =>
    spec({
      kind: 'boolean',
      column: (column) =>
        options.default === undefined ? boolean(column) : boolean(column).notNull().default(options.default),
      value: options.default === undefined ? z.boolean().nullable() : z.boolean(),
      required: false,
      description,
      filter: (column) => filterOn.boolean(column),
    }),
  /** A calendar day (YYYY-MM-DD); null when not planned. */
  date: (description: string) =>
    spec({
      kind: 'date',
      column: (column) => date(column, { mode: 'string' }),
      value: z.iso.date().nullable(),
      required: false,
      description: `${description} (YYYY-MM-DD)`,
      filter: (column) => filterOn.nullable(filterOn.date(column)),
    }),
  /** An instant (ISO 8601); null when it has not happened. */
  time: (description: string) =>
    spec({
      kind: 'datetime',
      column: (column) => timestamp(column, { withTimezone: true, precision: 3 }),
      value: z.union([z.date(), z.iso.datetime({ offset: true }).pipe(z.coerce.date())]).nullable(),
      required: false,
      description: `${description} (ISO 8601)`,
      filter: (column) => filterOn.nullable(filterOn.timestamp(column)),
    }),
  /** A short list of words or phrases. */
  list: (description: string, maxItems = 50) =>
    spec({
      kind: 'array',
      column: (column) => text(column).array().notNull().default(sql`'{}'::text[]`),
      value: z.array(word.min(1).max(shortText)).max(maxItems),
      required: false,
      description,
      filter: (column) => filterOn.textArray(column),
    }),
  /** Another row of the same project's plan; deleting that row is refused while this one points to it. */
  ref: (target: () => ReferencedTable, description: string, options: Options = {}) =>
    spec({
      kind: 'reference',
      column: (column) => {
        const builder = uuid(column).references(() => target().id);
        return options.required ? builder.notNull() : builder;
      },
      value: options.required ? z.uuid() : z.uuid().nullable(),
      required: options.required ?? false,
      description,
      filter: (column) =>
        options.required ? filterOn.uuid(column) : filterOn.nullable(filterOn.uuid(column)),
      references: target,
    }),
  /** An open-ended structure, validated by its own schema. */
  json: (schema: z.ZodType, description: string) =>
    spec({
      kind: 'json',
      column: (column) => jsonb(column),
      value: schema.nullable(),
      required: false,
      description,
    }),
};

/** `retryPolicyId` → `retry_policy_id`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
