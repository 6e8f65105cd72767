import { createHash } from 'node:crypto';
import type { auditEvents } from './schema.ts';

/** The `prev_hash` of a workspace's first event. */
export const genesisHash = '0'.repeat(64);

/** The fields of an event that its hash covers: all of them except the hashes themselves. */
export interface HashedEvent {
  id: string;
  workspaceId: string;
  sequence: number;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number | null;
  userId: string | null;
  eventData: unknown;
  metadata: unknown;
  occurredAt: Date;
}

export type StoredEvent = typeof auditEvents.$inferSelect;

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped.
 * The same value always gives the same text, whatever order jsonb stored its keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/** The canonical text of an event, as hashed (and as anyone can recompute it from the stored row). */
export function canonicalEvent(event: HashedEvent): string {
  return canonicalJson({
    id: event.id,
    workspaceId: event.workspaceId,
    sequence: event.sequence,
    eventType: event.eventType,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    userId: event.userId,
    eventData: event.eventData,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
  });
}

/** `hash = SHA-256(previous hash ‖ canonical JSON of the event)`, hex. */
export function chainHash(previousHash: string, event: HashedEvent): string {
  return createHash('sha256').update(previousHash).update(canonicalEvent(event)).digest('hex');
}

/** Makes a value exactly what jsonb will give back: Dates as ISO strings, undefined dropped. */
export function asStoredJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
