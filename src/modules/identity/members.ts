import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { announceCredentialChange } from '../../core/auth/credential-cache.ts';
import { apiTokens, memberships, type Role, users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { type PageQuery, pageOf } from './contracts.ts';

/** A member of the caller's workspace, locked for the transaction; 404 when not a member. */
async function lockMember(tx: Executor, ctx: RequestContext, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role, kind: users.kind })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)))
    .for('update', { of: memberships })
    .limit(1);
  if (!row) throw new AppError('not_found', `No member with id ${userId}.`, { code: 'member.not_found' });
  return row;
}

/** Owners are counted under a lock on every owner row, so two demotions cannot both pass. */
async function assertAnotherOwnerRemains(tx: Executor, workspaceId: string): Promise<void> {
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
    .for('update');
  if (owners.length <= 1) {
    throw new AppError('conflict', 'A workspace keeps at least one owner: make someone else owner first.', {
      code: 'member.last_owner',
    });
  }
}

/** Only owners make or unmake owners: an admin cannot promote themselves past the owners. */
function assertMayTouchOwnership(ctx: RequestContext, ...roles: Role[]): void {
  if (roles.includes('owner') && ctx.actor.role !== 'owner') {
    throw new AppError('forbidden', 'Only an owner may grant, change or remove the owner role.', {
      code: 'member.owner_only',
    });
  }
}

/** The role must fit the identity: `agent` is for agents only, and agents hold no other role. */
export function assertRoleFitsKind(kind: 'person' | 'agent', role: Role): void {
  if ((kind === 'agent') !== (role === 'agent')) {
    throw new AppError(
      'unprocessable',
      kind === 'agent' ? 'An agent always has the agent role.' : 'The agent role is for agent identities.',
      { code: 'member.role_kind_mismatch', errors: [{ path: 'role', message: `not allowed for a ${kind}` }] },
    );
  }
}

/** A page of the workspace's members (or only its agents), by user id. */
export async function listMembers(scope: Scope, query: PageQuery & { role?: Role }, kind?: 'agent') {
  const rows = await scope.db.read((db) =>
    db
      .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.workspaceId, scope.ctx.workspaceId),
          query.cursor ? gt(memberships.userId, query.cursor) : undefined,
          query.role ? eq(memberships.role, query.role) : undefined,
          kind ? eq(users.kind, kind) : undefined,
        ),
      )
      .orderBy(asc(memberships.userId))
      .limit(query.limit + 1),
  );
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

/** Changes a member's role: owners only for the owner role; the last owner stays; agents stay agents. */
export async function changeRole(
  scope: Scope,
  userId: string,
  role: Role,
): Promise<{ userId: string; role: Role }> {
  const { ctx } = scope;
  await scope.db.transaction(async (tx) => {
    const member = await lockMember(tx, ctx, userId);
    if (member.role === role) return;
    assertRoleFitsKind(member.kind, role);
    assertMayTouchOwnership(ctx, member.role, role);
    if (member.role === 'owner') await assertAnotherOwnerRemains(tx, ctx.workspaceId);
    await tx
      .update(memberships)
      .set({ role, updatedAt: sql`now()` })
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
    await announceCredentialChange(tx, userId);
    await recordIdentityEvent(tx, scope, {
      eventType: 'membership.role_changed',
      aggregateType: 'user',
      aggregateId: userId,
      data: { role: { before: member.role, after: role } },
    });
  });
  scope.app.credentials.forget(userId);
  return { userId, role };
}

/** Removes a member and revokes their tokens in this workspace. */
export async function removeMember(scope: Scope, userId: string): Promise<void> {
  const { ctx } = scope;
  await scope.db.transaction(async (tx) => {
    const member = await lockMember(tx, ctx, userId);
    assertMayTouchOwnership(ctx, member.role);
    if (member.role === 'owner') await assertAnotherOwnerRemains(tx, ctx.workspaceId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.workspaceId, ctx.workspaceId),
          eq(apiTokens.userId, userId),
          sql`${apiTokens.revokedAt} is null`,
        ),
      )
      .returning({ id: apiTokens.id });
    await announceCredentialChange(tx, userId);
    await recordIdentityEvent(tx, scope, {
      eventType: 'membership.removed',
      aggregateType: 'user',
      aggregateId: userId,
      data: { role: member.role, revokedTokens: revoked.map((token) => token.id) },
    });
  });
  scope.app.credentials.forget(userId);
}

/** Creates an agent identity, a member of this workspace with the agent role. */
export async function createAgent(scope: Scope, name: string) {
  const { user, joinedAt } = await scope.db.transaction(async (tx) => {
    const [agent] = await tx
      .insert(users)
      .values({ email: `agent-${randomUUID()}@agents.invalid`, displayName: name, kind: 'agent' })
      .returning();
    if (!agent) throw new Error('agent insert returned nothing');
    const [membership] = await tx
      .insert(memberships)
      .values({ workspaceId: scope.ctx.workspaceId, userId: agent.id, role: 'agent' })
      .returning();
    if (!membership) throw new Error('membership insert returned nothing');
    await recordIdentityEvent(tx, scope, {
      eventType: 'agent.created',
      aggregateType: 'user',
      aggregateId: agent.id,
      data: { name: agent.displayName },
    });
    return { user: agent, joinedAt: membership.createdAt };
  });
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
    role: 'agent' as const,
    joinedAt,
  };
}
