import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  flakyQuery,
  flakyTestSchema,
  quarantinedQuery,
  quarantinedTestSchema,
} from '../analysis-contracts.ts';
import { listFlakyTests, listQuarantinedTests } from '../flaky.ts';
import { tags } from './scenarios.ts';

const projectParams = z.object({ projectId: z.uuid().describe('The project id') });
const windowBranch = z.string().nullable().describe('The branch whose runs were considered');
const readErrors = problemResponses([...commonProblemStatuses, 404]);

export const flakyTestsRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/flaky-tests',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_flaky_tests',
    summary: "The branch's flaky tests, most flipping first",
    description:
      "Over the last `runs` imported runs of `branch` (default 30 runs of the most recent run's branch): the tests whose result flipped between passing and failing from one run to the next with the same test case id (failed and broken count as failing; skipped and unknown are left out), or that passed only after retries. Ranked by flip rate (flips / (runs considered − 1)), then passes after retries, with the first and last flip.",
    params: projectParams,
    querystring: flakyQuery,
    response: { 200: pageSchema(flakyTestSchema).extend({ branch: windowBranch }), ...readErrors },
  },
  handler: ({ scope, query }) => listFlakyTests(scope, query),
});

export const quarantinedTestsRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/quarantined-tests',
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_quarantined_tests',
    summary: 'Tests known to be quarantined',
    description:
      'The tests whose latest result in the same window as `list_flaky_tests` is quarantined (label or tag `quarantine` / `quarantined`) or muted, by full name. Listed apart from flaky tests: their failures are known and do not count as news.',
    params: projectParams,
    querystring: quarantinedQuery,
    response: { 200: pageSchema(quarantinedTestSchema).extend({ branch: windowBranch }), ...readErrors },
  },
  handler: ({ scope, query }) => listQuarantinedTests(scope, query),
});

export const flakyRoutes = [flakyTestsRoute, quarantinedTestsRoute];
