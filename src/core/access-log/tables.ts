import { doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The columns of one access-log entry, shared by the hot table and its archive so that the archive
 * mover can copy rows column for column.
 */
function accessLogColumns() {
  return {
    /** UUIDv7, taken when the request arrived. */
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    /** The person or agent who made the request. */
    userId: uuid('user_id').notNull(),
    tokenId: uuid('token_id'),
    method: text('method').notNull(),
    /** The route pattern (`/api/v1/projects/:id`), never the raw URL: no ids or query strings. */
    route: text('route').notNull(),
    status: integer('status').notNull(),
    durationMs: doublePrecision('duration_ms').notNull(),
    sourceAddress: text('source_address'),
    userAgent: text('user_agent'),
    requestId: text('request_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
  };
}

/** One row per authenticated API request (written in batches, see access-log/writer.ts). */
export const auditLogs = pgTable('audit_logs', accessLogColumns(), (table) => [
  index('audit_logs_workspace_time_idx').on(table.workspaceId, table.occurredAt, table.id),
  index('audit_logs_time_idx').on(table.occurredAt),
]);

/** Access-log rows past their workspace's hot period, until the archive period ends too. */
export const auditLogsArchive = pgTable(
  'audit_logs_archive',
  {
    ...accessLogColumns(),
    archivedAt: timestamp('archived_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_logs_archive_workspace_time_idx').on(table.workspaceId, table.occurredAt, table.id),
    index('audit_logs_archive_time_idx').on(table.occurredAt),
  ],
);
