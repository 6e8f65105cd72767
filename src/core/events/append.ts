import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/connection.ts';
import type { RequestContext } from '../auth/context.ts';
import { asStoredJson, chainHash, genesisHash, type StoredEvent } from './chain.ts';
import { auditChainHeads, auditEvents, type FieldChanges } from './schema.ts';
import { type FieldCipher, protectSensitive } from './sensitive.ts';
import { eventsChannel } from './subscribe.ts';

export interface NewEvent {
  /** `<aggregate type>.<what happened>`, e.g. `project.updated`. */
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion?: number;
  changes: FieldChanges;
  /** Anything else worth keeping with the event (a reason, a transition). */
  data?: Record<string, unknown>;
  reason?: string;
}

/** Work that must commit or roll back with each event (e.g. keeping the search index current). */
export interface AppendListener {
  name: string;
  onAppended(tx: Executor, ctx: RequestContext, event: NewEvent): Promise<void>;
}

/**
 * How one app appends events: which fields of each aggregate type are stored encrypted, the cipher
 * that encrypts them, and the work that commits with every event. Built once per app from its
 * installed modules; nothing about it is global.
 */
export interface EventLog {
  sensitiveFields(aggregateType: string): readonly string[];
  cipher: FieldCipher | null;
  listeners: readonly AppendListener[];
}

/** What appending needs of the caller's scope: who acts, and the app's event log. */
export interface AppendScope {
  ctx: RequestContext;
  app: { events: EventLog };
}

/**
 * Appends one event to the workspace's hash chain. Call it inside the transaction that makes the
 * change, as its last step: it locks the workspace's chain head until that transaction ends, so
 * concurrent appends (from any number of processes) take sequence numbers one after another and
 * each links to the hash before it. If the transaction rolls back, the sequence is not consumed.
 */
export async function appendEvent(tx: Executor, scope: AppendScope, event: NewEvent): Promise<StoredEvent> {
  const { ctx } = scope;
  const { events } = scope.app;
  const head = await lockChainHead(tx, ctx.workspaceId);
  const row = {
    id: uuidv7(),
    workspaceId: ctx.workspaceId,
    sequence: head.lastSequence + 1,
    eventType: event.eventType,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion ?? null,
    userId: ctx.actor.userId,
    eventData: asStoredJson({
      ...event.data,
      changes: protectSensitive(event.changes, events.sensitiveFields(event.aggregateType), events.cipher),
    }),
    metadata: asStoredJson({
      requestId: ctx.requestId,
      sourceAddress: ctx.sourceAddress,
      userAgent: ctx.userAgent,
      tokenId: ctx.actor.tokenId,
      ...(event.reason ? { reason: event.reason } : {}),
    }),
    occurredAt: head.now,
    prevHash: head.lastHash,
  };
  const stored = { ...row, hash: chainHash(head.lastHash, row) };
  // One statement stores the event, moves the head and queues a notification (delivered to
  // listeners only if this transaction commits).
  await tx.execute(sql`
    with stored as (${tx.insert(auditEvents).values(stored).getSQL()}),
    moved as (
      update ${auditChainHeads} set last_sequence = ${stored.sequence}, last_hash = ${stored.hash}
      where workspace_id = ${ctx.workspaceId} returning workspace_id)
    select pg_notify(${eventsChannel}, workspace_id::text) from moved`);
  for (const listener of events.listeners) await listener.onAppended(tx, ctx, event);
  return stored;
}

/**
 * Locks the workspace's chain head (creating it on the first event) and reads it, with the
 * database clock's current time to the millisecond, taken once the lock is held.
 */
async function lockChainHead(
  tx: Executor,
  workspaceId: string,
): Promise<{ lastSequence: number; lastHash: string; now: Date }> {
  const result = await tx.execute<{
    last_sequence: string | number;
    last_hash: string;
    now: string | Date;
  }>(sql`
    insert into audit_chain_heads (workspace_id, last_sequence, last_hash)
    values (${workspaceId}, 0, ${genesisHash})
    on conflict (workspace_id) do update set last_sequence = audit_chain_heads.last_sequence
    returning last_sequence, last_hash, date_trunc('milliseconds', clock_timestamp()) as now`);
  const [head] = result.rows;
  if (!head) throw new Error('locking the audit chain head returned nothing');
  return { lastSequence: Number(head.last_sequence), lastHash: head.last_hash, now: new Date(head.now) };
}

/** The fields whose values differ between two versions of a record (JSON-comparable values). */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields: readonly string[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const previous = before ? toJsonValue(before[field]) : null;
    const next = after ? toJsonValue(after[field]) : null;
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[field] = { before: previous, after: next };
  }
  return changes;
}

function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return value instanceof Date ? value.toISOString() : value;
}
