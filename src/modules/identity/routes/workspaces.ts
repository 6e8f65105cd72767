import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { pageQuery, workspaceSchema } from '../contracts.ts';
import { identityPermissions } from '../permissions.ts';
import { createWorkspace, listWorkspaces } from '../workspaces.ts';

const tags = ['Identity'];

export const listWorkspacesRoute = defineRoute({
  method: 'GET',
  url: '/workspaces',
  permission: identityPermissions.accountRead,
  schema: {
    tags,
    operationId: 'list_workspaces',
    summary: 'List the workspaces you belong to, with your role in each',
    description:
      'With a session, pick one per request with the X-Workspace-Id header; a token is bound to one.',
    querystring: pageQuery,
    response: { 200: pageSchema(workspaceSchema), ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ app, scope, query }) => listWorkspaces(app, scope.ctx, query),
});

export const createWorkspaceRoute = defineRoute({
  method: 'POST',
  url: '/workspaces',
  permission: identityPermissions.accountManage,
  schema: {
    tags,
    operationId: 'create_workspace',
    summary: 'Create a workspace; you become its owner',
    body: z.strictObject({ name: z.string().trim().min(1).max(200) }),
    response: { 201: workspaceSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: async ({ app, scope, body, reply }) =>
    reply.code(201).send(await createWorkspace(app, scope.ctx, body.name)),
});
