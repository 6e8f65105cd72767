import type { AccessLogWriter } from '../../../core/access-log/writer.ts';
import type { Scope } from '../../../core/resource/scope.ts';
import type {
  AccessLogEntryOutput,
  AccessLogExportQuery,
  AccessLogFilterQuery,
  AccessLogListQuery,
} from '../contracts.ts';
import { type CsvColumn, type ExportDownload, exportDownload } from '../export.ts';
import { timeRange } from '../time-range.ts';
import { type AccessLogFilters, type AccessLogRow, accessLogInBatches, listAccessLog } from './store.ts';

/**
 * Reading the access log: one entry per authenticated API request. Entries are written in batches
 * (core/access-log/writer.ts); each read first writes what this process still holds, so that its
 * own readers see them.
 */

function filtersOf(query: AccessLogFilterQuery): AccessLogFilters {
  const { actor, method, route, status, requestId, archive } = query;
  return { actor, method, route, status, requestId, ...timeRange(query), archive: archive === 'true' };
}

/** The entry as the API shows it: not its workspace (the caller's), nor when it was archived. */
function entryOutput(row: AccessLogRow): AccessLogEntryOutput {
  return {
    id: row.id,
    userId: row.userId,
    tokenId: row.tokenId,
    method: row.method,
    route: row.route,
    status: row.status,
    durationMs: row.durationMs,
    sourceAddress: row.sourceAddress,
    userAgent: row.userAgent,
    requestId: row.requestId,
    occurredAt: row.occurredAt,
  };
}

/** A page of entries, newest first unless asked otherwise. */
export async function listAccessLogEntries(scope: Scope, writer: AccessLogWriter, query: AccessLogListQuery) {
  const filters = filtersOf(query);
  await writer.flush();
  const { limit, cursor, order } = query;
  const page = await scope.db.read((db) =>
    listAccessLog(db, scope.ctx.workspaceId, filters, { limit, cursor, ascending: order === 'asc' }),
  );
  return { data: page.data.map(entryOutput), nextCursor: page.nextCursor };
}

const csvColumns: CsvColumn<AccessLogRow>[] = [
  { header: 'occurred_at', value: (row) => row.occurredAt },
  { header: 'user_id', value: (row) => row.userId },
  { header: 'token_id', value: (row) => row.tokenId },
  { header: 'method', value: (row) => row.method },
  { header: 'route', value: (row) => row.route },
  { header: 'status', value: (row) => row.status },
  { header: 'duration_ms', value: (row) => row.durationMs },
  { header: 'source_address', value: (row) => row.sourceAddress },
  { header: 'user_agent', value: (row) => row.userAgent },
  { header: 'request_id', value: (row) => row.requestId },
  { header: 'id', value: (row) => row.id },
];

/** Every matching entry oldest first, as NDJSON or CSV, streamed batch by batch as the client reads. */
export async function exportAccessLog(
  scope: Scope,
  writer: AccessLogWriter,
  query: AccessLogExportQuery,
): Promise<ExportDownload> {
  const filters = filtersOf(query);
  await writer.flush();
  const batches = accessLogInBatches((work) => scope.db.read(work), scope.ctx.workspaceId, filters);
  return exportDownload('audit-access-log', query.format, batches, entryOutput, csvColumns);
}
