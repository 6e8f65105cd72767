import { roleAllows } from '../../core/auth/permissions.ts';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import type { StoredEvent } from '../../core/events/chain.ts';
import { readableChanges, readableValue } from '../../core/events/sensitive.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type {
  EventExportQuery,
  EventFilterQuery,
  EventListQuery,
  HistoryQuery,
  RebuiltEntityOutput,
} from './contracts.ts';
import { type EventFilters, type EventPage, eventsInBatches, listEvents } from './events-store.ts';
import { type CsvColumn, type ExportDownload, exportDownload } from './export.ts';
import { auditReadSensitive } from './permissions.ts';
import { timeRange } from './time-range.ts';
import { rebuildAt } from './time-travel.ts';

/**
 * Reading the trail: events, one entity's history, exports and time travel, each as the caller
 * may see it (sensitive values decrypted or redacted, see core/events/sensitive.ts).
 */

/** May the caller see sensitive values? Read-only tokens and roles without the permission may not. */
function revealsSensitive(scope: Scope): boolean {
  const { actor } = scope.ctx;
  return !actor.readOnly && roleAllows(actor.role, auditReadSensitive);
}

/** Turns each stored value into what the caller may see of it. */
export function readableValues(scope: Scope, reveal = revealsSensitive(scope)) {
  const { cipher } = scope.app.events;
  return (_field: string, value: unknown) => readableValue(value, reveal, cipher);
}

function readableEvent(scope: Scope, event: StoredEvent, reveal: boolean): StoredEvent {
  const changes = event.eventData.changes;
  if (!changes) return event;
  const shown = readableChanges(changes, reveal, scope.app.events.cipher);
  return { ...event, eventData: { ...event.eventData, changes: shown } };
}

/** The event as the API shows it (the workspace is the caller's). */
function eventOutput(event: StoredEvent) {
  const { workspaceId: _workspace, metadata, ...shown } = event;
  return { ...shown, metadata: { ...metadata } };
}

function readablePage(scope: Scope, page: EventPage) {
  const reveal = revealsSensitive(scope);
  return {
    data: page.data.map((event) => eventOutput(readableEvent(scope, event, reveal))),
    nextCursor: page.nextCursor,
  };
}

function filtersOf(query: EventFilterQuery): EventFilters {
  const { aggregateType, aggregateId, actor, eventType } = query;
  return { aggregateType, aggregateId, actor, eventType, ...timeRange(query) };
}

/** A page of the workspace's events, newest first unless asked otherwise. */
export async function listAuditEvents(scope: Scope, query: EventListQuery) {
  const { limit, cursor, order } = query;
  const filters = filtersOf(query);
  const page = await scope.db.read((db) =>
    listEvents(db, scope.ctx.workspaceId, filters, { limit, cursor, ascending: order === 'asc' }),
  );
  return readablePage(scope, page);
}

/** Every event of one entity, oldest first; 404 when the workspace has none of it. */
export async function entityHistory(scope: Scope, type: string, id: string, query: HistoryQuery) {
  const page = await scope.db.read((db) =>
    listEvents(
      db,
      scope.ctx.workspaceId,
      { aggregateType: type, aggregateId: id },
      { ...query, ascending: true },
    ),
  );
  // An entity with no event in this workspace never existed here (or is another workspace's): 404.
  if (!query.cursor && page.data.length === 0) throw notFound(type, id);
  return readablePage(scope, page);
}

/** The entity as it was at `at` (default: now), rebuilt from its events; 404 if it did not exist then. */
export async function entityAt(
  scope: Scope,
  type: string,
  id: string,
  atTime: string | undefined,
): Promise<RebuiltEntityOutput> {
  const at = atTime ? new Date(atTime) : new Date();
  const decode = readableValues(scope);
  const entity = await scope.db.read((db) => rebuildAt(db, scope.ctx.workspaceId, type, id, at, decode));
  if (!entity) {
    throw new AppError('not_found', `No ${type} ${id} existed at ${at.toISOString()}.`, {
      code: 'audit.entity_not_found',
    });
  }
  const { id: _id, ...rebuilt } = entity;
  return { aggregateType: type, aggregateId: id, at: at.toISOString(), ...rebuilt };
}

const eventCsvColumns: CsvColumn<StoredEvent>[] = [
  { header: 'sequence', value: (event) => event.sequence },
  { header: 'occurred_at', value: (event) => event.occurredAt },
  { header: 'event_type', value: (event) => event.eventType },
  { header: 'aggregate_type', value: (event) => event.aggregateType },
  { header: 'aggregate_id', value: (event) => event.aggregateId },
  { header: 'aggregate_version', value: (event) => event.aggregateVersion },
  { header: 'user_id', value: (event) => event.userId },
  { header: 'request_id', value: (event) => event.metadata.requestId },
  { header: 'source_address', value: (event) => event.metadata.sourceAddress },
  { header: 'changes', value: (event) => event.eventData.changes },
  { header: 'hash', value: (event) => event.hash },
];

/**
 * Every matching event in sequence order, as NDJSON or CSV, streamed: each batch is read when the
 * client has taken the ones before, so memory stays constant however long the trail.
 */
export function exportAuditEvents(scope: Scope, query: EventExportQuery): ExportDownload {
  const filters = filtersOf(query);
  const reveal = revealsSensitive(scope);
  async function* readableBatches() {
    const batches = eventsInBatches((work) => scope.db.read(work), scope.ctx.workspaceId, filters);
    for await (const batch of batches) yield batch.map((event) => readableEvent(scope, event, reveal));
  }
  return exportDownload('audit-events', query.format, readableBatches(), eventOutput, eventCsvColumns);
}
