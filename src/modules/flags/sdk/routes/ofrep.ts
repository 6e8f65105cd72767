import { problemResponses } from '../../../../core/http/problem-schema.ts';
import { definePublicRoute } from '../../../../core/http/route.ts';
import { sendAnswer } from '../answer.ts';
import {
  conditionalHeaders,
  notModified,
  ofrepBulkSchema,
  ofrepFlagParams,
  ofrepRequestBody,
  ofrepSuccessSchema,
  sdkTags,
} from '../contracts.ts';
import { evaluateAllFlags, evaluateOneFlag } from '../ofrep.ts';
import { sdkCallOf } from '../runtime.ts';

const json = ['application/json'];

export const ofrepEvaluateFlagRoute = definePublicRoute({
  method: 'POST',
  url: '/ofrep/v1/evaluate/flags/:key',
  rawBodies: json,
  schema: {
    tags: sdkTags,
    operationId: 'ofrep_evaluate_flag',
    summary: 'Evaluate one flag for a context (OpenFeature Remote Evaluation Protocol)',
    description:
      'Evaluates the flag in the SDK key’s environment. 404 (`errorCode: FLAG_NOT_FOUND`) for an unknown flag, 400 (`PARSE_ERROR`, `INVALID_CONTEXT`, `GENERAL`) otherwise; error bodies are problem documents carrying OFREP’s `key`, `errorCode` and `errorDetails`.',
    params: ofrepFlagParams,
    consumes: json,
    body: ofrepRequestBody,
    response: { 200: ofrepSuccessSchema, ...problemResponses([400, 401, 404]) },
  },
  handler: async ({ request, reply, params, body }) =>
    sendAnswer(reply, await evaluateOneFlag(sdkCallOf(request), params.key, body)),
});

export const ofrepEvaluateFlagsRoute = definePublicRoute({
  method: 'POST',
  url: '/ofrep/v1/evaluate/flags',
  rawBodies: json,
  schema: {
    tags: sdkTags,
    operationId: 'ofrep_evaluate_flags',
    summary: 'Evaluate every flag for a context (OFREP bulk evaluation)',
    description:
      'Every flag of the SDK key’s environment. The ETag names the flags’ revision and the context: with If-None-Match, 304 while neither changed (client-side providers poll this way).',
    headers: conditionalHeaders,
    consumes: json,
    body: ofrepRequestBody,
    response: { 200: ofrepBulkSchema, 304: notModified, ...problemResponses([400, 401]) },
  },
  handler: async ({ request, reply, headers, body }) =>
    sendAnswer(reply, await evaluateAllFlags(sdkCallOf(request), body, headers['if-none-match'])),
});
