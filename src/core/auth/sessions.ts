import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { announceCredentialChange } from './credential-cache.ts';
import { memberships, type Role, sessions, users } from './schema.ts';
import { hashToken } from './tokens.ts';

export const sessionCookieName = 'shipshape_session';

/** A new session secret (the cookie's value). Only its hash is stored. */
function generateSessionSecret(): string {
  return `sess_${randomBytes(32).toString('base64url')}`;
}

/**
 * The CSRF token of a session, derived from its secret: a page that can read it is same-origin,
 * and a forged cross-site request cannot know it. Nothing extra is stored.
 */
export function csrfTokenFor(sessionSecret: string): string {
  return createHash('sha256').update(`csrf\0${sessionSecret}`).digest('base64url');
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfTokenMatches(sessionSecret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Starts a session for a user; returns the secret to put in the cookie (shown nowhere else). */
export async function createSession(
  db: Executor,
  session: { userId: string; ttlSeconds: number; sourceAddress?: string; userAgent?: string },
): Promise<{ id: string; secret: string; expiresAt: Date }> {
  const secret = generateSessionSecret();
  const [row] = await db
    .insert(sessions)
    .values({
      userId: session.userId,
      tokenHash: hashToken(secret),
      expiresAt: sql<Date>`now() + make_interval(secs => ${session.ttlSeconds})`,
      sourceAddress: session.sourceAddress ?? null,
      userAgent: session.userAgent ?? null,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  if (!row) throw new Error('session insert returned nothing');
  return { id: row.id, secret, expiresAt: row.expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  kind: 'person' | 'agent';
  expiresAt: Date;
}

/** The live (not expired, not revoked) session with this secret, or null. */
export async function resolveSession(db: Executor, secret: string): Promise<ResolvedSession | null> {
  if (!secret.startsWith('sess_') || secret.length > 200) return null;
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      kind: users.kind,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(secret)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The user's membership in the requested workspace, or in their oldest membership when none is
 * requested. Null when the user is not a member of the requested workspace.
 */
export async function membershipFor(
  db: Executor,
  userId: string,
  workspaceId: string | undefined,
): Promise<{ workspaceId: string; role: Role } | null> {
  const conditions = [eq(memberships.userId, userId)];
  if (workspaceId) conditions.push(eq(memberships.workspaceId, workspaceId));
  const [row] = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(and(...conditions))
    .orderBy(asc(memberships.createdAt), asc(memberships.workspaceId))
    .limit(1);
  return row ?? null;
}

/** Ends one session, at once on every server process. */
export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  const [ended] = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.id, sessionId))
    .returning({ userId: sessions.userId });
  if (ended) await announceCredentialChange(db, ended.userId);
}

/** Ends every live session of a user (sign-out everywhere); returns how many were ended. */
export async function revokeAllSessions(db: Executor, userId: string): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .returning({ id: sessions.id });
  await announceCredentialChange(db, userId);
  return ended.length;
}
