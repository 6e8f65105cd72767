import type { Executor } from '../../db/connection.ts';
import type { RequestContext } from '../auth/context.ts';
import { auditEvents, type FieldChanges } from './schema.ts';

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

/**
 * Appends one event to the audit trail. Call it inside the transaction that makes the change, so
 * the change and its event commit together or not at all.
 */
export async function appendEvent(tx: Executor, ctx: RequestContext, event: NewEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    workspaceId: ctx.workspaceId,
    eventType: event.eventType,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion ?? null,
    userId: ctx.actor.userId,
    eventData: { ...event.data, changes: event.changes },
    metadata: {
      requestId: ctx.requestId,
      sourceAddress: ctx.sourceAddress,
      userAgent: ctx.userAgent,
      tokenId: ctx.actor.tokenId,
      ...(event.reason ? { reason: event.reason } : {}),
    },
  });
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
