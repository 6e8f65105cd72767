import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { clientOf } from '../../../core/http/request-context.ts';
import { definePublicRoute, defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import {
  invitationAcceptedSchema,
  invitationAcceptSchema,
  invitationCreatedSchema,
  invitationCreateSchema,
  invitationSchema,
  pageQuery,
} from '../contracts.ts';
import { acceptInvitation, acceptPath, invite, listInvitations, revokeInvitation } from '../invitations.ts';
import { identityPermissions } from '../permissions.ts';

const tags = ['Identity'];

export const inviteRoute = defineRoute({
  method: 'POST',
  url: '/invitations',
  permission: identityPermissions.memberManage,
  schema: {
    tags,
    operationId: 'create_invitation',
    summary: 'Invite someone by email with a role',
    description: `Answers the invitation token once; send it to the person, who accepts at POST /api/v1${acceptPath}. Only owners invite owners; agents are created, not invited.`,
    body: invitationCreateSchema,
    response: { 201: invitationCreatedSchema, ...problemResponses([...commonProblemStatuses, 409, 422]) },
  },
  handler: async ({ scope, app, body, reply }) => reply.code(201).send(await invite(scope, body, app)),
});

export const listInvitationsRoute = defineRoute({
  method: 'GET',
  url: '/invitations',
  permission: identityPermissions.memberManage,
  schema: {
    tags,
    operationId: 'list_invitations',
    summary: 'List the workspace’s invitations (never their tokens)',
    querystring: pageQuery,
    response: { 200: pageSchema(invitationSchema), ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, query }) => listInvitations(scope, query),
});

export const revokeInvitationRoute = defineRoute({
  method: 'DELETE',
  url: '/invitations/:id',
  permission: identityPermissions.memberManage,
  schema: {
    tags,
    operationId: 'revoke_invitation',
    summary: 'Revoke a pending invitation',
    params: z.object({ id: z.uuid().describe('The invitation id') }),
    response: {
      204: z.null().describe('Revoked'),
      ...problemResponses([...commonProblemStatuses, 404, 409]),
    },
  },
  handler: async ({ scope, params, reply }) => {
    await revokeInvitation(scope, params.id);
    return reply.code(204).send(null);
  },
});

/** Accepting an invitation needs no credential: the invitation token is the proof. */
export const acceptInvitationRoute = definePublicRoute({
  method: 'POST',
  url: acceptPath,
  schema: {
    tags,
    operationId: 'accept_invitation',
    summary: 'Accept an invitation: choose a name and password, join the workspace',
    description:
      'Someone who already has an account gives its current password instead (the invitation cannot change it). Then sign in at /api/v1/auth/login.',
    security: [],
    body: invitationAcceptSchema,
    response: { 201: invitationAcceptedSchema, ...problemResponses([400, 401, 404, 409, 429, 500]) },
  },
  handler: async ({ app, body, request, reply }) =>
    reply
      .code(201)
      .send(await acceptInvitation(app, body, { requestId: String(request.id), ...clientOf(request) })),
});
