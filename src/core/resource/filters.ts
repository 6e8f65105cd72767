import { eq, gte, inArray, isNotNull, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { RequestContext } from '../auth/context.ts';
import { AppError, type FieldError } from '../errors/app-error.ts';

export const filterOperators = ['eq', 'ne', 'in', 'gte', 'lte', 'contains', 'any', 'all', 'isNull'] as const;
export type FilterOperator = (typeof filterOperators)[number];

type ValueType =
  | 'text'
  | 'enum'
  | 'uuid'
  | 'timestamp'
  | 'date'
  | 'number'
  | 'boolean'
  | 'textArray'
  | 'uuidArray';

/** A filterable field: its column, how its values parse, and which operators it accepts. */
export interface FilterSpec {
  column: PgColumn;
  type: ValueType;
  operators: readonly FilterOperator[];
  values?: readonly string[];
  description?: string;
  /** A filter that is not a plain column comparison (e.g. `awaitingReviewBy=me`); throw to refuse a value. */
  custom?: (operator: FilterOperator, raw: string, ctx: RequestContext) => SQL;
}

const maxListValues = 100;

/** Builders for filter declarations, with the operators that make sense for each kind of column. */
export const filterOn = {
  text: (
    column: PgColumn,
    operators: readonly FilterOperator[] = ['eq', 'ne', 'in', 'contains'],
  ): FilterSpec => ({
    column,
    type: 'text',
    operators,
  }),
  enum: (column: PgColumn, values: readonly string[]): FilterSpec => ({
    column,
    type: 'enum',
    values,
    operators: ['eq', 'ne', 'in'],
  }),
  uuid: (column: PgColumn, operators: readonly FilterOperator[] = ['eq', 'ne', 'in']): FilterSpec => ({
    column,
    type: 'uuid',
    operators,
  }),
  timestamp: (column: PgColumn, operators: readonly FilterOperator[] = ['gte', 'lte']): FilterSpec => ({
    column,
    type: 'timestamp',
    operators,
  }),
  number: (column: PgColumn): FilterSpec => ({
    column,
    type: 'number',
    operators: ['eq', 'ne', 'in', 'gte', 'lte'],
  }),
  boolean: (column: PgColumn): FilterSpec => ({ column, type: 'boolean', operators: ['eq'] }),
  /** A filter computed by the module, given the operator, the raw value and the caller. */
  custom: (
    column: PgColumn,
    operators: readonly FilterOperator[],
    build: NonNullable<FilterSpec['custom']>,
    description?: string,
  ): FilterSpec => ({ column, type: 'text', operators, custom: build, description }),
  /** A `date` column (YYYY-MM-DD): ranges by default. */
  date: (column: PgColumn, operators: readonly FilterOperator[] = ['eq', 'gte', 'lte']): FilterSpec => ({
    column,
    type: 'date',
    operators,
  }),
  /**
   * A text[] column: `contains` matches rows whose array holds the value; `any` / `all` take a
   * comma-separated list and match rows holding at least one / every listed value.
   */
  textArray: (
    column: PgColumn,
    operators: readonly FilterOperator[] = ['contains', 'any', 'all'],
  ): FilterSpec => ({ column, type: 'textArray', operators }),
  /** A uuid[] column, with the same operators as `textArray`. */
  uuidArray: (
    column: PgColumn,
    operators: readonly FilterOperator[] = ['contains', 'any', 'all'],
  ): FilterSpec => ({ column, type: 'uuidArray', operators }),
  nullable(spec: FilterSpec): FilterSpec {
    return { ...spec, operators: [...spec.operators, 'isNull'] };
  },
};

/** The query parameter that carries a filter: `filter[status]` for eq, `filter[createdAt][gte]` otherwise. */
export function filterParameter(field: string, operator: FilterOperator): string {
  return operator === 'eq' ? `filter[${field}]` : `filter[${field}][${operator}]`;
}

/** Zod schemas for every filter parameter a resource accepts (documentation and validation). */
export function filterParameterSchemas(
  filters: Record<string, FilterSpec>,
): Record<string, z.ZodOptional<z.ZodString>> {
  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const [field, spec] of Object.entries(filters)) {
    for (const operator of spec.operators) {
      shape[filterParameter(field, operator)] = z
        .string()
        .max(4000)
        .optional()
        .describe(describeFilter(field, spec, operator));
    }
  }
  return shape;
}

function describeFilter(field: string, spec: FilterSpec, operator: FilterOperator): string {
  if (spec.description) return spec.description;
  const values = spec.values ? ` (one of ${spec.values.join(', ')})` : '';
  switch (operator) {
    case 'eq':
      return `${field} equals${values}`;
    case 'ne':
      return `${field} differs from${values}`;
    case 'in':
      return `${field} is one of a comma-separated list${values}`;
    case 'gte':
      return `${field} ≥ value${spec.type === 'timestamp' ? ' (ISO 8601 date or time)' : ''}`;
    case 'lte':
      return `${field} ≤ value${spec.type === 'timestamp' ? ' (ISO 8601 date or time)' : ''}`;
    case 'contains':
      return isArray(spec)
        ? `${field} includes this element`
        : `${field} contains this text (case-insensitive)`;
    case 'any':
      return `${field} includes at least one of a comma-separated list`;
    case 'all':
      return `${field} includes every element of a comma-separated list`;
    case 'isNull':
      return `true: ${field} is empty; false: it is set`;
  }
}

/** Turns the filter parameters of a list request into SQL conditions; collects every bad value. */
export function filterConditions(
  filters: Record<string, FilterSpec>,
  query: Record<string, unknown>,
  ctx?: RequestContext,
): SQL[] {
  const conditions: SQL[] = [];
  const errors: FieldError[] = [];
  for (const [field, spec] of Object.entries(filters)) {
    for (const operator of spec.operators) {
      const parameter = filterParameter(field, operator);
      const raw = query[parameter];
      if (typeof raw !== 'string') continue;
      try {
        if (spec.custom && !ctx) throw new Error('this filter needs the caller');
        conditions.push(
          spec.custom && ctx ? spec.custom(operator, raw, ctx) : condition(spec, operator, raw),
        );
      } catch (error) {
        errors.push({
          path: `query.${parameter}`,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  if (errors.length) {
    throw new AppError(
      'validation_failed',
      errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      { errors },
    );
  }
  return conditions;
}

function condition(spec: FilterSpec, operator: FilterOperator, raw: string): SQL {
  const { column } = spec;
  switch (operator) {
    case 'eq':
      return eq(column, parseValue(spec, raw));
    case 'ne':
      return ne(column, parseValue(spec, raw));
    case 'in':
      return inArray(column, listValues(spec, raw));
    case 'gte':
      return gte(column, parseValue(spec, raw));
    case 'lte':
      return lte(column, parseValue(spec, raw, 'end'));
    case 'contains':
      if (isArray(spec)) return arrayCondition(spec, '@>', [parseValue(spec, raw)]);
      return sql`${column} ilike ${`%${escapeLike(raw)}%`} escape '\\'`;
    case 'any':
      return arrayCondition(spec, '&&', listValues(spec, raw));
    case 'all':
      return arrayCondition(spec, '@>', listValues(spec, raw));
    case 'isNull':
      if (raw !== 'true' && raw !== 'false') throw new Error('must be true or false');
      return raw === 'true' ? isNull(column) : isNotNull(column);
  }
}

function isArray(spec: FilterSpec): boolean {
  return spec.type === 'textArray' || spec.type === 'uuidArray';
}

function listValues(spec: FilterSpec, raw: string): unknown[] {
  const values = raw.split(',').map((value) => value.trim());
  if (values.length > maxListValues) throw new Error(`at most ${maxListValues} values`);
  return values.map((value) => parseValue(spec, value));
}

/** `column @> array[…]` (holds all) or `column && array[…]` (holds any), typed like the column. */
function arrayCondition(spec: FilterSpec, operator: '@>' | '&&', values: unknown[]): SQL {
  const elements = sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
  const type = spec.type === 'uuidArray' ? sql`uuid[]` : sql`text[]`;
  return sql`${spec.column} ${sql.raw(operator)} array[${elements}]::${type}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** What an integer column can hold, so that an out-of-range filter is a 400, not a database error. */
const integerRanges: Record<string, readonly [number, number]> = {
  PgSmallInt: [-32_768, 32_767],
  PgInteger: [-2_147_483_648, 2_147_483_647],
  PgSerial: [-2_147_483_648, 2_147_483_647],
  PgBigInt53: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  PgBigSerial53: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function isCalendarDay(raw: string): boolean {
  const day = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === raw;
}

function parseValue(spec: FilterSpec, raw: string, dateBound: 'start' | 'end' = 'start'): unknown {
  switch (spec.type) {
    case 'enum':
      if (!spec.values?.includes(raw)) throw new Error(`must be one of ${spec.values?.join(', ')}`);
      return raw;
    case 'uuid':
    case 'uuidArray':
      if (!uuidPattern.test(raw)) throw new Error('must be a UUID');
      return raw;
    case 'date':
      // A real calendar day: JavaScript rolls 2026-02-30 over to March, PostgreSQL refuses it.
      if (!datePattern.test(raw) || !isCalendarDay(raw)) throw new Error('must be a date, YYYY-MM-DD');
      return raw;
    case 'timestamp': {
      // A bare date as an upper bound means the whole day: `lte 2026-01-31` includes that day's rows.
      const value =
        datePattern.test(raw) && dateBound === 'end' ? new Date(`${raw}T23:59:59.999Z`) : new Date(raw);
      if (Number.isNaN(value.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(raw))
        throw new Error('must be an ISO 8601 date or time');
      return value;
    }
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw new Error('must be a number');
      const range = integerRanges[spec.column.columnType];
      if (range && !Number.isInteger(value)) throw new Error('must be a whole number');
      if (range && (value < range[0] || value > range[1]))
        throw new Error(`must be between ${range[0]} and ${range[1]}`);
      return value;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new Error('must be true or false');
      return raw === 'true';
    default:
      if (raw.length > 1000) throw new Error('at most 1000 characters');
      return raw;
  }
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
