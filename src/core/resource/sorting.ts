import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError, invalidField } from '../errors/app-error.ts';
import { checkText } from '../input/text.ts';

export interface SortKey {
  field: string;
  column: PgColumn;
  descending: boolean;
}

const maxSortKeys = 3;

/** Parses `sort=-createdAt,name` against the resource's sortable fields. */
export function parseSort(raw: string, sortable: Record<string, PgColumn>): SortKey[] {
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const problem = (message: string) =>
    new AppError('validation_failed', `sort: ${message}`, { errors: [{ path: 'query.sort', message }] });
  if (parts.length === 0) throw problem('name at least one field');
  if (parts.length > maxSortKeys) throw problem(`at most ${maxSortKeys} fields`);
  const keys = parts.map((part) => {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    // Own fields only: `constructor` or `__proto__` are not sortable fields of any resource.
    const column = Object.hasOwn(sortable, field) ? sortable[field] : undefined;
    if (!column)
      throw problem(`cannot sort by '${field}'; sortable fields: ${Object.keys(sortable).join(', ')}`);
    return { field, column, descending };
  });
  if (new Set(keys.map((key) => key.field)).size !== keys.length) throw problem('a field appears twice');
  return keys;
}

/**
 * ORDER BY the sort keys, then by id so that the order is total (and pagination stable). Empty
 * values of a nullable column come last in either direction, as `afterCursor` expects.
 */
export function orderBy(keys: SortKey[], idColumn: PgColumn): SQL[] {
  const lastDescending = keys[keys.length - 1]?.descending ?? false;
  return [
    ...keys.map((key) => {
      if (key.column.notNull) return key.descending ? desc(key.column) : asc(key.column);
      return key.descending ? sql`${key.column} desc nulls last` : sql`${key.column} asc nulls last`;
    }),
    lastDescending ? desc(idColumn) : asc(idColumn),
  ];
}

const cursorPayload = z.object({
  /** The sort the cursor was made for; a cursor is only valid with the same sort. */
  s: z.string(),
  /** The last row's sort values, then its id. */
  v: z.array(z.unknown()),
});
type CursorPayload = z.output<typeof cursorPayload>;

/** An opaque cursor pointing just after `row` in the given order. */
export function encodeCursor(keys: SortKey[], row: Record<string, unknown>): string {
  const values = [...keys.map((key) => toCursorValue(row[key.field])), row.id];
  const payload: CursorPayload = { s: sortText(keys), v: values };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * The condition "comes after the cursor's row" in the given order. Keyset pagination: rows
 * inserted meanwhile never shift a page, and no row is seen twice.
 */
export function afterCursor(keys: SortKey[], idColumn: PgColumn, cursor: string): SQL {
  const invalid = (message: string) =>
    new AppError('validation_failed', `cursor: ${message}`, { errors: [{ path: 'query.cursor', message }] });
  let payload: CursorPayload;
  try {
    payload = cursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid('is not a cursor this server issued');
  }
  if (!payload || !Array.isArray(payload.v) || payload.v.length !== keys.length + 1) {
    throw invalid('is not a cursor this server issued');
  }
  if (payload.s !== sortText(keys))
    throw invalid('was issued for another sort order; keep the sort when paging');
  const columns = [
    ...keys.map((key) => ({ column: key.column, descending: key.descending })),
    {
      column: idColumn,
      descending: keys[keys.length - 1]?.descending ?? false,
    },
  ];
  const values = payload.v.map((value, index) => fromCursorValue(value, columns[index]?.column));
  // (a after va) OR (a = va AND b after vb) OR … — written out, because directions may differ per key.
  const alternatives: SQL[] = columns.map((current, index) => {
    const equalities = columns
      .slice(0, index)
      .map((previous, previousIndex) => equalTo(previous.column, values[previousIndex]));
    return sql.join([...equalities, comesAfter(current, values[index])], sql` and `);
  });
  return sql`(${sql.join(
    alternatives.map((alternative) => sql`(${alternative})`),
    sql` or `,
  )})`;
}

/** `column = value`, where an empty value equals only an empty column. */
function equalTo(column: PgColumn, value: unknown): SQL {
  return value === null ? sql`${column} is null` : sql`${column} = ${value}`;
}

/** Strictly after `value` in the column's direction; empty values sort last (NULLS LAST). */
function comesAfter(key: { column: PgColumn; descending: boolean }, value: unknown): SQL {
  if (value === null) return sql`false`;
  const comparison = key.descending ? sql`${key.column} < ${value}` : sql`${key.column} > ${value}`;
  return key.column.notNull ? comparison : sql`(${comparison} or ${key.column} is null)`;
}

function sortText(keys: SortKey[]): string {
  return keys.map((key) => `${key.descending ? '-' : ''}${key.field}`).join(',');
}

function toCursorValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * A cursor's value checked against its column's type, so that a cursor edited by hand is a 400,
 * never a database error: null, or a value of the column's own kind (a valid time, a finite
 * number, a uuid, text, a boolean).
 */
function fromCursorValue(value: unknown, column: PgColumn | undefined): unknown {
  const invalid = () => invalidField('query.cursor', 'is not a cursor this server issued');
  if (value === null) return null;
  switch (column?.dataType) {
    case 'date': {
      const time = typeof value === 'string' ? new Date(value) : null;
      if (!time || Number.isNaN(time.getTime())) throw invalid();
      return time;
    }
    case 'number':
    case 'bigint':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid();
      return value;
    default:
      if (typeof value !== 'string') throw invalid();
      if (column?.columnType === 'PgUUID' && !uuidPattern.test(value)) throw invalid();
      checkText('query.cursor', value);
      return value;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
