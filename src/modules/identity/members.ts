import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { apiTokens, memberships, type Role, users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Executor } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';

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

export async function changeRole(
  tx: Executor,
  ctx: RequestContext,
  userId: string,
  role: Role,
): Promise<Role> {
  const member = await lockMember(tx, ctx, userId);
  if (member.role === role) return role;
  assertRoleFitsKind(member.kind, role);
  assertMayTouchOwnership(ctx, member.role, role);
  if (member.role === 'owner') await assertAnotherOwnerRemains(tx, ctx.workspaceId);
  await tx
    .update(memberships)
    .set({ role, updatedAt: sql`now()` })
    .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.userId, userId)));
  await recordIdentityEvent(tx, ctx, {
    eventType: 'membership.role_changed',
    aggregateType: 'user',
    aggregateId: userId,
    data: { role: { before: member.role, after: role } },
  });
  return role;
}

/** Removes a member and revokes their tokens in this workspace. */
export async function removeMember(tx: Executor, ctx: RequestContext, userId: string): Promise<void> {
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
  await recordIdentityEvent(tx, ctx, {
    eventType: 'membership.removed',
    aggregateType: 'user',
    aggregateId: userId,
    data: { role: member.role, revokedTokens: revoked.map((token) => token.id) },
  });
}
