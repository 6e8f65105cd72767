import { and, asc, desc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
import { auditLogs, auditLogsArchive } from '../../../core/access-log/tables.ts';
import { AppError } from '../../../core/errors/app-error.ts';
import type { Executor } from '../../../db/connection.ts';
import type { Reader } from '../events-store.ts';

/** An entry of the recent log or of the archive (which also says when it was archived). */
export type AccessLogRow = typeof auditLogs.$inferSelect | typeof auditLogsArchive.$inferSelect;

/** What a reader may narrow the access log down to; fields combine with AND. */
export interface AccessLogFilters {
  actor?: string;
  method?: string;
  route?: string;
  status?: number;
  requestId?: string;
  from?: Date;
  to?: Date;
  /** Read the archive instead of the hot table. */
  archive?: boolean;
}

interface Position {
  occurredAt: Date;
  id: string;
}

function tableOf(filters: AccessLogFilters) {
  return filters.archive ? auditLogsArchive : auditLogs;
}

function conditions(workspaceId: string, filters: AccessLogFilters): SQL[] {
  const table = tableOf(filters);
  const where: SQL[] = [eq(table.workspaceId, workspaceId)];
  if (filters.actor) where.push(eq(table.userId, filters.actor));
  if (filters.method) where.push(eq(table.method, filters.method));
  if (filters.route) where.push(eq(table.route, filters.route));
  if (filters.status !== undefined) where.push(eq(table.status, filters.status));
  if (filters.requestId) where.push(eq(table.requestId, filters.requestId));
  if (filters.from) where.push(gte(table.occurredAt, filters.from));
  if (filters.to) where.push(lt(table.occurredAt, filters.to));
  return where;
}

/** Rows strictly after `position` in (occurred_at, id) order, ascending or descending. */
function after(filters: AccessLogFilters, position: Position, ascending: boolean): SQL {
  const table = tableOf(filters);
  const beyond = ascending ? gt : lt;
  // `or` types its result as possibly undefined (for no arguments); given two, it is a condition.
  return or(
    beyond(table.occurredAt, position.occurredAt),
    and(eq(table.occurredAt, position.occurredAt), beyond(table.id, position.id)),
  ) as SQL;
}

export function encodePositionCursor(row: Position): string {
  return Buffer.from(JSON.stringify({ t: row.occurredAt.toISOString(), id: row.id })).toString('base64url');
}

export function decodePositionCursor(cursor: string): Position {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const t = typeof decoded === 'object' && decoded !== null && 't' in decoded ? decoded.t : null;
    const id = typeof decoded === 'object' && decoded !== null && 'id' in decoded ? decoded.id : null;
    const occurredAt = typeof t === 'string' ? new Date(t) : null;
    if (
      occurredAt &&
      !Number.isNaN(occurredAt.getTime()) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { occurredAt, id };
    }
  } catch {
    // reported below
  }
  throw new AppError('validation_failed', 'cursor: is not a cursor this server issued', {
    errors: [{ path: 'query.cursor', message: 'is not a cursor this server issued' }],
  });
}

/** One page of access-log entries, newest first unless `ascending`. */
export async function listAccessLog(
  db: Executor,
  workspaceId: string,
  filters: AccessLogFilters,
  page: { limit: number; cursor?: string; ascending: boolean },
): Promise<{ data: AccessLogRow[]; nextCursor: string | null }> {
  const table = tableOf(filters);
  const where = conditions(workspaceId, filters);
  if (page.cursor) where.push(after(filters, decodePositionCursor(page.cursor), page.ascending));
  const order = page.ascending ? asc : desc;
  const rows: AccessLogRow[] = await db
    .select()
    .from(table)
    .where(and(...where))
    .orderBy(order(table.occurredAt), order(table.id))
    .limit(page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > page.limit && last ? encodePositionCursor(last) : null };
}

/** Every matching entry oldest first, read in keyset batches, each batch one read: memory holds one batch. */
export async function* accessLogInBatches(
  read: Reader,
  workspaceId: string,
  filters: AccessLogFilters,
  batchSize = 1000,
): AsyncGenerator<AccessLogRow[]> {
  const table = tableOf(filters);
  let position: Position | null = null;
  for (;;) {
    const where = conditions(workspaceId, filters);
    if (position) where.push(after(filters, position, true));
    const rows: AccessLogRow[] = await read((db) =>
      db
        .select()
        .from(table)
        .where(and(...where))
        .orderBy(asc(table.occurredAt), asc(table.id))
        .limit(batchSize),
    );
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    position = last;
  }
}
