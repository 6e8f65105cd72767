import { problemResponses } from '../../../../core/http/problem-schema.ts';
import { definePublicRoute } from '../../../../core/http/route.ts';
import { sendAnswer } from '../answer.ts';
import {
  accepted,
  conditionalHeaders,
  notModified,
  sdkTags,
  unleashFeaturesQuery,
  unleashFeaturesSchema,
  unleashMetricsSchema,
  unleashRegistrationSchema,
} from '../contracts.ts';
import { sdkCallOf } from '../runtime.ts';
import { clientFeatures, recordClientMetrics, registerClient } from '../unleash.ts';

export const unleashFeaturesRoute = definePublicRoute({
  method: 'GET',
  url: '/api/client/features',
  schema: {
    tags: sdkTags,
    operationId: 'unleash_client_features',
    summary: 'The flags with their rules, for Unleash SDKs (server-side keys)',
    description:
      'Unleash’s client API payload (version 2: features with strategies, variants and dependencies, and segments) for the SDK key’s environment; Unleash SDKs poll it and evaluate locally. ETag / If-None-Match: 304 while nothing changed. 403 for a client-side key.',
    headers: conditionalHeaders,
    querystring: unleashFeaturesQuery,
    response: { 200: unleashFeaturesSchema, 304: notModified, ...problemResponses([401, 403]) },
  },
  handler: async ({ request, reply, query, headers }) =>
    sendAnswer(reply, await clientFeatures(sdkCallOf(request), query, headers['if-none-match'])),
});

export const unleashRegisterRoute = definePublicRoute({
  method: 'POST',
  url: '/api/client/register',
  schema: {
    tags: sdkTags,
    operationId: 'unleash_client_register',
    summary: 'An Unleash SDK instance announces itself',
    body: unleashRegistrationSchema,
    response: { 202: accepted, ...problemResponses([400, 401]) },
  },
  handler: async ({ reply }) => sendAnswer(reply, await registerClient()),
});

export const unleashMetricsRoute = definePublicRoute({
  method: 'POST',
  url: '/api/client/metrics',
  schema: {
    tags: sdkTags,
    operationId: 'unleash_client_metrics',
    summary: 'An Unleash SDK reports how often it evaluated each flag and variant',
    description: 'Added to the environment’s evaluation counts (the flag metrics of the management API).',
    body: unleashMetricsSchema,
    response: { 202: accepted, ...problemResponses([400, 401]) },
  },
  handler: async ({ request, reply, body }) =>
    sendAnswer(reply, await recordClientMetrics(sdkCallOf(request), body)),
});
