import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import {
  aggregateParamsSchema,
  entityAtQuerySchema,
  eventExportQuerySchema,
  eventListQuerySchema,
  eventPageSchema,
  historyQuerySchema,
  rebuiltEntitySchema,
} from '../contracts.ts';
import { entityAt, entityHistory, exportAuditEvents, listAuditEvents } from '../events.ts';
import { sendExport } from '../export.ts';
import { auditRead } from '../permissions.ts';

const tags = ['Audit'];

export const listEventsRoute = defineRoute({
  method: 'GET',
  url: '/audit/events',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'list_audit_events',
    summary: 'List audit events',
    description: 'Newest first (`order=asc` for oldest first). Filters combine with AND.',
    querystring: eventListQuerySchema,
    response: { 200: eventPageSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, query }) => listAuditEvents(scope, query),
});

export const exportEventsRoute = defineRoute({
  method: 'GET',
  url: '/audit/events/export',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'export_audit_events',
    summary: 'Export audit events as NDJSON or CSV',
    description:
      'Streams every matching event in sequence order, read in batches: memory stays constant however long the trail.',
    querystring: eventExportQuerySchema,
    response: {
      200: z.string().describe('NDJSON (one event a line) or CSV with a header row'),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: async ({ scope, query, reply }) => sendExport(reply, exportAuditEvents(scope, query)),
});

export const historyRoute = defineRoute({
  method: 'GET',
  url: '/audit/aggregates/:type/:id/history',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'get_audit_history',
    summary: "One entity's history",
    description: 'Every event of the entity, oldest first. 404 when the workspace has no event of it.',
    params: aggregateParamsSchema,
    querystring: historyQuerySchema,
    response: { 200: eventPageSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, params, query }) => entityHistory(scope, params.type, params.id, query),
});

export const entityAtRoute = defineRoute({
  method: 'GET',
  url: '/audit/aggregates/:type/:id',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'get_audit_entity_at',
    summary: 'An entity as it was at a given time',
    description:
      'Rebuilt from its events: created, then each change, up to `at`. 404 if it did not exist then (not yet created, or deleted).',
    params: aggregateParamsSchema,
    querystring: entityAtQuerySchema,
    response: { 200: rebuiltEntitySchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, params, query }) => entityAt(scope, params.type, params.id, query.at),
});
