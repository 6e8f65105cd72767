import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import type { Database } from '../../db/connection.ts';
import { buildPlanExport } from './export.ts';
import { planToMarkdown } from './export-markdown.ts';
import { planPermissions } from './permissions.ts';

export function registerPlanExportRoute(app: FastifyInstance, db: Database): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/projects/:projectId/plan',
    {
      config: { permission: planPermissions.read },
      schema: {
        tags: ['Readiness'],
        operationId: 'export_plan',
        summary: "A project's whole plan, for people and coding agents",
        description:
          'Readiness gaps first, then the approved PRDs and accepted decisions, then every area with its rules (checks) and planned rows under stable ids. `format=md` answers Markdown shaped like an AGENTS.md section per area.',
        params: z.object({ projectId: z.uuid() }),
        querystring: z.strictObject({ format: z.enum(['json', 'md']).default('json') }),
        response: {
          200: z.unknown().describe('The plan as JSON, or as Markdown (text/markdown) with format=md'),
          ...problemResponses([...commonProblemStatuses, 404]),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      authorize(ctx.actor, planPermissions.read);
      authorize(ctx.actor, planPermissions.readinessRead);
      await assertProjectVisible(db, { ctx, projectId: request.params.projectId });
      const plan = await buildPlanExport(db, ctx, request.params.projectId, new Date());
      if (request.query.format === 'md') {
        return reply
          .type('text/markdown; charset=utf-8')
          .serializer((body) => body as string)
          .send(planToMarkdown(plan));
      }
      return reply
        .type('application/json; charset=utf-8')
        .serializer((body) => JSON.stringify(body))
        .send(plan);
    },
  );
}
