import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { etagOf, expectedVersion, versionHeaders } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { planPermissions } from '../../plan/permissions.ts';
import {
  flagCreateSchema,
  flagDetailSchema,
  flagListQuery,
  flagParams,
  flagSummarySchema,
  flagUpdateSchema,
} from '../contracts.ts';
import { createFlag, deleteFlag, getFlag, listFlags, updateFlag } from '../flags.ts';

export const tags = ['Feature flags'];
export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });
const collection = '/projects/:projectId/flags';
export const flagItem = `${collection}/:key`;
const readErrors = problemResponses([...commonProblemStatuses, 404]);

export const listFlagsRoute = defineRoute({
  method: 'GET',
  url: collection,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'list_flags',
    summary: "The project's feature flags",
    description:
      'In key order, each with its state in every environment, its last evaluation and whether it is stale. `q` searches key and description; `filter[environment]` with `filter[enabled]` keeps the flags on (or off) there.',
    params: projectParams,
    querystring: flagListQuery,
    response: { 200: pageSchema(flagSummarySchema), ...readErrors },
  },
  handler: ({ scope, query }) => listFlags(scope, query),
});

export const createFlagRoute = defineRoute({
  method: 'POST',
  url: collection,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'create_flag',
    summary: 'Create a feature flag',
    description:
      "Adds the flag to the plan (plan.feature_flags, the key as its name) and gives it a config, off, in every environment; a project's first flag also creates development, staging and production. 409 when the key is taken; 422 when the engine could not serve the variants or default value given. Audited.",
    params: projectParams,
    body: flagCreateSchema,
    response: { 201: flagDetailSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 422]) },
  },
  handler: async ({ scope, body, request, reply }) => {
    const detail = await createFlag(scope, body);
    const path = request.url.split('?')[0] ?? '';
    reply.code(201).header('etag', etagOf(detail.version)).header('location', `${path}/${detail.key}`);
    return detail;
  },
});

export const getFlagRoute = defineRoute({
  method: 'GET',
  url: flagItem,
  permission: planPermissions.read,
  schema: {
    tags,
    operationId: 'get_flag',
    summary: 'One feature flag, with its prerequisites and its config in every environment',
    params: flagParams,
    response: { 200: flagDetailSchema, ...readErrors },
  },
  handler: async ({ scope, params, reply }) => {
    const detail = await getFlag(scope, params.key);
    reply.header('etag', etagOf(detail.version));
    return detail;
  },
});

export const updateFlagRoute = defineRoute({
  method: 'PATCH',
  url: flagItem,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'update_flag',
    summary: "Change a flag's plan fields",
    description:
      'Description, owner, removal date, kind, status, critical and the kill-switch decision; only the fields sent change. Send If-Match (the ETag of GET) or `version` to refuse overwriting a newer version (412). Audited.',
    params: flagParams,
    headers: versionHeaders,
    body: flagUpdateSchema,
    response: { 200: flagDetailSchema, ...problemResponses([...commonProblemStatuses, 404, 409, 412]) },
  },
  handler: async ({ scope, params, headers, body, reply }) => {
    const detail = await updateFlag(
      scope,
      params.key,
      body,
      expectedVersion(headers['if-match'], body.version),
    );
    reply.header('etag', etagOf(detail.version));
    return detail;
  },
});

export const deleteFlagRoute = defineRoute({
  method: 'DELETE',
  url: flagItem,
  permission: planPermissions.write,
  schema: {
    tags,
    operationId: 'delete_flag',
    summary: 'Delete a feature flag',
    description:
      'Removes the flag from the plan with its prerequisites and configs. A flag other flags need, or that other plan rows point to, answers 409 naming them. Audited.',
    params: flagParams,
    headers: versionHeaders,
    response: {
      204: z.null().describe('Deleted'),
      ...problemResponses([...commonProblemStatuses, 404, 409, 412]),
    },
  },
  handler: async ({ scope, params, headers, reply }) => {
    await deleteFlag(scope, params.key, expectedVersion(headers['if-match'], undefined));
    return reply.code(204).send(null);
  },
});

export const flagRoutes = [listFlagsRoute, createFlagRoute, getFlagRoute, updateFlagRoute, deleteFlagRoute];
