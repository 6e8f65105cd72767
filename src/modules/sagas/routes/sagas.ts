import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { createHeaders, sendStored } from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { sagaPermissions } from '../../../core/sagas/actions.ts';
import {
  approvalListQuery,
  sagaListQuery,
  sagaParams,
  sagaSchema,
  sagaWithStepsSchema,
  startSagaBody,
} from '../contracts.ts';
import { getSaga, listApprovals, listSagas, startSagaFromApi } from '../service.ts';

// Reading and starting sagas: the list with its filters, one saga with its timeline, the
// approvals waiting for the caller, and starting a saga of a type that allows it.

export const sagaTags = ['Sagas'];

export const listSagasRoute = defineRoute({
  method: 'GET',
  url: '/sagas',
  permission: sagaPermissions.read,
  schema: {
    tags: sagaTags,
    operationId: 'list_sagas',
    summary: 'List sagas',
    description:
      "A page of the workspace's sagas, newest first. Filters combine with AND: `type`, `status` (one or several, comma-separated or repeated), `projectId`, `startedBy`.",
    querystring: sagaListQuery,
    response: { 200: pageSchema(sagaSchema), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, app, query }) => listSagas(scope, app.sagas, query),
});

export const getSagaRoute = defineRoute({
  method: 'GET',
  url: '/sagas/:sagaId',
  permission: sagaPermissions.read,
  schema: {
    tags: sagaTags,
    operationId: 'get_saga',
    summary: 'Get one saga with its timeline',
    description:
      'The saga, its step names, and every run of a step or of its compensation in order: attempt, status, times, duration, output or error.',
    params: sagaParams,
    response: { 200: sagaWithStepsSchema, ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, app, params }) => getSaga(scope, app.sagas, params.sagaId),
});

export const startSagaRoute = defineRoute({
  method: 'POST',
  url: '/sagas',
  permission: sagaPermissions.start,
  schema: {
    tags: sagaTags,
    operationId: 'start_saga',
    summary: 'Start a saga',
    description:
      "Starts a saga of a type that may be started through the API, as the caller; the context is validated against the type's schema (422 with each wrong field). Answers 202 at once: the saga runs in the background. Send an Idempotency-Key to make retries safe.",
    headers: createHeaders,
    body: startSagaBody,
    response: {
      200: sagaSchema.describe('Started before with the same Idempotency-Key'),
      202: sagaSchema,
      ...problemResponses([...commonProblemStatuses, 404, 422]),
    },
  },
  handler: async ({ scope, app, headers, body, request, reply }) => {
    const path = request.url.split('?')[0] ?? '';
    const answer = await startSagaFromApi(scope, app.sagas, body, { key: headers['idempotency-key'], path });
    return sendStored(reply, answer);
  },
});

export const listApprovalsRoute = defineRoute({
  method: 'GET',
  url: '/saga-approvals',
  permission: sagaPermissions.read,
  schema: {
    tags: sagaTags,
    operationId: 'list_saga_approvals',
    summary: 'List approvals waiting for me',
    description:
      "Sagas waiting for an approval the caller's role may give (owners and admins may give any), newest first.",
    querystring: approvalListQuery,
    response: { 200: pageSchema(sagaSchema), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, app, query }) => listApprovals(scope, app.sagas, query),
});

export const sagaReadRoutes = [listSagasRoute, getSagaRoute, startSagaRoute, listApprovalsRoute];
