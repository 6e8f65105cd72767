import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../../core/auth/context.ts';
import { authorize, roleAllows } from '../../core/auth/permissions.ts';
import { apiTokens, memberships, users } from '../../core/auth/schema.ts';
import { generateTokenSecret, insertToken } from '../../core/auth/tokens.ts';
import { AppError } from '../../core/http/errors.ts';
import { commonProblemStatuses, problemResponses } from '../../core/http/problem-schema.ts';
import { contextOf } from '../../core/http/request-context.ts';
import { pageSchema } from '../../core/resource/schemas.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { identityPermissions } from './permissions.ts';
import { pageOf, pageQuery, tokenSchema } from './schemas.ts';

const tags = ['Identity'];

/**
 * Whose tokens the caller may manage: their own always; with member.manage, an agent's of this
 * workspace (to create) or anyone's in this workspace (to list and revoke).
 */
async function assertMayManageTokensOf(
  db: Executor,
  ctx: RequestContext,
  userId: string,
  purpose: 'create' | 'manage',
): Promise<void> {
  if (userId === ctx.actor.userId) return;
  authorize(ctx.actor, identityPermissions.memberManage);
  const [member] = await db
    .select({ kind: users.kind })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw new AppError('not_found', `No member with id ${userId}.`, { code: 'member.not_found' });
  if (purpose === 'create' && member.kind !== 'agent') {
    throw new AppError('forbidden', 'Tokens are created by their owner, or by an admin for an agent.', {
      code: 'token.person_creates_own',
    });
  }
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  userId: apiTokens.userId,
  prefix: apiTokens.prefix,
  readOnly: apiTokens.readOnly,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

/** API tokens: create (shown once), list without secrets, revoke. */
export function registerTokenRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/tokens',
    {
      config: { permission: identityPermissions.accountManage },
      schema: {
        tags,
        operationId: 'list_tokens',
        summary: 'List API tokens of this workspace (never their secrets)',
        description: 'Your own tokens; admins may pass userId to see another member’s.',
        querystring: pageQuery.extend({
          userId: z.uuid().optional().describe('Whose tokens (default: yours)'),
        }),
        response: { 200: pageSchema(tokenSchema), ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor } = request.query;
      const userId = request.query.userId ?? ctx.actor.userId;
      await assertMayManageTokensOf(db, ctx, userId, 'manage');
      const rows = await db
        .select(tokenColumns)
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.workspaceId, ctx.workspaceId),
            eq(apiTokens.userId, userId),
            cursor ? gt(apiTokens.id, cursor) : undefined,
          ),
        )
        .orderBy(asc(apiTokens.id))
        .limit(limit + 1);
      return pageOf(rows, limit, (row) => row.id);
    },
  );

  api.post(
    '/tokens',
    {
      config: { permission: identityPermissions.accountManage },
      schema: {
        tags,
        operationId: 'create_token',
        summary: 'Create an API token for this workspace; the secret is shown once',
        description: 'For yourself, or (admins) for an agent of this workspace with userId.',
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          readOnly: z.boolean().default(false).describe('A read-only token may only read, whatever the role'),
          expiresAt: z.coerce.date().optional().describe('When it stops working (ISO 8601); none by default'),
          userId: z.uuid().optional().describe('An agent of this workspace (admins only); default: you'),
        }),
        response: {
          201: tokenSchema.extend({ secret: z.string().describe('Shown this once; only a hash is kept') }),
          ...problemResponses([...commonProblemStatuses, 404, 422]),
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { name, readOnly, expiresAt } = request.body;
      const userId = request.body.userId ?? ctx.actor.userId;
      if (expiresAt && expiresAt.getTime() <= Date.now()) {
        throw new AppError('unprocessable', 'expiresAt must be in the future.', {
          errors: [{ path: 'expiresAt', message: 'must be in the future' }],
        });
      }
      const created = await db.transaction(async (tx) => {
        await assertMayManageTokensOf(tx, ctx, userId, 'create');
        const secret = generateTokenSecret();
        const id = await insertToken(tx, {
          workspaceId: ctx.workspaceId,
          userId,
          name,
          secret,
          readOnly,
          expiresAt,
        });
        await recordIdentityEvent(tx, ctx, {
          eventType: 'token.created',
          aggregateType: 'api_token',
          aggregateId: id,
          data: { name, userId, readOnly, expiresAt: expiresAt?.toISOString() ?? null },
        });
        const [row] = await tx.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
        return { ...row, secret };
      });
      return reply.code(201).send(created as z.infer<typeof tokenSchema> & { secret: string });
    },
  );

  api.delete(
    '/tokens/:id',
    {
      config: { permission: identityPermissions.accountManage },
      schema: {
        tags,
        operationId: 'revoke_token',
        summary: 'Revoke an API token',
        description: 'Your own, or (admins) any token of this workspace. Revoking twice is harmless.',
        params: z.object({ id: z.uuid().describe('The token id') }),
        response: { 204: z.null().describe('Revoked'), ...problemResponses([...commonProblemStatuses, 404]) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { id } = request.params;
      await db.transaction(async (tx) => {
        const [token] = await tx
          .select({ userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
          .from(apiTokens)
          .where(and(eq(apiTokens.id, id), eq(apiTokens.workspaceId, ctx.workspaceId)))
          .for('update');
        // Someone else's token is not there for a member who may not manage tokens: 404, like a stranger's.
        const visible =
          token &&
          (token.userId === ctx.actor.userId || roleAllows(ctx.actor.role, identityPermissions.memberManage));
        if (!token || !visible)
          throw new AppError('not_found', `No token with id ${id}.`, { code: 'token.not_found' });
        await assertMayManageTokensOf(tx, ctx, token.userId, 'manage');
        if (token.revokedAt) return;
        await tx
          .update(apiTokens)
          .set({ revokedAt: sql`now()` })
          .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
        await recordIdentityEvent(tx, ctx, {
          eventType: 'token.revoked',
          aggregateType: 'api_token',
          aggregateId: id,
          data: { userId: token.userId },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
