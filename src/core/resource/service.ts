import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/connection.ts';
import type { RequestContext } from '../auth/context.ts';
import { appendEvent, diffFields } from '../events/append.ts';
import { AppError, invalidField, notFound } from '../http/errors.ts';
import { metadataCondition, metaFilterPattern, removeMetadataOfDeleted } from '../metadata/entities.ts';
import { declaredResources, type ResourceDefinition, type Row } from './define.ts';
import { escapeLike, filterConditions } from './filters.ts';
// Registers the search index's event listener: every resource write keeps the index current.
import '../search/indexer.ts';
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

export interface Page {
  data: Row[];
  nextCursor: string | null;
}

/** Where a resource's rows live: the caller's workspace, and the project for project-scoped ones. */
export interface Scope {
  ctx: RequestContext;
  projectId?: string;
}

function scopeConditions(definition: ResourceDefinition, scope: Scope): SQL[] {
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
  const projects = declaredResources().get('project');
  if (!projects) throw new Error('project-scoped resources need the project resource');
  const [found] = await db
    .select({ id: projects.table.id })
    .from(projects.table)
    .where(and(eq(projects.table.id, scope.projectId), eq(projects.table.workspaceId, scope.ctx.workspaceId)))
    .limit(1);
  if (!found) throw notFound('project', scope.projectId);
}

/** One page of a resource's rows: filtered, searched, sorted, after the cursor. */
export async function listRows(
  db: Executor,
  definition: ResourceDefinition,
  scope: Scope,
  parameters: ListParameters,
): Promise<Page> {
  const { table } = definition;
  const limit = parameters.limit ?? defaultPageSize;
  const keys = parseSort(parameters.sort ?? definition.defaultSort, definition.sortable);
  const conditions = [
    ...scopeConditions(definition, scope),
    ...filterConditions(definition.filters, parameters, scope.ctx),
  ];
  conditions.push(...metadataConditions(definition, parameters));
  if (parameters.q) conditions.push(textSearchCondition(definition.searchable, parameters.q));
  if (parameters.cursor) conditions.push(afterCursor(keys, table.id, parameters.cursor));
  const rows = (await db
    .select()
    .from(table)
    .where(and(...conditions))
    .orderBy(...orderBy(keys, table.id))
    .limit(limit + 1)) as Row[];
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor(keys, last) : null };
}

/** `filter[meta.<key>]=value` parameters: each must hold on the row's metadata. */
function metadataConditions(definition: ResourceDefinition, parameters: ListParameters): SQL[] {
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

/** Every word must appear (case-insensitively) in at least one searchable field (text or text[]). */
function textSearchCondition(columns: PgColumn[], q: string): SQL {
  const words = q.split(/\s+/).filter(Boolean).slice(0, maxSearchWords);
  const searched = columns.map((column) =>
    column.dataType === 'array' ? sql`array_to_string(${column}, ' ')` : column,
  );
  const perWord = words.map(
    (word) => or(...searched.map((column) => ilike(column, `%${escapeLike(word)}%`))) as SQL,
  );
  return and(...perWord) as SQL;
}

/** One row by id, or 404 (also when it belongs to another workspace or project). */
export async function getRow(
  db: Executor,
  definition: ResourceDefinition,
  scope: Scope,
  id: string,
  lock = false,
): Promise<Row> {
  const query = db
    .select()
    .from(definition.table)
    .where(and(eq(definition.table.id, id), ...scopeConditions(definition, scope)))
    .limit(1);
  const [row] = (await (lock ? query.for('update') : query)) as Row[];
  if (!row) throw notFound(definition.label, id);
  return row;
}

/** The fields whose changes events record (and that replay rebuilds). */
export function auditedFields(definition: ResourceDefinition): readonly string[] {
  return (
    definition.auditedFields ??
    Object.keys(definition.schemas.output.shape).filter(
      (field) => !['id', 'createdAt', 'updatedAt', 'version'].includes(field),
    )
  );
}

/** Inserts a row and its `<name>.created` event, in the caller's transaction. */
export async function createRow(
  tx: Executor,
  definition: ResourceDefinition,
  scope: Scope,
  input: Record<string, unknown>,
): Promise<Row> {
  const values = definition.hooks?.beforeCreate
    ? await definition.hooks.beforeCreate({ ...input }, { ctx: scope.ctx, tx, projectId: scope.projectId })
    : { ...input };
  values.workspaceId = scope.ctx.workspaceId;
  if (definition.scope === 'project') values.projectId = scope.projectId;
  const [row] = (await tx.insert(definition.table).values(values).returning()) as Row[];
  if (!row) throw new Error(`insert into ${definition.name} returned nothing`);
  await definition.hooks?.afterCreate?.(row, { ctx: scope.ctx, tx, projectId: scope.projectId });
  await appendEvent(tx, scope.ctx, {
    eventType: `${definition.name}.created`,
    aggregateType: definition.name,
    aggregateId: row.id,
    aggregateVersion: row.version,
    changes: diffFields(null, row, auditedFields(definition)),
  });
  return row;
}

/**
 * Applies a change with optimistic concurrency: when `expectedVersion` is given and the row has
 * moved on, answers 412 and changes nothing. A change that alters nothing writes nothing.
 */
export async function updateRow(
  tx: Executor,
  definition: ResourceDefinition,
  scope: Scope,
  id: string,
  changes: Record<string, unknown>,
  expectedVersion?: number,
): Promise<Row> {
  const current = await getRow(tx, definition, scope, id, true);
  assertVersion(definition, current, expectedVersion);
  const values = definition.hooks?.beforeUpdate
    ? await definition.hooks.beforeUpdate({ ...changes }, current, {
        ctx: scope.ctx,
        tx,
        projectId: scope.projectId,
      })
    : { ...changes };
  const fieldChanges = diffFields(current, { ...current, ...values }, auditedFields(definition));
  if (Object.keys(fieldChanges).length === 0) return current;
  const { table } = definition;
  const [row] = (await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(table.id, id), eq(table.workspaceId, scope.ctx.workspaceId)))
    .returning()) as Row[];
  if (!row) throw notFound(definition.label, id);
  await appendEvent(tx, scope.ctx, {
    eventType: `${definition.name}.updated`,
    aggregateType: definition.name,
    aggregateId: id,
    aggregateVersion: row.version,
    changes: fieldChanges,
  });
  return row;
}

/** Deletes a row (412 on a stale expected version) and records `<name>.deleted` with its last values. */
export async function deleteRow(
  tx: Executor,
  definition: ResourceDefinition,
  scope: Scope,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const current = await getRow(tx, definition, scope, id, true);
  assertVersion(definition, current, expectedVersion);
  await definition.hooks?.beforeDelete?.(current, { ctx: scope.ctx, tx, projectId: scope.projectId });
  await tx
    .delete(definition.table)
    .where(and(eq(definition.table.id, id), eq(definition.table.workspaceId, scope.ctx.workspaceId)));
  await removeMetadataOfDeleted(tx, definition, scope.ctx.workspaceId, id);
  await appendEvent(tx, scope.ctx, {
    eventType: `${definition.name}.deleted`,
    aggregateType: definition.name,
    aggregateId: id,
    aggregateVersion: current.version + 1,
    changes: diffFields(current, null, auditedFields(definition)),
  });
}

function assertVersion(
  definition: ResourceDefinition,
  current: Row,
  expectedVersion: number | undefined,
): void {
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw new AppError(
      'precondition_failed',
      `This ${definition.label} is at version ${current.version}, not ${expectedVersion}: someone changed it since you read it. Read it again and reapply your change.`,
      { code: 'version_mismatch', extensions: { currentVersion: current.version } },
    );
  }
}

/** The row as the API shows it: the output schema's fields plus computed ones. */
export function toOutput(definition: ResourceDefinition, row: Row): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const field of Object.keys(definition.schemas.output.shape)) output[field] = row[field];
  return definition.hooks?.toOutput ? { ...output, ...definition.hooks.toOutput(row) } : output;
}
