import { z } from 'zod';
import { runIdempotentWrite } from '../../../core/http/idempotency.ts';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import {
  createHeaders,
  etagOf,
  expectedVersion,
  sendStored,
  versionHeaders,
} from '../../../core/http/resource-routes.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { sagaPermissions } from '../../../core/sagas/actions.ts';
import {
  projectParams,
  releaseRunSchema,
  runBodySchema,
  versionsQuery,
  workflowCreateSchema,
  workflowParams,
  workflowSchema,
  workflowUpdateSchema,
  workflowVersionSchema,
} from './contracts.ts';
import { releasePermissions } from './resources.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  listVersions,
  startRun,
  updateWorkflow,
} from './service.ts';

// Release workflows by key, their versions and their runs. Lists of workflows, hosts and secrets
// are the resource layer's.

const tags = ['Release workflows'];
const base = '/projects/:projectId/release-workflows';
const problems = (...statuses: (409 | 412 | 422)[]) =>
  problemResponses([...commonProblemStatuses, 404, ...statuses]);

const createWorkflowRoute = defineRoute({
  method: 'POST',
  url: base,
  permission: releasePermissions.write,
  schema: {
    tags,
    operationId: 'create_release_workflow',
    summary: 'Create a release workflow',
    description:
      'From a `definition` (JSON, or a YAML string) or a `template` (`deploy-waves`, with `templateOptions.waves`). The definition is validated (422 naming each problem) and kept as version 1. Send an Idempotency-Key to make retries safe.',
    params: projectParams,
    headers: createHeaders,
    body: workflowCreateSchema,
    response: { 201: workflowSchema, ...problems(409, 422) },
  },
  handler: async ({ scope, headers, body, request, reply }) => {
    const path = request.url.split('?')[0] ?? '';
    const stored = await runIdempotentWrite(
      scope.db,
      { key: headers['idempotency-key'], method: 'POST', path, body },
      async (tx) => {
        const { row, output } = await createWorkflow(tx, scope, body);
        return {
          status: 201,
          body: JSON.parse(JSON.stringify(output)),
          headers: { etag: etagOf(row.version), location: `${path}/${row.key}` },
        };
      },
    );
    return sendStored(reply, stored);
  },
});

const getWorkflowRoute = defineRoute({
  method: 'GET',
  url: `${base}/:key`,
  permission: releasePermissions.read,
  schema: {
    tags,
    operationId: 'get_release_workflow',
    summary: 'Get a release workflow',
    params: workflowParams,
    response: { 200: workflowSchema, ...problems() },
  },
  handler: async ({ scope, params, reply }) => {
    const { row, output } = await getWorkflow(scope, params.key);
    reply.header('etag', etagOf(row.version));
    return output;
  },
});

const updateWorkflowRoute = defineRoute({
  method: 'PATCH',
  url: `${base}/:key`,
  permission: releasePermissions.write,
  schema: {
    tags,
    operationId: 'update_release_workflow',
    summary: 'Change a release workflow',
    description:
      'Name, description or definition; each save that changes something is kept as a new version. Send If-Match (or version) to refuse overwriting a newer version (412).',
    params: workflowParams,
    headers: versionHeaders,
    body: workflowUpdateSchema,
    response: { 200: workflowSchema, ...problems(412, 422) },
  },
  handler: async ({ scope, params, headers, body, reply }) => {
    const { version, ...changes } = body;
    const expected = expectedVersion(headers['if-match'], version);
    const { row, output } = await updateWorkflow(scope, params.key, changes, expected);
    reply.header('etag', etagOf(row.version));
    return output;
  },
});

const deleteWorkflowRoute = defineRoute({
  method: 'DELETE',
  url: `${base}/:key`,
  permission: releasePermissions.write,
  schema: {
    tags,
    operationId: 'delete_release_workflow',
    summary: 'Delete a release workflow',
    description: 'With its versions. Runs already started go on with the version they hold.',
    params: workflowParams,
    headers: versionHeaders,
    response: { 204: z.null().describe('Deleted'), ...problems(412) },
  },
  handler: async ({ scope, params, headers, reply }) => {
    await deleteWorkflow(scope, params.key, expectedVersion(headers['if-match'], undefined));
    return reply.code(204).send(null);
  },
});

const listVersionsRoute = defineRoute({
  method: 'GET',
  url: `${base}/:key/versions`,
  permission: releasePermissions.read,
  schema: {
    tags,
    operationId: 'list_release_workflow_versions',
    summary: "List a release workflow's versions",
    description: 'Every saved definition, newest first.',
    params: workflowParams,
    querystring: versionsQuery,
    response: { 200: pageSchema(workflowVersionSchema), ...problems() },
  },
  handler: ({ scope, params, query }) => listVersions(scope, params.key, query),
});

const startRunRoute = defineRoute({
  method: 'POST',
  url: `${base}/:key/runs`,
  permission: sagaPermissions.start,
  schema: {
    tags,
    operationId: 'start_release_run',
    summary: 'Run a release workflow',
    description:
      "Starts a saga of type `release` running the workflow's current version with `inputs` (422 for unknown or missing ones). Answers 202 with the saga; follow it at /api/v1/sagas/{id}. The same Idempotency-Key answers the run it started.",
    params: workflowParams,
    headers: createHeaders,
    body: runBodySchema,
    response: { 202: releaseRunSchema, ...problems(422) },
  },
  handler: async ({ app, scope, params, headers, body, request, reply }) => {
    const path = request.url.split('?')[0] ?? '';
    const stored = await runIdempotentWrite(
      scope.db,
      { key: headers['idempotency-key'], method: 'POST', path, body },
      async (tx) => {
        const saga = await startRun(
          app.sagas,
          tx,
          scope,
          params.key,
          body.inputs,
          headers['idempotency-key'],
        );
        return { status: 202, body: JSON.parse(JSON.stringify(saga)), headers: {} };
      },
    );
    app.sagas.kick();
    return sendStored(reply, stored);
  },
});

export const releaseRoutes = [
  createWorkflowRoute,
  getWorkflowRoute,
  updateWorkflowRoute,
  deleteWorkflowRoute,
  listVersionsRoute,
  startRunRoute,
];
