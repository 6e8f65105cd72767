import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { planPermissions } from '../../plan/permissions.ts';
import { gateAnswerSchema, gateQuery, runParams } from '../analysis-contracts.ts';
import { evaluateTestGate } from '../gate.ts';
import { tags } from './scenarios.ts';

export const evaluateTestGateRoute = defineRoute({
  method: 'GET',
  url: '/projects/:projectId/test-runs/:runId/gate',
  permission: planPermissions.contribute,
  schema: {
    tags,
    operationId: 'evaluate_test_gate',
    summary: 'Evaluate a test gate on a run',
    description:
      "`gate` is a list of conditions (`failures = 0, passRate >= 98%, newFailures = 0, maxDuration <= 30s`; metrics total, passed, failed, broken, failures, skipped, unknown, passRate (%), newFailures, flaky, maxDuration and duration (ms, s or m); operators = == != < <= > >=; separated by `,`, `;` or `and`), or the id or name of one of the plan's quality gates, whose threshold holds them. A failed gate is still a 200 with `passed: false` and each condition that did not hold. Every evaluation is stored and audited; a named quality gate gets its `lastResult`, `lastRunAt`, `lastTestRunAt` and the branch's `flakyRate` (over its last 30 runs), which the readiness checks read. 422 with the position when the conditions do not parse; 409 while the run is not imported.",
    params: runParams,
    querystring: gateQuery,
    response: { 200: gateAnswerSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 422]) },
  },
  handler: ({ scope, params, query }) => evaluateTestGate(scope, params.runId, query),
});

export const gateRoutes = [evaluateTestGateRoute];
