import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import { flagParams } from '../contracts.ts';
import { flagMetrics, previewAll, previewFlag, replaceCodeReferences, staleFlags } from '../insights.ts';
import {
  codeReferencesPutSchema,
  evaluateSchema,
  evaluationSchema,
  metricsQuery,
  metricsSchema,
  staleFlagSchema,
  staleQuery,
} from '../operations-contracts.ts';
import { flagItem, projectParams, tags } from './flags.ts';

const collection = '/projects/:projectId/flags';
const readErrors = problemResponses([...commonProblemStatuses, 404]);

export const previewFlagRoute = defineRoute({
  method: 'POST',
  url: `${flagItem}/evaluate`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'evaluate_flag',
    summary: 'Evaluate a flag for a context, as an environment serves it now',
    description:
      "A preview from the environment's live configuration: the value, the variant, the reason (STATIC, TARGETING_MATCH, SPLIT, DISABLED, DEFAULT, PREREQUISITE_FAILED, ERROR) and the rule that decided. Writes nothing and counts no evaluation.",
    params: flagParams,
    body: evaluateSchema,
    response: { 200: evaluationSchema, ...readErrors },
  },
  handler: ({ scope, params, body }) => previewFlag(scope, params.key, body),
});

export const previewAllRoute = defineRoute({
  method: 'POST',
  url: `${collection}/evaluate`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'evaluate_flags',
    summary: 'Evaluate every flag of an environment for a context',
    description:
      'As `evaluate_flag`, for all the flags the environment serves, in key order. Writes nothing.',
    params: projectParams,
    body: evaluateSchema,
    response: { 200: z.object({ data: z.array(evaluationSchema) }), ...readErrors },
  },
  handler: ({ scope, body }) => previewAll(scope, body),
});

export const flagMetricsRoute = defineRoute({
  method: 'GET',
  url: `${flagItem}/metrics`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_flag_metrics',
    summary: 'How often a flag was evaluated, by variant',
    description:
      'Counts the SDKs and OFREP calls reported, per hour or day and variant (`yes`: served on, `no`: off), over `from`–`to` (default the last 7 days, at most 366), in one environment or all.',
    params: flagParams,
    querystring: metricsQuery,
    response: { 200: metricsSchema, ...readErrors },
  },
  handler: ({ scope, params, query }) => flagMetrics(scope, params.key, query),
});

export const staleFlagsRoute = defineRoute({
  method: 'GET',
  url: `${collection}/stale`,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_stale_flags',
    summary: 'Flags ready to be removed from the code',
    description:
      'A flag is stale when it is on for everyone in every production environment and unchanged for `unusedDays` (`fully-rolled-out`), when no SDK evaluated it for `unusedDays` (`unused`), or when it is past its removal date (`past-removal-date`). Each comes with where the code still reads it, from the last code scan (PUT …/flags/code-references).',
    params: projectParams,
    querystring: staleQuery,
    response: { 200: pageSchema(staleFlagSchema), ...readErrors },
  },
  handler: ({ scope, query }) => staleFlags(scope, query),
});

export const codeReferencesRoute = defineRoute({
  method: 'PUT',
  url: `${collection}/code-references`,
  permission: planPermissions.contribute,
  schema: {
    tags,
    operationId: 'put_flag_code_references',
    summary: 'Record where the code reads flags',
    description:
      "Replaces the project's code references with those of a new scan (a CI job's, typically; agents may post it). Audited as one event with the commit and the count.",
    params: projectParams,
    body: codeReferencesPutSchema,
    response: {
      200: z.object({ count: z.number().int() }),
      ...problemResponses([...commonProblemStatuses, 404]),
    },
  },
  handler: ({ scope, body }) => replaceCodeReferences(scope, body),
});

export const insightRoutes = [
  previewFlagRoute,
  previewAllRoute,
  flagMetricsRoute,
  staleFlagsRoute,
  codeReferencesRoute,
];
