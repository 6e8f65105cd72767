import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  historyEntrySchema,
  historyParams,
  historyQuery,
  trendPointSchema,
  trendQuery,
} from '../analysis-contracts.ts';
import { testHistory } from '../history.ts';
import { testTrends } from '../trends.ts';
import { tags } from './scenarios.ts';

const projectParams = z.object({ projectId: z.uuid().describe('The project id') });

export const testHistoryRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/tests/:historyId/history',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_test_history',
    summary: "A test's result in every imported run",
    description:
      "Newest first and without a limit on how far back (pages of `limit`): each run's name, branch, commit, upload time, and the test's status, duration and scenario there. `filter[branch]` keeps one branch. 404 when no imported run of the project has the test.",
    params: historyParams,
    querystring: historyQuery,
    response: { 200: pageSchema(historyEntrySchema), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, params, query }) => testHistory(scope, params.historyId, query),
});

export const testTrendsRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/test-trends',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_test_trends',
    summary: 'Pass rate and duration over time, by branch',
    description:
      'The imported runs bucketed by the day or week (UTC, weeks from Monday) they were uploaded, per branch: how many runs, the pass rate over passed / (total − skipped), the average run duration and tests per run. `from`–`to` default to the last 30 days; at most 366 buckets.',
    params: projectParams,
    querystring: trendQuery,
    response: {
      200: z.object({ data: z.array(trendPointSchema) }),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: ({ scope, query }) => testTrends(scope, query),
});

export const historyRoutes = [testHistoryRoute, testTrendsRoute];
