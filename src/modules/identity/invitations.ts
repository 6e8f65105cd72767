import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.ts';
import { invitations, memberships, type Role, users, workspaces } from '../../core/auth/schema.ts';
import { hashToken } from '../../core/auth/tokens.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import type { Client } from './sign-in.ts';

type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(row: InvitationRow, now = Date.now()) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  return row.expiresAt.getTime() <= now ? ('expired' as const) : ('pending' as const);
}

export function invitationOutput(row: InvitationRow) {
  const { id, email, role, expiresAt, createdAt } = row;
  return { id, email, role, status: invitationStatus(row), expiresAt, createdAt };
}

/** Invites an email address with a role; returns the invitation and its token (shown once). */
export async function invite(
  tx: Executor,
  ctx: RequestContext,
  input: { email: string; role: Role },
  ttlSeconds: number,
): Promise<{ row: InvitationRow; token: string }> {
  if (input.role === 'agent') {
    throw new AppError('unprocessable', 'Agents are created with POST /agents, not invited.', {
      code: 'invitation.agent_role',
      errors: [{ path: 'role', message: 'agents are not invited' }],
    });
  }
  if (input.role === 'owner' && ctx.actor.role !== 'owner') {
    throw new AppError('forbidden', 'Only an owner may invite another owner.', { code: 'member.owner_only' });
  }
  const [existing] = await tx
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, ctx.workspaceId),
        sql`lower(${users.email}) = ${input.email.toLowerCase()}`,
      ),
    )
    .limit(1);
  if (existing) {
    throw new AppError('conflict', `${input.email} is already a member of this workspace.`, {
      code: 'invitation.already_member',
    });
  }
  const token = `inv_${randomBytes(32).toString('base64url')}`;
  const [row] = await tx
    .insert(invitations)
    .values({
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: ctx.actor.userId,
      expiresAt: sql`now() + make_interval(secs => ${ttlSeconds})` as unknown as Date,
    })
    .returning();
  if (!row) throw new Error('invitation insert returned nothing');
  await recordIdentityEvent(tx, ctx, {
    eventType: 'invitation.created',
    aggregateType: 'invitation',
    aggregateId: row.id,
    data: { email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString() },
  });
  return { row, token };
}

export async function revokeInvitation(tx: Executor, ctx: RequestContext, id: string): Promise<void> {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.workspaceId, ctx.workspaceId)))
    .for('update');
  if (!row) throw new AppError('not_found', `No invitation with id ${id}.`, { code: 'invitation.not_found' });
  const status = invitationStatus(row);
  if (status === 'revoked') return;
  if (status === 'accepted') {
    throw new AppError('conflict', 'This invitation was already accepted; remove the member instead.', {
      code: 'invitation.already_accepted',
    });
  }
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(invitations.id, id));
  await recordIdentityEvent(tx, ctx, {
    eventType: 'invitation.revoked',
    aggregateType: 'invitation',
    aggregateId: id,
    data: { email: row.email },
  });
}

/**
 * Accepts an invitation: a new person chooses a name and password; someone who already has an
 * account proves it with their current password (the invitation cannot reset it, or whoever
 * invited them could take their account over).
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; displayName?: string; password: string },
  client: Client,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, hashToken(input.token)), isNull(invitations.acceptedAt)))
      .for('update');
    if (!row || invitationStatus(row) !== 'pending') {
      throw new AppError('not_found', 'This invitation is unknown, used, revoked or expired.', {
        code: 'invitation.invalid',
      });
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${row.email.toLowerCase()}`)
      .limit(1);
    let user = existing;
    if (existing) {
      if (existing.passwordHash && !(await verifyPassword(input.password, existing.passwordHash))) {
        throw new AppError('unauthenticated', 'You already have an account: give its current password.', {
          code: 'invitation.password_mismatch',
        });
      }
      if (!existing.passwordHash)
        await tx.update(users).set({ passwordHash }).where(eq(users.id, existing.id));
    } else {
      if (!input.displayName) {
        throw new AppError('validation_failed', 'Choose a display name.', {
          errors: [{ path: 'displayName', message: 'required for a new account' }],
        });
      }
      [user] = await tx
        .insert(users)
        .values({ email: row.email, displayName: input.displayName, kind: 'person', passwordHash })
        .returning();
    }
    if (!user) throw new Error('user insert returned nothing');
    const inserted = await tx
      .insert(memberships)
      .values({ workspaceId: row.workspaceId, userId: user.id, role: row.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      throw new AppError('conflict', 'You are already a member of this workspace.', {
        code: 'invitation.already_member',
      });
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(invitations.id, row.id));
    const ctx = {
      ...client,
      workspaceId: row.workspaceId,
      actor: { userId: user.id, kind: 'person' as const, role: row.role, readOnly: false },
    };
    await recordIdentityEvent(tx, ctx, {
      eventType: 'invitation.accepted',
      aggregateType: 'invitation',
      aggregateId: row.id,
      data: { email: row.email, role: row.role, userId: user.id, newAccount: !existing },
    });
    const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, row.workspaceId));
    return { user, workspace, role: row.role };
  });
}
