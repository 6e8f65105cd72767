import { z } from 'zod';
import { commonProblemStatuses, problemResponses } from '../../../core/http/problem-schema.ts';
import { defineRoute } from '../../../core/http/route.ts';
import { pageSchema } from '../../../core/resource/schemas.ts';
import { displayNameSchema, memberSchema, pageQuery, roleSchema, userIdParams } from '../contracts.ts';
import { changeRole, createAgent, listMembers, removeMember } from '../members.ts';
import { identityPermissions } from '../permissions.ts';

const tags = ['Identity'];

export const listMembersRoute = defineRoute({
  method: 'GET',
  url: '/members',
  permission: identityPermissions.memberRead,
  schema: {
    tags,
    operationId: 'list_members',
    summary: 'List the members of the workspace',
    querystring: pageQuery.extend({ role: roleSchema.optional().describe('Only members with this role') }),
    response: { 200: pageSchema(memberSchema), ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, query }) => listMembers(scope, query),
});

export const changeRoleRoute = defineRoute({
  method: 'PATCH',
  url: '/members/:userId',
  permission: identityPermissions.memberManage,
  schema: {
    tags,
    operationId: 'change_member_role',
    summary: 'Change a member’s role',
    description:
      'Only owners grant or take away the owner role; the last owner cannot be demoted; agents keep the agent role.',
    params: userIdParams,
    body: z.strictObject({ role: roleSchema }),
    response: {
      200: z.object({ userId: z.uuid(), role: roleSchema }),
      ...problemResponses([...commonProblemStatuses, 404, 409, 422]),
    },
  },
  handler: ({ scope, params, body }) => changeRole(scope, params.userId, body.role),
});

export const removeMemberRoute = defineRoute({
  method: 'DELETE',
  url: '/members/:userId',
  permission: identityPermissions.memberManage,
  schema: {
    tags,
    operationId: 'remove_member',
    summary: 'Remove a member from the workspace',
    description: 'Also revokes their API tokens for this workspace. The last owner cannot be removed.',
    params: userIdParams,
    response: {
      204: z.null().describe('Removed'),
      ...problemResponses([...commonProblemStatuses, 404, 409]),
    },
  },
  handler: async ({ scope, params, reply }) => {
    await removeMember(scope, params.userId);
    return reply.code(204).send(null);
  },
});

export const listAgentsRoute = defineRoute({
  method: 'GET',
  url: '/agents',
  permission: identityPermissions.memberRead,
  schema: {
    tags,
    operationId: 'list_agents',
    summary: 'List the agent identities of the workspace',
    querystring: pageQuery,
    response: { 200: pageSchema(memberSchema), ...problemResponses(commonProblemStatuses) },
  },
  handler: ({ scope, query }) => listMembers(scope, query, 'agent'),
});

export const createAgentRoute = defineRoute({
  method: 'POST',
  url: '/agents',
  permission: identityPermissions.memberManage,
  schema: {
    tags,
    operationId: 'create_agent',
    summary: 'Create an agent identity (role agent)',
    description:
      'Agents read plans and write findings and results; they never approve, administer or change roles. Give one a token with POST /tokens {userId}.',
    body: z.strictObject({ name: displayNameSchema.describe('What the agent is, e.g. "CI pipeline"') }),
    response: { 201: memberSchema, ...problemResponses(commonProblemStatuses) },
  },
  handler: async ({ scope, body, reply }) => reply.code(201).send(await createAgent(scope, body.name)),
});
