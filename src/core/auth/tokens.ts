import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/connection.ts';
import type { Actor } from './context.ts';
import { apiTokens, memberships, users } from './schema.ts';

const tokenPrefix = 'shp_';

/** A new random token secret. Shown to its owner once; only its hash is stored. */
export function generateTokenSecret(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a token secret (hex). Tokens are long random strings, so a fast hash is safe here. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Stores a token for a member and returns its id. The caller shows `secret` once. */
export async function insertToken(
  db: Executor,
  token: {
    workspaceId: string;
    userId: string;
    name: string;
    secret: string;
    readOnly?: boolean;
    expiresAt?: Date | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(apiTokens)
    .values({
      workspaceId: token.workspaceId,
      userId: token.userId,
      name: token.name,
      tokenHash: hashToken(token.secret),
      prefix: token.secret.slice(0, tokenPrefix.length + 6),
      readOnly: token.readOnly ?? false,
      expiresAt: token.expiresAt ?? null,
    })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('token insert returned nothing');
  return row.id;
}

export interface Authenticated {
  workspaceId: string;
  actor: Actor;
}

/** How stale last_used_at may get before a request refreshes it (avoids a write per request). */
const lastUsedResolutionSeconds = 60;

/** The token lookup every API request runs, prepared once per database so it is not rebuilt each time. */
function tokenLookup(db: Database) {
  return db
    .select({
      tokenId: apiTokens.id,
      workspaceId: apiTokens.workspaceId,
      userId: apiTokens.userId,
      readOnly: apiTokens.readOnly,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      role: memberships.role,
      kind: users.kind,
    })
    .from(apiTokens)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, apiTokens.workspaceId), eq(memberships.userId, apiTokens.userId)),
    )
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('shipshape_authenticate_token');
}
const preparedLookups = new WeakMap<Database, ReturnType<typeof tokenLookup>>();

/**
 * Resolves a bearer secret to its workspace and actor (with the token's expiry), or null when
 * unknown, revoked or expired.
 */
export async function authenticateToken(
  db: Database,
  secret: string,
): Promise<{ authenticated: Authenticated; expiresAt: Date | null } | null> {
  if (!secret.startsWith(tokenPrefix) || secret.length > 200) return null;
  let lookup = preparedLookups.get(db);
  if (!lookup) {
    lookup = tokenLookup(db);
    preparedLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ tokenHash: hashToken(secret) });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > lastUsedResolutionSeconds * 1000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(
            isNull(apiTokens.lastUsedAt),
            lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${lastUsedResolutionSeconds})`),
          ),
        ),
      );
  }
  return {
    authenticated: {
      workspaceId: row.workspaceId,
      actor: {
        userId: row.userId,
        kind: row.kind,
        role: row.role,
        tokenId: row.tokenId,
        readOnly: row.readOnly,
      },
    },
    expiresAt: row.expiresAt,
  };
}
