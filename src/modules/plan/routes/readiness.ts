import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import {
  areaListSchema,
  checkListSchema,
  checksQuerySchema,
  historyPageSchema,
  historyQuerySchema,
  projectParams,
  readinessQuerySchema,
  scorecardSchema,
} from '../contracts.ts';
import { planPermissions } from '../permissions.ts';
import { listAreas, listChecks, readinessHistory, readinessOf } from '../readiness-service.ts';

const tags = ['Readiness'];

export const readinessRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/readiness',
  permission: planPermissions.readinessRead,
  schema: {
    tags,
    operationId: 'get_readiness',
    summary: "A project's readiness scorecard",
    description:
      "Evaluates every check of the plan: per area the level reached, passing and failing checks; the overall level is the lowest applicable area. A full evaluation also records the day's score for the history.",
    params: projectParams,
    querystring: readinessQuerySchema,
    response: { 200: scorecardSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, query }) => readinessOf(scope, query),
});

export const readinessHistoryRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/readiness/history',
  permission: planPermissions.readinessRead,
  schema: {
    tags,
    operationId: 'get_readiness_history',
    summary: "A project's daily readiness scores",
    description: 'One entry per day the project was evaluated, newest first.',
    params: projectParams,
    querystring: historyQuerySchema,
    response: { 200: historyPageSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, query }) => readinessHistory(scope, query),
});

export const checksRoute = defineRoute({
  method: 'GET',
  url: '/readiness/checks',
  permission: planPermissions.readinessRead,
  schema: {
    tags,
    operationId: 'list_readiness_checks',
    summary: 'Every readiness check',
    querystring: checksQuerySchema,
    response: { 200: checkListSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: async ({ query }) => listChecks(query),
});

export const areasRoute = defineRoute({
  method: 'GET',
  url: '/plan/areas',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_plan_areas',
    summary: 'The planning areas, their tables and their checks',
    response: { 200: areaListSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: async () => listAreas(),
});

export const readinessRoutes = [readinessRoute, readinessHistoryRoute, checksRoute, areasRoute];
