import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** The changed fields of a write: each field's value before and after. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export interface EventMetadata {
  requestId?: string;
  sourceAddress?: string;
  userAgent?: string;
  tokenId?: string;
  reason?: string;
}

/**
 * The append-only event log. A trigger (see the migration `audit_events_append_only`) refuses
 * UPDATE and DELETE, so history cannot be rewritten through SQL either.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    sequence: bigserial('sequence', { mode: 'number' }).notNull().unique(),
    workspaceId: uuid('workspace_id').notNull(),
    eventType: text('event_type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    aggregateVersion: integer('aggregate_version'),
    userId: uuid('user_id'),
    eventData: jsonb('event_data').$type<{ changes: FieldChanges } & Record<string, unknown>>().notNull(),
    metadata: jsonb('metadata').$type<EventMetadata>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_aggregate_idx').on(table.workspaceId, table.aggregateType, table.aggregateId),
    index('audit_events_workspace_time_idx').on(table.workspaceId, table.occurredAt),
  ],
);
