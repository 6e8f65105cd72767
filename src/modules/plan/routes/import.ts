import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { sendStored } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { planAreas } from '../areas/index.ts';
import { importAnswerSchema, maxImportRows, planImportSchema } from '../contracts.ts';
import { importPlan } from '../import.ts';
import { planPermissions } from '../permissions.ts';

export const importRoute = defineRoute({
  method: 'POST',
  url: '/projects/:projectId/plan/import',
  permission: planPermissions.write,
  schema: {
    tags: ['Readiness'],
    operationId: 'import_plan',
    summary: "Add many rows to a project's plan at once",
    description: `All rows or none, at most ${maxImportRows}. Every row is validated and audited as if created one by one. Areas: ${planAreas
      .map((area) => area.slug)
      .join(', ')}.`,
    params: z.object({ projectId: z.uuid() }),
    headers: z.looseObject({ 'idempotency-key': z.string().max(255).optional() }),
    body: planImportSchema,
    response: {
      201: importAnswerSchema,
      ...problemResponses([...commonProblemStatuses, 404, 409, 413, 422]),
    },
  },
  handler: async ({ scope, headers, body, request, reply }) => {
    const path = request.url.split('?')[0] ?? '';
    const answer = await importPlan(scope, body, { idempotencyKey: headers['idempotency-key'], path });
    return sendStored(reply, answer);
  },
});
