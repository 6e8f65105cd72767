import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { exportQuerySchema } from '../contracts.ts';
import { exportPlan } from '../export.ts';
import { planPermissions } from '../permissions.ts';

export const exportRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/plan',
  permission: planPermissions.read,
  schema: {
    tags: ['Readiness'],
    operationId: 'export_plan',
    summary: "A project's whole plan, for people and coding agents",
    description:
      'Readiness gaps first, then the approved PRDs and accepted decisions, then every area with its rules (checks) and planned rows under stable ids. `format=md` answers Markdown shaped like an AGENTS.md section per area.',
    params: z.object({ projectId: z.uuid() }),
    querystring: exportQuerySchema,
    response: {
      200: z.unknown().describe('The plan as JSON, or as Markdown (text/markdown) with format=md'),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: async ({ scope, query, reply }) => {
    const document = await exportPlan(scope, query.format);
    // Sent as it is: the text is already the answer, in either format.
    return reply
      .type(document.contentType)
      .serializer((body: string) => body)
      .send(document.body);
  },
});
