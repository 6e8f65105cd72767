import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.ts';
import { invitations, memberships, type Role, users, workspaces } from '../../core/auth/schema.ts';
import { hashToken } from '../../core/auth/tokens.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppServices } from '../../core/http/route.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Transaction } from '../../db/connection.ts';
import { recordIdentityEvent } from './audit.ts';
import { type PageQuery, pageOf } from './contracts.ts';
import type { Client } from './sign-in.ts';

type InvitationRow = typeof invitations.$inferSelect;

/** Where an invitation is accepted, below /api/v1. */
export const acceptPath = '/invitations/accept';

export function invitationStatus(row: InvitationRow, now = Date.now()) {
  if (row.acceptedAt) return 'accepted' as const;
  if (row.revokedAt) return 'revoked' as const;
  return row.expiresAt.getTime() <= now ? ('expired' as const) : ('pending' as const);
}

export function invitationOutput(row: InvitationRow) {
  const { id, email, role, expiresAt, createdAt } = row;
  return { id, email, role, status: invitationStatus(row), expiresAt, createdAt };
}

/** Invites an email address with a role; answers the invitation with its token (shown once). */
export async function invite(scope: Scope, input: { email: string; role: Role }, app: AppServices) {
  const { ctx } = scope;
  app.auth.invitationLimiter.hit(`workspace:${ctx.workspaceId}`);
  if (input.role === 'agent') {
    throw new AppError('unprocessable', 'Agents are created with POST /agents, not invited.', {
      code: 'invitation.agent_role',
      errors: [{ path: 'role', message: 'agents are not invited' }],
    });
  }
  if (input.role === 'owner' && ctx.actor.role !== 'owner') {
    throw new AppError('forbidden', 'Only an owner may invite another owner.', { code: 'member.owner_only' });
  }
  const token = `inv_${randomBytes(32).toString('base64url')}`;
  const row = await scope.db.transaction(async (tx) => {
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
    const [created] = await tx
      .insert(invitations)
      .values({
        workspaceId: ctx.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: ctx.actor.userId,
        expiresAt: sql<Date>`now() + make_interval(secs => ${app.auth.settings.invitationTtlSeconds})`,
      })
      .returning();
    if (!created) throw new Error('invitation insert returned nothing');
    await recordIdentityEvent(tx, scope, {
      eventType: 'invitation.created',
      aggregateType: 'invitation',
      aggregateId: created.id,
      data: { email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { ...invitationOutput(row), token, acceptPath: `/api/v1${acceptPath}` };
}

/** The workspace's invitations, oldest first (never their tokens). */
export async function listInvitations(scope: Scope, { limit, cursor }: PageQuery) {
  const rows = await scope.db.read((db) =>
    db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.workspaceId, scope.ctx.workspaceId),
          cursor ? gt(invitations.id, cursor) : undefined,
        ),
      )
      .orderBy(asc(invitations.id))
      .limit(limit + 1),
  );
  const page = pageOf(rows, limit, (row) => row.id);
  return { data: page.data.map(invitationOutput), nextCursor: page.nextCursor };
}

/** Revokes a pending invitation; revoking twice is harmless, an accepted one is a conflict. */
export async function revokeInvitation(scope: Scope, id: string): Promise<void> {
  await scope.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, id), eq(invitations.workspaceId, scope.ctx.workspaceId)))
      .for('update');
    if (!row)
      throw new AppError('not_found', `No invitation with id ${id}.`, { code: 'invitation.not_found' });
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
    await recordIdentityEvent(tx, scope, {
      eventType: 'invitation.revoked',
      aggregateType: 'invitation',
      aggregateId: id,
      data: { email: row.email },
    });
  });
}

/**
 * Accepts an invitation: a new person chooses a name and password; someone who already has an
 * account proves it with their current password (the invitation cannot reset it, or whoever
 * invited them could take their account over).
 */
export async function acceptInvitation(
  app: AppServices,
  input: { token: string; displayName?: string; password: string },
  client: Client,
) {
  app.auth.invitationLimiter.hit(`address:${client.sourceAddress ?? 'unknown'}`);
  const passwordHash = await hashPassword(input.password);
  // No credential yet: the invitation token names the workspace, so this runs unbound.
  const { user, workspace, role } = await app.systemDatabase.db.transaction(async (tx) => {
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
    const { account, isNew } = await accountFor(tx, row, input, passwordHash);
    const inserted = await tx
      .insert(memberships)
      .values({ workspaceId: row.workspaceId, userId: account.id, role: row.role })
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
      actor: { userId: account.id, kind: 'person' as const, role: row.role, readOnly: false },
    };
    await recordIdentityEvent(
      tx,
      { ctx, app },
      {
        eventType: 'invitation.accepted',
        aggregateType: 'invitation',
        aggregateId: row.id,
        data: { email: row.email, role: row.role, userId: account.id, newAccount: isNew },
      },
    );
    const [joined] = await tx.select().from(workspaces).where(eq(workspaces.id, row.workspaceId));
    return { user: account, workspace: joined, role: row.role };
  });
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
    workspace: { id: workspace?.id ?? '', name: workspace?.name ?? '' },
    role,
  };
}

/** The invited person's account: the existing one (proven by its password), or a new one. */
async function accountFor(
  tx: Transaction,
  invitation: InvitationRow,
  input: { displayName?: string; password: string },
  passwordHash: string,
) {
  const [existing] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${invitation.email.toLowerCase()}`)
    .limit(1);
  if (existing) {
    if (existing.passwordHash && !(await verifyPassword(input.password, existing.passwordHash))) {
      throw new AppError('unauthenticated', 'You already have an account: give its current password.', {
        code: 'invitation.password_mismatch',
      });
    }
    if (!existing.passwordHash) await tx.update(users).set({ passwordHash }).where(eq(users.id, existing.id));
    return { account: existing, isNew: false };
  }
  if (!input.displayName) {
    throw new AppError('validation_failed', 'Choose a display name.', {
      errors: [{ path: 'displayName', message: 'required for a new account' }],
    });
  }
  const [created] = await tx
    .insert(users)
    .values({ email: invitation.email, displayName: input.displayName, kind: 'person', passwordHash })
    .returning();
  if (!created) throw new Error('user insert returned nothing');
  return { account: created, isNew: true };
}
