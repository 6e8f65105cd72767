import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberships, users } from '../../core/auth/schema.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { pageSchema } from '../../core/resource/schemas.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { changeRole, removeMember } from './members.ts';
import { identityPermissions } from './permissions.ts';
import { displayNameSchema, memberSchema, pageOf, pageQuery, roleSchema } from './schemas.ts';

const tags = ['Identity'];
const userParams = z.object({ userId: z.uuid().describe('The member’s user id') });

async function membersPage(
  db: Executor,
  workspaceId: string,
  query: { limit: number; cursor?: string; role?: string },
  kind?: 'agent',
) {
  const rows = await db
    .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        query.cursor ? gt(memberships.userId, query.cursor) : undefined,
        query.role ? eq(memberships.role, query.role as 'owner') : undefined,
        kind ? eq(users.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(memberships.userId))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (row) => row.user.id);
  return {
    nextCursor: page.nextCursor,
    data: page.data.map(({ user, role, joinedAt }) => ({
      user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
      role,
      joinedAt,
    })),
  };
}

/** Members (list, change role, remove) and agent identities. */
export function registerMemberRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/members',
    {
      config: { permission: identityPermissions.memberRead },
      schema: {
        tags,
        operationId: 'list_members',
        summary: 'List the members of the workspace',
        querystring: pageQuery.extend({
          role: roleSchema.optional().describe('Only members with this role'),
        }),
        response: { 200: pageSchema(memberSchema), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => membersPage(db, contextOf(request).workspaceId, request.query),
  );

  api.patch(
    '/members/:userId',
    {
      config: { permission: identityPermissions.memberManage },
      schema: {
        tags,
        operationId: 'change_member_role',
        summary: 'Change a member’s role',
        description:
          'Only owners grant or take away the owner role; the last owner cannot be demoted; agents keep the agent role.',
        params: userParams,
        body: z.strictObject({ role: roleSchema }),
        response: {
          200: z.object({ userId: z.uuid(), role: roleSchema }),
          ...problemResponses([...commonProblemStatuses, 404, 409, 422]),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { userId } = request.params;
      const role = await db.transaction((tx) => changeRole(tx, ctx, userId, request.body.role));
      return { userId, role };
    },
  );

  api.delete(
    '/members/:userId',
    {
      config: { permission: identityPermissions.memberManage },
      schema: {
        tags,
        operationId: 'remove_member',
        summary: 'Remove a member from the workspace',
        description: 'Also revokes their API tokens for this workspace. The last owner cannot be removed.',
        params: userParams,
        response: {
          204: z.null().describe('Removed'),
          ...problemResponses([...commonProblemStatuses, 404, 409]),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await db.transaction((tx) => removeMember(tx, ctx, request.params.userId));
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/agents',
    {
      config: { permission: identityPermissions.memberRead },
      schema: {
        tags,
        operationId: 'list_agents',
        summary: 'List the agent identities of the workspace',
        querystring: pageQuery,
        response: { 200: pageSchema(memberSchema), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => membersPage(db, contextOf(request).workspaceId, request.query, 'agent'),
  );

  api.post(
    '/agents',
    {
      config: { permission: identityPermissions.memberManage },
      schema: {
        tags,
        operationId: 'create_agent',
        summary: 'Create an agent identity (role agent)',
        description:
          'Agents read plans and write findings and results; they never approve, administer or change roles. Give one a token with POST /tokens {userId}.',
        body: z.strictObject({ name: displayNameSchema.describe('What the agent is, e.g. "CI pipeline"') }),
        response: { 201: memberSchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const created = await db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({
            email: `agent-${randomUUID()}@agents.invalid`,
            displayName: request.body.name,
            kind: 'agent',
          })
          .returning();
        if (!user) throw new Error('agent insert returned nothing');
        const [membership] = await tx
          .insert(memberships)
          .values({ workspaceId: ctx.workspaceId, userId: user.id, role: 'agent' })
          .returning();
        if (!membership) throw new Error('membership insert returned nothing');
        await recordIdentityEvent(tx, ctx, {
          eventType: 'agent.created',
          aggregateType: 'user',
          aggregateId: user.id,
          data: { name: user.displayName },
        });
        return { user, joinedAt: membership.createdAt };
      });
      const { user } = created;
      return reply.code(201).send({
        user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
        role: 'agent' as const,
        joinedAt: created.joinedAt,
      });
    },
  );
}
