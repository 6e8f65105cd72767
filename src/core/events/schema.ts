import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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
 * UPDATE and DELETE, so history cannot be rewritten through SQL either. Each workspace's events form
 * one hash chain: `sequence` counts 1, 2, 3… per workspace without gaps, and `hash` covers the
 * previous event's hash and this event's canonical JSON (see chain.ts).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    /** Position in the workspace's chain: 1, 2, 3… with no gap and no reuse. */
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    eventType: text('event_type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    aggregateVersion: integer('aggregate_version'),
    userId: uuid('user_id'),
    eventData: jsonb('event_data').$type<{ changes: FieldChanges } & Record<string, unknown>>().notNull(),
    metadata: jsonb('metadata').$type<EventMetadata>().notNull(),
    /** Millisecond precision, so that the value hashed is exactly the value stored. */
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    unique('audit_events_workspace_sequence_unique').on(table.workspaceId, table.sequence),
    index('audit_events_aggregate_idx').on(table.workspaceId, table.aggregateType, table.aggregateId),
    index('audit_events_workspace_time_idx').on(table.workspaceId, table.occurredAt),
  ],
);

/**
 * The head of each workspace's chain. Appending locks this row until the transaction ends, so
 * appends to one workspace are serialized: no fork, no reused sequence, and commit order equals
 * sequence order (which is what lets readers follow the log without skipping late commits).
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  workspaceId: uuid('workspace_id').primaryKey(),
  lastSequence: bigint('last_sequence', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

/** Signed statements "workspace W's chain had N events ending in hash H", written periodically. */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: uuid('workspace_id').notNull(),
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    /** Which key signed it (a fingerprint, never the key). */
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('audit_checkpoints_workspace_sequence_unique').on(table.workspaceId, table.sequence)],
);

/** Secrets the server generated for itself when none was configured (e.g. the checkpoint key). */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A durable subscriber to the event log; one process at a time holds it (the lease). */
export const auditSubscribers = pgTable('audit_subscribers', {
  name: text('name').primaryKey(),
  leasedBy: text('leased_by'),
  leasedUntil: timestamp('leased_until', { withTimezone: true }),
});

/** How far each subscriber has handled each workspace's chain. */
export const auditSubscriberPositions = pgTable(
  'audit_subscriber_positions',
  {
    subscriber: text('subscriber').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.subscriber, table.workspaceId] })],
);
