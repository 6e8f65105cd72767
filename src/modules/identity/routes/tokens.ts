import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { pageQuery, tokenCreatedSchema, tokenCreateSchema, tokenSchema } from '../contracts.ts';
import { identityPermissions } from '../permissions.ts';
import { createToken, listTokens, revokeToken } from '../tokens.ts';

const tags = ['Identity'];

export const listTokensRoute = defineRoute({
  method: 'GET',
  url: '/tokens',
  permission: identityPermissions.accountManage,
  schema: {
    tags,
    operationId: 'list_tokens',
    summary: 'List API tokens of this workspace (never their secrets)',
    description: 'Your own tokens; admins may pass userId to see another member’s.',
    querystring: pageQuery.extend({ userId: z.uuid().optional().describe('Whose tokens (default: yours)') }),
    response: { 200: pageSchema(tokenSchema), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: ({ scope, query }) => listTokens(scope, query),
});

export const createTokenRoute = defineRoute({
  method: 'POST',
  url: '/tokens',
  permission: identityPermissions.accountManage,
  schema: {
    tags,
    operationId: 'create_token',
    summary: 'Create an API token for this workspace; the secret is shown once',
    description: 'For yourself, or (admins) for an agent of this workspace with userId.',
    body: tokenCreateSchema,
    response: { 201: tokenCreatedSchema, ...problemResponses([...commonProblemStatuses, 404, 422]) },
  },
  handler: async ({ scope, body, reply }) => reply.code(201).send(await createToken(scope, body)),
});

export const revokeTokenRoute = defineRoute({
  method: 'DELETE',
  url: '/tokens/:id',
  permission: identityPermissions.accountManage,
  schema: {
    tags,
    operationId: 'revoke_token',
    summary: 'Revoke an API token',
    description: 'Your own, or (admins) any token of this workspace. Revoking twice is harmless.',
    params: z.object({ id: z.uuid().describe('The token id') }),
    response: { 204: z.null().describe('Revoked'), ...problemResponses([...commonProblemStatuses, 404]) },
  },
  handler: async ({ scope, params, reply }) => {
    await revokeToken(scope, params.id);
    return reply.code(204).send(null);
  },
});
