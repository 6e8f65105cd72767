import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { contextOf } from '../../../core/http/request-context.ts';
import type { Database } from '../../../db/connection.ts';
import { auditAdminister, auditRead } from '../permissions.ts';
import { readRetentionPolicy, setRetentionPolicy } from './policy.ts';

const tags = ['Audit'];

const retentionPolicySchema = z
  .object({
    hotDays: z.number().int().describe('Days an access-log entry stays in the recent log'),
    archiveDays: z.number().int().describe('Days it then stays in the archive before it is purged'),
    version: z.number().int().describe('0 while the defaults apply'),
    isDefault: z.boolean().describe('True while the workspace has not set a policy'),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'AuditRetentionPolicy' });

/** The workspace's access-log retention policy. */
export function registerRetentionRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/audit/retention',
    {
      config: { permission: auditRead },
      schema: {
        tags,
        operationId: 'get_audit_retention',
        summary: "The workspace's access-log retention policy",
        response: { 200: retentionPolicySchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditRead);
      return readRetentionPolicy(db, ctx.workspaceId);
    },
  );

  api.put(
    '/audit/retention',
    {
      config: { permission: auditAdminister },
      schema: {
        tags,
        operationId: 'set_audit_retention',
        summary: "Set the workspace's access-log retention policy",
        description:
          'An hourly job moves entries older than `hotDays` to the archive (`?archive=true`) and purges archived entries older than `hotDays + archiveDays`. The change is recorded in the audit trail.',
        body: z.strictObject({
          hotDays: z.number().int().min(1).max(3650),
          archiveDays: z.number().int().min(0).max(36_500),
        }),
        response: { 200: retentionPolicySchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, auditAdminister);
      return db.transaction((tx) => setRetentionPolicy(tx, ctx, request.body));
    },
  );
}
