import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { announceCredentialChange } from '../../core/auth/credential-cache.ts';
import { authorize, roleAllows } from '../../core/auth/permissions.ts';
import { apiTokens, memberships, users } from '../../core/auth/schema.ts';
import { generateTokenSecret, insertToken } from '../../core/auth/tokens.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { type PageQuery, pageOf } from './contracts.ts';
import { identityPermissions } from './permissions.ts';

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

/**
 * Whose tokens the caller may manage: their own always; with member.manage, an agent's of this
 * workspace (to create) or anyone's in this workspace (to list and revoke). A state-dependent
 * rule, so it is checked here rather than by the route.
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

/** A member's tokens in this workspace (the caller's by default), never their secrets. */
export async function listTokens(scope: Scope, query: PageQuery & { userId?: string }) {
  const { ctx } = scope;
  const userId = query.userId ?? ctx.actor.userId;
  const rows = await scope.db.read(async (db) => {
    await assertMayManageTokensOf(db, ctx, userId, 'manage');
    return db
      .select(tokenColumns)
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.workspaceId, ctx.workspaceId),
          eq(apiTokens.userId, userId),
          query.cursor ? gt(apiTokens.id, query.cursor) : undefined,
        ),
      )
      .orderBy(asc(apiTokens.id))
      .limit(query.limit + 1);
  });
  return pageOf(rows, query.limit, (row) => row.id);
}

/** Creates a token for the caller (or, for admins, an agent); answers it with its secret, shown once. */
export async function createToken(
  scope: Scope,
  input: { name: string; readOnly: boolean; expiresAt?: Date; userId?: string },
) {
  const { ctx } = scope;
  const { name, readOnly, expiresAt } = input;
  const userId = input.userId ?? ctx.actor.userId;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError('unprocessable', 'expiresAt must be in the future.', {
      errors: [{ path: 'expiresAt', message: 'must be in the future' }],
    });
  }
  return scope.db.transaction(async (tx) => {
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
    await recordIdentityEvent(tx, scope, {
      eventType: 'token.created',
      aggregateType: 'api_token',
      aggregateId: id,
      data: { name, userId, readOnly, expiresAt: expiresAt?.toISOString() ?? null },
    });
    const [row] = await tx.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
    if (!row) throw new Error('token vanished inside its transaction');
    return { ...row, secret };
  });
}

/** Revokes a token: the caller's own, or (admins) any of this workspace. Revoking twice is harmless. */
export async function revokeToken(scope: Scope, id: string): Promise<void> {
  const { ctx } = scope;
  const owner = await scope.db.transaction(async (tx) => {
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
    if (token.revokedAt) return null;
    await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await announceCredentialChange(tx, token.userId);
    await recordIdentityEvent(tx, scope, {
      eventType: 'token.revoked',
      aggregateType: 'api_token',
      aggregateId: id,
      data: { userId: token.userId },
    });
    return token.userId;
  });
  if (owner) scope.app.credentials.forget(owner);
}
