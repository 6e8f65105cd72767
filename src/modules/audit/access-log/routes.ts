import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../../core/auth/permissions.ts';
import { AppError } from '../../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { contextOf } from '../../../core/http/request-context.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import type { Database } from '../../../db/connection.ts';
import { type CsvColumn, exportContentTypes, exportStream } from '../export.ts';
import { auditRead } from '../permissions.ts';
import { pageFields } from '../schema.ts';
import { type AccessLogFilters, type AccessLogRow, accessLogInBatches, listAccessLog } from './store.ts';
import type { AccessLogWriter } from './writer.ts';

const tags = ['Audit'];
const isoTime = z.iso.datetime({ offset: true });

export const accessLogEntrySchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid().describe('The person or agent who made the request'),
    tokenId: z.uuid().nullable().describe('The API token used'),
    method: z.string(),
    route: z.string().describe('The route pattern, e.g. /api/v1/projects/:id'),
    status: z.number().int(),
    durationMs: z.number().describe('Time to answer, in milliseconds'),
    sourceAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string(),
    occurredAt: z.date().describe('When the request arrived'),
  })
  .meta({ id: 'AuditAccessLogEntry' });

const filterFields = {
  actor: z.uuid().optional().describe('The user (person or agent) who made the request'),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
  route: z.string().max(300).optional().describe('A route pattern, e.g. /api/v1/projects/:id'),
  status: z.coerce.number().int().min(100).max(599).optional(),
  requestId: z.string().max(128).optional(),
  from: isoTime.optional().describe('Requests at or after this time (ISO 8601)'),
  to: isoTime.optional().describe('Requests before this time (ISO 8601)'),
  archive: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: read the archive (entries past their hot period) instead of the recent log'),
};

function filtersOf(query: Record<string, unknown>): AccessLogFilters {
  const { from, to, archive, ...rest } = query as Record<string, string | undefined> & { status?: number };
  if (from && to && new Date(from) > new Date(to)) {
    throw new AppError('validation_failed', 'from must not be after to', {
      errors: [{ path: 'query.from', message: 'must not be after to' }],
    });
  }
  return {
    actor: rest.actor,
    method: rest.method,
    route: rest.route,
    status: (query as { status?: number }).status,
    requestId: rest.requestId,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
    archive: archive === 'true',
  };
}

function entryOutput(row: AccessLogRow) {
  const {
    workspaceId: _workspace,
    archivedAt: _archived,
    ...shown
  } = row as AccessLogRow & {
    archivedAt?: Date;
  };
  return shown;
}

const csvColumns: CsvColumn<AccessLogRow>[] = [
  { header: 'occurred_at', value: (row) => row.occurredAt },
  { header: 'user_id', value: (row) => row.userId },
  { header: 'token_id', value: (row) => row.tokenId },
  { header: 'method', value: (row) => row.method },
  { header: 'route', value: (row) => row.route },
  { header: 'status', value: (row) => row.status },
  { header: 'duration_ms', value: (row) => row.durationMs },
  { header: 'source_address', value: (row) => row.sourceAddress },
  { header: 'user_agent', value: (row) => row.userAgent },
  { header: 'request_id', value: (row) => row.requestId },
  { header: 'id', value: (row) => row.id },
];

/** Reading the access log: one entry per authenticated API request. */
export function registerAccessLogRoutes(app: FastifyInstance, db: Database, writer: AccessLogWriter): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/audit/access-logs',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'list_audit_access_logs',
        summary: 'List access-log entries',
        description:
          'One entry per authenticated API request, newest first (`order=asc` for oldest first). Filters combine with AND; `archive=true` reads archived entries.',
        querystring: z.strictObject({
          ...filterFields,
          ...pageFields,
          order: z.enum(['asc', 'desc']).default('desc').describe('By time'),
        }),
        response: { 200: pageSchema(accessLogEntrySchema), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      // Entries this process has not written yet become visible to its own readers first.
      await writer.flush();
      const { limit, cursor, order } = request.query;
      const page = await listAccessLog(db, ctx.workspaceId, filtersOf(request.query), {
        limit,
        cursor,
        ascending: order === 'asc',
      });
      return { data: page.data.map(entryOutput), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/audit/access-logs/export',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'export_audit_access_logs',
        summary: 'Export access-log entries as NDJSON or CSV',
        description: 'Streams every matching entry oldest first, read in batches: memory stays constant.',
        querystring: z.strictObject({ ...filterFields, format: z.enum(['ndjson', 'csv']).default('ndjson') }),
        response: {
          200: z.string().describe('NDJSON (one entry a line) or CSV with a header row'),
          ...problemResponses(commonProblemStatuses),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      await writer.flush();
      const { format } = request.query;
      const batches = accessLogInBatches(db, ctx.workspaceId, filtersOf(request.query));
      return (
        reply
          .type(exportContentTypes[format])
          .header('content-disposition', `attachment; filename="audit-access-log.${format}"`)
          // A stream is sent as it is, never serialized; the 200 schema documents what it carries.
          .send(exportStream(batches, format, entryOutput, csvColumns) as unknown as string)
      );
    },
  );
}
