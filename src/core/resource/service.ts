import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection.ts';
import { invalidField, notFound } from '../errors/app-error.ts';
import { metadataCondition, metaFilterPattern } from '../metadata/entities.ts';
import { indexedFieldsOf } from '../search/fields.ts';
import { matchesSearch } from '../search/query.ts';
import { projects } from '../tenancy/projects-table.ts';
import { type AnyResource, type OutputOfResource, type RowOfResource, rowsOf } from './define.ts';
import { escapeLike, filterConditions } from './filters.ts';
import type { Scope } from './scope.ts';
import { afterCursor, encodeCursor, orderBy, parseSort } from './sorting.ts';

export const defaultPageSize = 50;

export const maxPageSize = 200;
const maxSearchWords = 10;
const maxMetadataFilters = 10;

export interface ListParameters {
  limit?: number;
  cursor?: string;
  sort?: string;
  q?: string;
  [filterParameter: string]: unknown;
}

export interface Page<Row> {
  data: Row[];
  nextCursor: string | null;
}

function scopeConditions(definition: AnyResource, scope: Scope): SQL[] {
  const { table } = definition;
  const conditions = [eq(table.workspaceId, scope.ctx.workspaceId)];
  if (definition.scope === 'project') {
    if (!scope.projectId || !table.projectId) throw new Error(`${definition.name} needs a project id`);
    conditions.push(eq(table.projectId, scope.projectId));
  }
  return conditions;
}

/** A project-scoped route addresses a project: it must exist in the caller's workspace, else 404. */
export async function assertProjectVisible(db: Executor, scope: Scope): Promise<void> {
  if (!scope.projectId) return;
  const [found] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, scope.projectId), eq(projects.workspaceId, scope.ctx.workspaceId)))
    .limit(1);
  if (!found) throw notFound('project', scope.projectId);
}

/** One page of a resource's rows: filtered, searched, sorted, after the cursor. */
export async function listRows<D extends AnyResource>(
  db: Executor,
  definition: D,
  scope: Scope,
  parameters: ListParameters,
): Promise<Page<RowOfResource<D>>> {
  const { table } = definition;
  const limit = parameters.limit ?? defaultPageSize;
  const keys = parseSort(parameters.sort ?? definition.defaultSort, definition.sortable);
  const conditions = [
    ...scopeConditions(definition, scope),
    ...filterConditions(definition.filters, parameters, scope.ctx),
  ];
  conditions.push(...metadataConditions(definition, parameters));
  if (parameters.q) conditions.push(searchCondition(definition, scope, parameters.q));
  if (parameters.cursor) conditions.push(afterCursor(keys, table.id, parameters.cursor));
  const rows = rowsOf(
    definition,
    await db
      .select()
      .from(table)
      .where(and(...conditions))
      .orderBy(...orderBy(keys, table.id))
      .limit(limit + 1),
  );
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor(keys, last) : null };
}

/** `filter[meta.<key>]=value` parameters: each must hold on the row's metadata. */
function metadataConditions(definition: AnyResource, parameters: ListParameters): SQL[] {
  const conditions: SQL[] = [];
  for (const [parameter, value] of Object.entries(parameters)) {
    const key = metaFilterPattern.exec(parameter)?.[1];
    if (!key || typeof value !== 'string') continue;
    conditions.push(metadataCondition(definition, key, value));
  }
  if (conditions.length > maxMetadataFilters)
    throw invalidField('query', `at most ${maxMetadataFilters} metadata filters`);
  return conditions;
}

/**
 * `q=`: the same search as /search (full text over the indexed fields, websearch syntax, the last
 * word as a prefix). A resource kept out of the index (`search: false`, or a sensitive title)
 * falls back to matching every word as a substring of its searchable fields.
 */
function searchCondition(definition: AnyResource, scope: Scope, q: string): SQL {
  if (indexedFieldsOf(definition)) {
    return matchesSearch({ name: definition.name, id: definition.table.id }, scope.ctx.workspaceId, q);
  }
  return substringCondition(definition.searchable, q);
}

/** Every word must appear (case-insensitively) in at least one searchable field (text or text[]). */
function substringCondition(columns: PgColumn[], q: string): SQL {
  const words = q.split(/\s+/).filter(Boolean).slice(0, maxSearchWords);
  const searched = columns.map((column) =>
    column.dataType === 'array' ? sql`array_to_string(${column}, ' ')` : column,
  );
  const perWord = words.map(
    (word) => or(...searched.map((column) => ilike(column, `%${escapeLike(word)}%`))) ?? sql`false`,
  );
  return and(...perWord) ?? sql`true`;
}

/** One row by id, or 404 (also when it belongs to another workspace or project). */
export async function getRow<D extends AnyResource>(
  db: Executor,
  definition: D,
  scope: Scope,
  id: string,
  lock = false,
): Promise<RowOfResource<D>> {
  if (definition.scope === 'project' && !scope.projectId)
    throw new Error(`${definition.name} needs a project id`);
  const rows = lock
    ? await db
        .select()
        .from(definition.table)
        .where(and(eq(definition.table.id, id), ...scopeConditions(definition, scope)))
        .limit(1)
        .for('update')
    : await preparedGet(db, definition).execute({
        id,
        workspaceId: scope.ctx.workspaceId,
        projectId: scope.projectId ?? null,
      });
  const [row] = rowsOf(definition, rows);
  if (!row) throw notFound(definition.label, id);
  return row;
}

/**
 * Reading one row by id is the API's most frequent query: it is built once per connection and
 * resource and sent as a named prepared statement, so neither the query builder nor the server's
 * planner repeats its work on every request.
 */
const preparedGets = new WeakMap<Executor, Map<string, ReturnType<typeof prepareGet>>>();

function preparedGet(db: Executor, definition: AnyResource) {
  let forConnection = preparedGets.get(db);
  if (!forConnection) {
    forConnection = new Map();
    preparedGets.set(db, forConnection);
  }
  let prepared = forConnection.get(definition.name);
  if (!prepared) {
    prepared = prepareGet(db, definition);
    forConnection.set(definition.name, prepared);
  }
  return prepared;
}

function prepareGet(db: Executor, definition: AnyResource) {
  const { table } = definition;
  const conditions = [
    eq(table.id, sql.placeholder('id')),
    eq(table.workspaceId, sql.placeholder('workspaceId')),
  ];
  if (definition.scope === 'project') {
    if (!table.projectId) throw new Error(`${definition.name} needs a project id`);
    conditions.push(eq(table.projectId, sql.placeholder('projectId')));
  }
  return db
    .select()
    .from(table)
    .where(and(...conditions))
    .limit(1)
    .prepare(`shipshape_get_${definition.name.replace(/\W/g, '_')}`.slice(0, 63));
}

/** The fields whose changes events record (and that replay rebuilds). */
export function auditedFields(definition: AnyResource): readonly string[] {
  return (
    definition.auditedFields ??
    Object.keys(definition.schemas.output.shape).filter(
      (field) => !['id', 'createdAt', 'updatedAt', 'version'].includes(field),
    )
  );
}

/** The row as the API shows it: the output schema's fields plus computed ones. */
export function toOutput<D extends AnyResource>(definition: D, row: RowOfResource<D>): OutputOfResource<D> {
  const output: Record<string, unknown> = {};
  const fields: Record<string, unknown> = row;
  for (const field of Object.keys(definition.schemas.output.shape)) output[field] = fields[field];
  const computed = definition.hooks?.toOutput?.(row);
  return (computed ? { ...output, ...computed } : output) as OutputOfResource<D>;
}
