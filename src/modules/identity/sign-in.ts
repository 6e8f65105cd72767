import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { clearLoginFailures, recordLoginFailure, secondsBlocked } from '../../core/auth/login-throttle.ts';
import { verifyPassword } from '../../core/auth/passwords.ts';
import { users } from '../../core/auth/schema.ts';
import { createSession } from '../../core/auth/sessions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppServices } from '../../core/http/route.ts';
import { recordInEveryWorkspaceOf } from './audit.ts';

export interface Client {
  requestId: string;
  sourceAddress?: string;
  userAgent?: string;
}

/**
 * Checks an email and password and starts a session. Failures count per address in the database:
 * after a few, each attempt must wait longer, then the address is locked for a while (429 with
 * Retry-After, whether or not the account exists, so the answer reveals nothing).
 */
export async function signIn(app: AppServices, input: { email: string; password: string }, client: Client) {
  app.auth.signInLimiter.hit(client.sourceAddress ?? 'unknown');
  const { settings } = app.auth;
  // Signing in crosses workspaces: the person is found by email, and the event goes to each of theirs.
  const { db } = app.systemDatabase;
  const wait = await secondsBlocked(db, input.email);
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many failed sign-ins for this address; retry in ${wait} s.`, {
      code: 'sign_in.locked',
      headers: { 'Retry-After': String(wait) },
      extensions: { retryAfter: wait },
    });
  }
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`)
    .limit(1);
  const valid = await verifyPassword(input.password, user?.kind === 'person' ? user.passwordHash : null);
  const ctxFor = (userId: string) => (workspaceId: string, role: RequestContext['actor']['role']) => ({
    ...client,
    workspaceId,
    actor: { userId, kind: 'person' as const, role, readOnly: false },
  });
  if (!user || !valid) {
    await db.transaction(async (tx) => {
      const failures = await recordLoginFailure(tx, input.email, settings);
      if (user) {
        await recordInEveryWorkspaceOf(tx, app, user.id, ctxFor(user.id), {
          eventType: 'session.sign_in_failed',
          aggregateType: 'user',
          aggregateId: user.id,
          data: { failures },
        });
      }
    });
    throw new AppError('unauthenticated', 'The email address or the password is wrong.', {
      code: 'sign_in.failed',
    });
  }
  return db.transaction(async (tx) => {
    await clearLoginFailures(tx, input.email);
    const session = await createSession(tx, {
      userId: user.id,
      ttlSeconds: settings.sessionTtlSeconds,
      sourceAddress: client.sourceAddress,
      userAgent: client.userAgent,
    });
    await recordInEveryWorkspaceOf(tx, app, user.id, ctxFor(user.id), {
      eventType: 'session.signed_in',
      aggregateType: 'user',
      aggregateId: user.id,
      data: { sessionId: session.id },
    });
    return { session, user };
  });
}
