import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  categorySchema,
  runParams,
  scenarioDetailSchema,
  scenarioListQuery,
  scenarioParams,
  scenarioSchema,
} from '../analysis-contracts.ts';
import { getScenario, listScenarios, runCategories } from '../scenarios.ts';

export const tags = ['Test evidence'];
const run = '/projects/:projectId/test-runs/:runId';
/** 404: no such project, run or scenario (also another workspace's); 409: the run is not imported. */
const runErrors = problemResponses([...commonProblemStatuses, 404, 409]);

export const listScenariosRoute = defineRoute({
  method: 'GET',
  url: `${run}/scenarios`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_test_scenarios',
    summary: "A test run's scenarios",
    description:
      "One per test (retries folded into the final attempt). Filter by `status`, `category`, `change` (against the branch's previous imported run: `new-failure`, `fixed`, `still-failing`), `severity`, `owner`, `feature`, `suite`, `tag`, `flaky` (passed only after retries, or marked flaky) and `quarantined`; `q` searches the full name and failure message; sort by `fullName` (default), `-durationMs` (slowest first) or `status`. 409 while the run is not imported.",
    params: runParams,
    querystring: scenarioListQuery,
    response: { 200: pageSchema(scenarioSchema), ...runErrors },
  },
  handler: ({ scope, params, query }) => listScenarios(scope, params.runId, query),
});

export const getScenarioRoute = defineRoute({
  method: 'GET',
  url: `${run}/scenarios/:scenarioId`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_test_scenario',
    summary: 'A scenario with its steps and attachments',
    description:
      'The scenario, its stack trace, its fixtures and steps as a tree in the order they ran, and the attachments of each, with the URL that serves their bytes (as a download, never rendered).',
    params: scenarioParams,
    response: { 200: scenarioDetailSchema, ...runErrors },
  },
  handler: ({ scope, params }) => getScenario(scope, params.runId, params.scenarioId),
});

export const runCategoriesRoute = defineRoute({
  method: 'GET',
  url: `${run}/categories`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_test_run_categories',
    summary: "A run's failures grouped by category",
    description:
      "The categories of the run's results (its categories.json, else Product defects for failed and Test defects for broken tests), largest first, with how many scenarios ended in each status.",
    params: runParams,
    response: { 200: z.object({ data: z.array(categorySchema) }), ...runErrors },
  },
  handler: ({ scope, params }) => runCategories(scope, params.runId),
});

export const scenarioRoutes = [listScenariosRoute, getScenarioRoute, runCategoriesRoute];
