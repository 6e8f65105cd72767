import { and, asc, count, desc, eq, gt, gte, lt, lte, max, min, type SQL } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { StoredEvent } from '../../core/events/chain.ts';
import { auditEvents } from '../../core/events/schema.ts';
import type { Executor } from '../../db/connection.ts';

/** What a reader may narrow the trail down to. Every field is optional; they combine with AND. */
export interface EventFilters {
  aggregateType?: string;
  aggregateId?: string;
  actor?: string;
  eventType?: string;
  from?: Date;
  to?: Date;
}

export interface EventPage {
  data: StoredEvent[];
  nextCursor: string | null;
}

/**
 * Runs one read and answers its result: a workspace-bound database's `read` (each batch of a long
 * export in a unit of its own), or an open transaction's executor (`(work) => work(tx)`).
 */
export type Reader = <T>(work: (db: Executor) => Promise<T>) => Promise<T>;

function conditions(workspaceId: string, filters: EventFilters): SQL[] {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (filters.aggregateType) where.push(eq(auditEvents.aggregateType, filters.aggregateType));
  if (filters.aggregateId) where.push(eq(auditEvents.aggregateId, filters.aggregateId));
  if (filters.actor) where.push(eq(auditEvents.userId, filters.actor));
  if (filters.eventType) where.push(eq(auditEvents.eventType, filters.eventType));
  if (filters.from) where.push(gte(auditEvents.occurredAt, filters.from));
  if (filters.to) where.push(lt(auditEvents.occurredAt, filters.to));
  return where;
}

export function encodeSequenceCursor(sequence: number): string {
  return Buffer.from(JSON.stringify({ after: sequence })).toString('base64url');
}

export function decodeSequenceCursor(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after =
      typeof decoded === 'object' && decoded !== null && 'after' in decoded ? decoded.after : null;
    if (typeof after === 'number' && Number.isSafeInteger(after) && after >= 0) return after;
  } catch {
    // reported below
  }
  throw new AppError('validation_failed', 'cursor: is not a cursor this server issued', {
    errors: [{ path: 'query.cursor', message: 'is not a cursor this server issued' }],
  });
}

/** One page of events in sequence order (newest first unless `ascending`), after the cursor. */
export async function listEvents(
  db: Executor,
  workspaceId: string,
  filters: EventFilters,
  page: { limit: number; cursor?: string; ascending: boolean },
): Promise<EventPage> {
  const where = conditions(workspaceId, filters);
  if (page.cursor) {
    const after = decodeSequenceCursor(page.cursor);
    where.push(page.ascending ? gt(auditEvents.sequence, after) : lt(auditEvents.sequence, after));
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(page.ascending ? asc(auditEvents.sequence) : desc(auditEvents.sequence))
    .limit(page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > page.limit && last ? encodeSequenceCursor(last.sequence) : null };
}

/**
 * Every matching event in sequence order, read in keyset-paginated batches, each batch one read:
 * memory stays the size of one batch however long the trail is. `upTo` bounds the sequence (for a
 * consistent end).
 */
export async function* eventsInBatches(
  read: Reader,
  workspaceId: string,
  filters: EventFilters,
  batchSize = 1000,
  upTo?: number,
): AsyncGenerator<StoredEvent[]> {
  let after = 0;
  for (;;) {
    const where = [...conditions(workspaceId, filters), gt(auditEvents.sequence, after)];
    if (upTo !== undefined) where.push(lte(auditEvents.sequence, upTo));
    const rows = await read((db) =>
      db
        .select()
        .from(auditEvents)
        .where(and(...where))
        .orderBy(asc(auditEvents.sequence))
        .limit(batchSize),
    );
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = last.sequence;
  }
}

/**
 * For each actor and action (event type) between `from` (inclusive) and `to` (exclusive): how
 * many times, first and last. One grouped query over the event log.
 */
export async function activityByActor(db: Executor, workspaceId: string, range: { from?: Date; to?: Date }) {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (range.from) where.push(gte(auditEvents.occurredAt, range.from));
  if (range.to) where.push(lt(auditEvents.occurredAt, range.to));
  return db
    .select({
      actorId: auditEvents.userId,
      actorName: users.displayName,
      actorKind: users.kind,
      action: auditEvents.eventType,
      count: count(),
      firstAt: min(auditEvents.occurredAt),
      lastAt: max(auditEvents.occurredAt),
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(...where))
    .groupBy(auditEvents.userId, users.displayName, users.kind, auditEvents.eventType)
    .orderBy(asc(users.displayName), asc(auditEvents.userId), asc(auditEvents.eventType));
}
