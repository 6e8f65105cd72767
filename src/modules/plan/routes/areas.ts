import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { areaDescriptionSchema, areaParams, planCountsSchema, projectParams } from '../contracts.ts';
import { planCounts } from '../counts.ts';
import { describeArea } from '../describe.ts';
import { planPermissions } from '../permissions.ts';

const tags = ['Readiness'];

export const areaRoute = defineRoute({
  method: 'GET',
  url: '/plan/areas/:area',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'describe_plan_area',
    summary: "One planning area's tables and their fields",
    description:
      "Enough to edit any of the area's tables without knowing it in advance: per field its type, whether a new row needs it, the values of an enum, and for a reference the table it points to and the field that names that table's rows.",
    params: areaParams,
    response: { 200: areaDescriptionSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ params }) => describeArea(params.area),
});

export const countsRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/plan/counts',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'count_plan_rows',
    summary: "How many rows a project's plan has, per area and table",
    params: projectParams,
    response: { 200: planCountsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope }) => planCounts(scope),
});

export const areaRoutes = [areaRoute, countsRoute];
