import { and, desc, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type FilterSpec, filterConditions } from '../../core/resource/filters.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { afterCursor, encodeCursor, orderBy, parseSort, type SortKey } from '../../core/resource/sorting.ts';
import type { Executor } from '../../db/connection.ts';
import { apiContracts } from '../plan/areas/breaking-change-management.ts';
import {
  type ConsumerListQuery,
  consumerResource,
  type VersionListQuery,
  versionResource,
} from './resource.ts';
import {
  type ContractConsumerRow,
  type ContractSettingsRow,
  type ContractVersionRow,
  contractConsumers,
  contractSettings,
  contractVersions,
} from './tables.ts';

// Queries the resource layer does not give: versions without their documents, versions by label,
// the latest version of a contract, a contract's consumers, the contracts of a name, the settings row.

export function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('a contracts route needs a project');
  return scope.projectId;
}

/** Every column of a version but its document: what lists and most answers show. */
const { document: _document, ...versionColumns } = getTableColumns(contractVersions);
export type VersionSummaryRow = Omit<ContractVersionRow, 'document'>;

const inContract = (scope: Scope, contractId: string) =>
  and(
    eq(contractVersions.workspaceId, scope.ctx.workspaceId),
    eq(contractVersions.projectId, projectOf(scope)),
    eq(contractVersions.contractId, contractId),
  );

export type ContractRow = typeof apiContracts.$inferSelect;

/** The project's contracts with this id, or this name (several when names repeat), locked when asked. */
export async function contractsWith(
  db: Executor,
  scope: Scope,
  reference: { id: string } | { name: string },
  lock = false,
): Promise<ContractRow[]> {
  const query = db
    .select()
    .from(apiContracts)
    .where(
      and(
        eq(apiContracts.workspaceId, scope.ctx.workspaceId),
        eq(apiContracts.projectId, projectOf(scope)),
        'id' in reference ? eq(apiContracts.id, reference.id) : eq(apiContracts.name, reference.name),
      ),
    )
    .limit(5);
  return lock ? query.for('update') : query;
}

/** The contract's newest version, without its document. */
export async function latestVersion(
  db: Executor,
  scope: Scope,
  contractId: string,
): Promise<VersionSummaryRow | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(contractVersions)
    .where(inContract(scope, contractId))
    .orderBy(desc(contractVersions.createdAt), desc(contractVersions.id))
    .limit(1);
  return row;
}

/** A version of the contract by id or label, with its document only when asked for. */
export async function findVersion(
  db: Executor,
  scope: Scope,
  contractId: string,
  reference: { id?: string; label?: string },
  withDocument = false,
): Promise<ContractVersionRow | VersionSummaryRow | undefined> {
  const match = reference.id
    ? eq(contractVersions.id, reference.id)
    : eq(contractVersions.label, reference.label ?? '');
  const columns = withDocument ? getTableColumns(contractVersions) : versionColumns;
  const [row] = await db
    .select(columns)
    .from(contractVersions)
    .where(and(inContract(scope, contractId), match))
    .limit(1);
  return row;
}

/** The document of a version, read only when a diff or an answer needs it. */
export async function documentOf(db: Executor, versionId: string, scope: Scope): Promise<string> {
  const [row] = await db
    .select({ document: contractVersions.document })
    .from(contractVersions)
    .where(and(eq(contractVersions.workspaceId, scope.ctx.workspaceId), eq(contractVersions.id, versionId)))
    .limit(1);
  if (!row) throw new Error(`version ${versionId} vanished`);
  return row.document;
}

interface PageRequest {
  limit: number;
  cursor?: string;
  sort?: string;
  [filter: string]: unknown;
}

/** A list's table and how it filters and sorts. */
interface ListSource {
  table: typeof contractVersions | typeof contractConsumers;
  resource: { filters: Record<string, FilterSpec>; sortable: Record<string, PgColumn>; defaultSort: string };
}

/**
 * The query of one page of a contract's rows, filtered and sorted like every list: the condition,
 * the order and how many rows to read (one more than the page, to know whether another follows).
 */
function pageQuery(scope: Scope, source: ListSource, contractId: string, query: PageRequest) {
  const { table, resource } = source;
  const keys = parseSort(query.sort ?? resource.defaultSort, resource.sortable);
  const conditions: SQL[] = [
    eq(table.workspaceId, scope.ctx.workspaceId),
    eq(table.projectId, projectOf(scope)),
    eq(table.contractId, contractId),
    ...filterConditions(resource.filters, query, scope.ctx),
  ];
  if (query.cursor) conditions.push(afterCursor(keys, table.id, query.cursor));
  return { keys, where: and(...conditions), order: orderBy(keys, table.id), limit: query.limit + 1 };
}

/** The page of the rows read, and the cursor of the next page when there is one. */
function pageOf<Row extends Record<string, unknown>>(rows: Row[], keys: SortKey[], limit: number) {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: hasMore && last ? encodeCursor(keys, last) : null };
}

/** A page of a contract's versions (newest first unless sorted otherwise), without documents. */
export async function listVersionRows(
  db: Executor,
  scope: Scope,
  contractId: string,
  query: VersionListQuery,
) {
  const source = { table: contractVersions, resource: versionResource };
  const { keys, where, order, limit } = pageQuery(scope, source, contractId, query);
  const rows = await db
    .select(versionColumns)
    .from(contractVersions)
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return pageOf(rows, keys, query.limit);
}

/** A page of a contract's consumers. */
export async function listConsumerRows(
  db: Executor,
  scope: Scope,
  contractId: string,
  query: ConsumerListQuery,
) {
  const source = { table: contractConsumers, resource: consumerResource };
  const { keys, where, order, limit } = pageQuery(scope, source, contractId, query);
  const rows = await db
    .select()
    .from(contractConsumers)
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return pageOf(rows, keys, query.limit);
}

/** Every consumer of a contract, for the impact of a diff (a contract has tens, not thousands). */
export async function consumersOf(
  db: Executor,
  scope: Scope,
  contractId: string,
): Promise<ContractConsumerRow[]> {
  return db
    .select()
    .from(contractConsumers)
    .where(
      and(
        eq(contractConsumers.workspaceId, scope.ctx.workspaceId),
        eq(contractConsumers.projectId, projectOf(scope)),
        eq(contractConsumers.contractId, contractId),
      ),
    )
    .orderBy(contractConsumers.createdAt, contractConsumers.id);
}

/** The contract's consumer of this name, if any. */
export async function consumerNamed(db: Executor, scope: Scope, contractId: string, name: string) {
  const [row] = await db
    .select({ id: contractConsumers.id })
    .from(contractConsumers)
    .where(
      and(
        eq(contractConsumers.workspaceId, scope.ctx.workspaceId),
        eq(contractConsumers.contractId, contractId),
        eq(contractConsumers.name, name),
      ),
    )
    .limit(1);
  return row;
}

/** The project's contract settings row, if it has set any (locked for the transaction when asked). */
export async function settingsRow(
  db: Executor,
  scope: Scope,
  lock = false,
): Promise<ContractSettingsRow | undefined> {
  const query = db
    .select()
    .from(contractSettings)
    .where(
      and(
        eq(contractSettings.workspaceId, scope.ctx.workspaceId),
        eq(contractSettings.projectId, projectOf(scope)),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}
