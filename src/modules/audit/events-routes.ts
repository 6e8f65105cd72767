import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/auth/context.ts';
import { authorize, roleAllows } from '../../core/auth/permissions.ts';
import type { StoredEvent } from '../../core/events/chain.ts';
import { readableChanges, readableValue } from '../../core/events/sensitive.ts';
import { AppError, notFound } from '../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { declaredResources } from '../../core/resource/define.ts';
import { pageSchema } from '../../core/resource/schemas.ts';
import type { Database } from '../../db/connection.ts';
import { activityCsv, activityMarkdown, activityReport } from './activity-report.ts';
import { type EventFilters, eventsInBatches, listEvents } from './events-store.ts';
import { type CsvColumn, exportContentTypes, exportStream } from './export.ts';
import { auditAdminister, auditRead, auditReadSensitive } from './permissions.ts';
import { replayResource } from './replay.ts';
import {
  activityReportSchema,
  auditEventSchema,
  eventFilterFields,
  pageFields,
  rebuiltEntitySchema,
  replayReportSchema,
} from './schema.ts';
import { rebuildAt } from './time-travel.ts';

const tags = ['Audit'];
const aggregateParams = z.object({
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .describe('The aggregate type, e.g. project'),
  id: z.uuid().describe('The aggregate id'),
});

function filtersOf(query: Record<string, unknown>): EventFilters {
  const { aggregateType, aggregateId, actor, eventType, from, to } = query as Record<
    string,
    string | undefined
  >;
  if (from && to && new Date(from) > new Date(to)) {
    throw new AppError('validation_failed', 'from must not be after to', {
      errors: [{ path: 'query.from', message: 'must not be after to' }],
    });
  }
  return {
    aggregateType,
    aggregateId,
    actor,
    eventType,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
  };
}

/** May this caller see sensitive values? Read-only tokens and roles without the permission may not. */
function revealsSensitive(actor: Actor): boolean {
  return !actor.readOnly && roleAllows(actor.role, auditReadSensitive);
}

/** The event as a reader may see it: sensitive values decrypted or redacted (see core/events/sensitive.ts). */
function readableEvent(event: StoredEvent, reveal: boolean): StoredEvent {
  const changes = event.eventData.changes;
  if (!changes) return event;
  return { ...event, eventData: { ...event.eventData, changes: readableChanges(changes, reveal) } };
}

/** The event as the API shows it (the workspace is the caller's). */
export function eventOutput(event: StoredEvent) {
  const { workspaceId: _workspace, metadata, ...shown } = event;
  return { ...shown, metadata: metadata as Record<string, unknown> };
}

async function* readableBatches(batches: AsyncIterable<StoredEvent[]>, reveal: boolean) {
  for await (const batch of batches) yield batch.map((event) => readableEvent(event, reveal));
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

/** Reading the trail: events, one entity's history, exports, time travel and replay. */
export function registerAuditEventRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/audit/events',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'list_audit_events',
        summary: 'List audit events',
        description: 'Newest first (`order=asc` for oldest first). Filters combine with AND.',
        querystring: z.strictObject({
          ...eventFilterFields,
          ...pageFields,
          order: z.enum(['asc', 'desc']).default('desc').describe('By sequence'),
        }),
        response: { 200: pageSchema(auditEventSchema), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      const { limit, cursor, order } = request.query;
      const page = await listEvents(db, ctx.workspaceId, filtersOf(request.query), {
        limit,
        cursor,
        ascending: order === 'asc',
      });
      const reveal = revealsSensitive(ctx.actor);
      return {
        data: page.data.map((event) => eventOutput(readableEvent(event, reveal))),
        nextCursor: page.nextCursor,
      };
    },
  );

  api.get(
    '/audit/events/export',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'export_audit_events',
        summary: 'Export audit events as NDJSON or CSV',
        description:
          'Streams every matching event in sequence order, read in batches: memory stays constant however long the trail.',
        querystring: z.strictObject({
          ...eventFilterFields,
          format: z.enum(['ndjson', 'csv']).default('ndjson'),
        }),
        response: {
          200: z.string().describe('NDJSON (one event a line) or CSV with a header row'),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      const { format } = request.query;
      const batches = readableBatches(
        eventsInBatches(db, ctx.workspaceId, filtersOf(request.query)),
        revealsSensitive(ctx.actor),
      );
      return (
        reply
          .type(exportContentTypes[format])
          .header('content-disposition', `attachment; filename="audit-events.${format}"`)
          // A stream is sent as it is, never serialized; the 200 schema documents what it carries.
          .send(exportStream(batches, format, eventOutput, eventCsvColumns) as unknown as string)
      );
    },
  );

  api.get(
    '/audit/aggregates/:type/:id/history',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'get_audit_history',
        summary: "One entity's history",
        description: 'Every event of the entity, oldest first. 404 when the workspace has no event of it.',
        params: aggregateParams,
        querystring: z.strictObject(pageFields),
        response: { 200: pageSchema(auditEventSchema), ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      const { type, id } = request.params;
      const page = await listEvents(
        db,
        ctx.workspaceId,
        { aggregateType: type, aggregateId: id },
        { ...request.query, ascending: true },
      );
      // An entity with no event in this workspace never existed here (or is another workspace's): 404.
      if (!request.query.cursor && page.data.length === 0) throw notFound(type, id);
      const reveal = revealsSensitive(ctx.actor);
      return {
        data: page.data.map((event) => eventOutput(readableEvent(event, reveal))),
        nextCursor: page.nextCursor,
      };
    },
  );

  api.get(
    '/audit/aggregates/:type/:id',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'get_audit_entity_at',
        summary: 'An entity as it was at a given time',
        description:
          'Rebuilt from its events: created, then each change, up to `at`. 404 if it did not exist then (not yet created, or deleted).',
        params: aggregateParams,
        querystring: z.strictObject({
          at: z.iso.datetime({ offset: true }).optional().describe('ISO 8601 time (default: now)'),
        }),
        response: { 200: rebuiltEntitySchema, ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      const { type, id } = request.params;
      const at = request.query.at ? new Date(request.query.at) : new Date();
      const reveal = revealsSensitive(ctx.actor);
      const entity = await rebuildAt(db, ctx.workspaceId, type, id, at, (_field, value) =>
        readableValue(value, reveal),
      );
      if (!entity) {
        throw new AppError('not_found', `No ${type} ${id} existed at ${at.toISOString()}.`, {
          code: 'audit.entity_not_found',
        });
      }
      return { aggregateType: type, aggregateId: id, at: at.toISOString(), ...entity };
    },
  );

  api.post(
    '/audit/replay',
    {
      config: { permission: auditAdminister },
      schema: {
        tags,
        operationId: 'replay_audit_events',
        summary: "Rebuild a resource's rows from the trail and compare them with the live table",
        description:
          'A consistency check: rebuilds every current row of the type from its events into a temporary table and lists each row that differs from the live one. Zero differences are expected.',
        body: z.strictObject({ type: z.string().max(64).describe('A resource type, e.g. project') }),
        response: { 200: replayReportSchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditAdminister);
      const definition = declaredResources().get(request.body.type);
      if (!definition) {
        const known = [...declaredResources().keys()].join(', ');
        throw new AppError('validation_failed', `type: unknown resource type; known: ${known}`, {
          errors: [{ path: 'type', message: `must be one of ${known}` }],
        });
      }
      // Replay compares plain values; it needs audit.administer, which the roles that may see them hold.
      return replayResource(db, ctx.workspaceId, definition, (_field, value) => readableValue(value, true));
    },
  );

  api.get(
    '/audit/reports/activity',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'get_audit_activity_report',
        summary: 'Activity report: per actor and action, how many times, first and last',
        description:
          'A compliance report over the audit events between `from` (inclusive) and `to` (exclusive), as JSON, CSV or Markdown.',
        querystring: z.strictObject({
          from: eventFilterFields.from,
          to: eventFilterFields.to,
          format: z.enum(['json', 'csv', 'md']).default('json'),
        }),
        response: {
          200: activityReportSchema.or(z.string().describe('CSV or Markdown')),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      const { from, to } = filtersOf(request.query);
      const report = await activityReport(db, ctx.workspaceId, { from, to });
      if (request.query.format === 'json') return report;
      const markdown = request.query.format === 'md';
      return reply
        .type(markdown ? 'text/markdown; charset=utf-8' : exportContentTypes.csv)
        .header('content-disposition', `attachment; filename="activity.${markdown ? 'md' : 'csv'}"`)
        .send(markdown ? activityMarkdown(report) : activityCsv(report));
    },
  );
}
