import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { exportAccessLog, listAccessLogEntries } from '../access-log/service.ts';
import { accessLogExportQuerySchema, accessLogListQuerySchema, accessLogPageSchema } from '../contracts.ts';
import { sendExport } from '../export.ts';
import { auditRead } from '../permissions.ts';

const tags = ['Audit'];

export const listAccessLogRoute = defineRoute({
  method: 'GET',
  url: '/audit/access-logs',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'list_audit_access_logs',
    summary: 'List access-log entries',
    description:
      'One entry per authenticated API request, newest first (`order=asc` for oldest first). Filters combine with AND; `archive=true` reads archived entries.',
    querystring: accessLogListQuerySchema,
    response: { 200: accessLogPageSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, app, query }) => listAccessLogEntries(scope, app.accessLog, query),
});

export const exportAccessLogRoute = defineRoute({
  method: 'GET',
  url: '/audit/access-logs/export',
  permission: auditRead,
  schema: {
    tags,
    operationId: 'export_audit_access_logs',
    summary: 'Export access-log entries as NDJSON or CSV',
    description: 'Streams every matching entry oldest first, read in batches: memory stays constant.',
    querystring: accessLogExportQuerySchema,
    response: {
      200: z.string().describe('NDJSON (one entry a line) or CSV with a header row'),
      ...problemResponses(commonProblemStatuses),
    },
  },
  handler: async ({ scope, app, query, reply }) =>
    sendExport(reply, await exportAccessLog(scope, app.accessLog, query)),
});
