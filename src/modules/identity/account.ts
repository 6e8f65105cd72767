import { eq } from 'drizzle-orm';
import { users, workspaces } from '../../core/auth/schema.ts';
import { csrfTokenFor, resolveSession, revokeAllSessions, revokeSession } from '../../core/auth/sessions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { recordIdentityEvent } from './audit.ts';

/** Ends the caller's session (a token is not a session: 400). */
export async function signOut(scope: Scope): Promise<void> {
  const { ctx } = scope;
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) {
    throw new AppError('validation_failed', 'Sign-out ends a session; this request used an API token.', {
      code: 'sign_out.not_a_session',
    });
  }
  await scope.db.transaction(async (tx) => {
    await revokeSession(tx, sessionId);
    await recordIdentityEvent(tx, scope, {
      eventType: 'session.signed_out',
      aggregateType: 'user',
      aggregateId: ctx.actor.userId,
      data: { sessionId },
    });
  });
  scope.app.credentials.forget(ctx.actor.userId);
}

/** Ends every session of the caller, on every device; answers how many ended. */
export async function signOutEverywhere(scope: Scope): Promise<number> {
  const { ctx } = scope;
  const endedSessions = await scope.db.transaction(async (tx) => {
    const ended = await revokeAllSessions(tx, ctx.actor.userId);
    await recordIdentityEvent(tx, scope, {
      eventType: 'session.signed_out_everywhere',
      aggregateType: 'user',
      aggregateId: ctx.actor.userId,
      data: { endedSessions: ended },
    });
    return ended;
  });
  scope.app.credentials.forget(ctx.actor.userId);
  return endedSessions;
}

/** Who the caller is: user, workspace, role and the credential used (with the CSRF token for a session). */
export async function whoAmI(scope: Scope, sessionSecret: string | undefined) {
  const { ctx } = scope;
  return scope.db.read(async (db) => {
    const [user] = await db.select().from(users).where(eq(users.id, ctx.actor.userId));
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
    if (!user || !workspace) throw new AppError('unauthenticated', 'Your account no longer exists.');
    const session = ctx.actor.sessionId && sessionSecret ? await resolveSession(db, sessionSecret) : null;
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, kind: user.kind },
      workspace: { id: workspace.id, name: workspace.name },
      role: ctx.actor.role,
      credential: session
        ? { kind: 'session' as const, id: session.sessionId, readOnly: false, expiresAt: session.expiresAt }
        : {
            kind: 'token' as const,
            id: ctx.actor.tokenId ?? '',
            readOnly: ctx.actor.readOnly,
            expiresAt: null,
          },
      csrfToken: session && sessionSecret ? csrfTokenFor(sessionSecret) : null,
    };
  });
}
