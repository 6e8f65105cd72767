import { and, asc, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberships, workspaces } from '../../core/auth/schema.ts';
import { AppError } from '../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { pageSchema } from '../../core/resource/schemas.ts';
import type { Database } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { identityPermissions } from './permissions.ts';
import { pageOf, pageQuery, workspaceSchema } from './schemas.ts';

const tags = ['Identity'];

/** The workspaces the caller belongs to, and creating new ones. */
export function registerWorkspaceRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/workspaces',
    {
      config: { permission: identityPermissions.accountRead },
      schema: {
        tags,
        operationId: 'list_workspaces',
        summary: 'List the workspaces you belong to, with your role in each',
        description:
          'With a session, pick one per request with the X-Workspace-Id header; a token is bound to one.',
        querystring: pageQuery,
        response: { 200: pageSchema(workspaceSchema), ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor } = request.query;
      const rows = await db
        .select({
          id: workspaces.id,
          name: workspaces.name,
          role: memberships.role,
          createdAt: workspaces.createdAt,
        })
        .from(memberships)
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(and(eq(memberships.userId, ctx.actor.userId), cursor ? gt(workspaces.id, cursor) : undefined))
        .orderBy(asc(workspaces.id))
        .limit(limit + 1);
      return pageOf(rows, limit, (row) => row.id);
    },
  );

  api.post(
    '/workspaces',
    {
      config: { permission: identityPermissions.accountManage },
      schema: {
        tags,
        operationId: 'create_workspace',
        summary: 'Create a workspace; you become its owner',
        body: z.strictObject({ name: z.string().trim().min(1).max(200) }),
        response: { 201: workspaceSchema, ...problemResponses(commonProblemStatuses) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (ctx.actor.kind === 'agent') {
        throw new AppError(
          'forbidden',
          'Agents act inside the workspace they belong to; they cannot create one.',
          {
            code: 'workspace.agents_cannot_create',
          },
        );
      }
      const created = await db.transaction(async (tx) => {
        const [workspace] = await tx.insert(workspaces).values({ name: request.body.name }).returning();
        if (!workspace) throw new Error('workspace insert returned nothing');
        await tx
          .insert(memberships)
          .values({ workspaceId: workspace.id, userId: ctx.actor.userId, role: 'owner' });
        await recordIdentityEvent(
          tx,
          { ...ctx, workspaceId: workspace.id, actor: { ...ctx.actor, role: 'owner' } },
          {
            eventType: 'workspace.created',
            aggregateType: 'workspace',
            aggregateId: workspace.id,
            data: { name: workspace.name, createdFrom: ctx.workspaceId },
          },
        );
        return workspace;
      });
      return reply
        .code(201)
        .send({ id: created.id, name: created.name, role: 'owner' as const, createdAt: created.createdAt });
    },
  );
}
