import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors/app-error.ts';
import type { AppContext } from '../../../core/resource/scope.ts';
import { flagEnvironments, flagSdkKeys } from '../tables.ts';

/** What an SDK key grants: one environment of one project, evaluated by a server or a client. */
export interface SdkKey {
  id: string;
  workspaceId: string;
  projectId: string;
  environmentId: string;
  /** The environment's key, e.g. production. */
  environment: string;
  kind: 'server' | 'client';
}

/** How long a looked-up key is trusted before it is read again: a revocation applies within this. */
export const sdkKeyTtlMs = 5_000;
/** An unknown secret is remembered for less time, so a key just made works almost at once. */
const unknownKeyTtlMs = 1_000;
/** `last_used_at` is written at most this often per key. */
const lastUsedIntervalMs = 60_000;
const maxCachedKeys = 10_000;

/**
 * The secret a request carries: `Authorization: Bearer <secret>` (OFREP), `Authorization: <secret>`
 * (as Unleash SDKs send it) or `X-API-Key: <secret>`.
 */
export function secretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization?.trim();
  if (header) return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? (/\s/.test(header) ? undefined : header);
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() ? apiKey.trim() : undefined;
}

export interface SdkKeyResolver {
  /** The key the request's secret names, or a 401 problem. */
  authenticate(request: FastifyRequest): Promise<SdkKey>;
}

interface CachedKey {
  key: SdkKey | null;
  expiresAt: number;
}

/**
 * Resolves SDK keys by the SHA-256 of their secret, keeping each answer briefly in memory so that
 * evaluations do not read the database; the database has no workspace bound here because the key
 * is what tells the workspace. Records when each key was last used, at most once a minute.
 */
export function createSdkKeyResolver(
  app: AppContext,
  onBackgroundError: (error: unknown) => void,
  now: () => number = () => Date.now(),
): SdkKeyResolver {
  const database = app.systemDatabase;
  const cache = new Map<string, CachedKey>();
  const lastUsedWritten = new Map<string, number>();

  const lookUp = async (secretHash: string): Promise<SdkKey | null> => {
    const cached = cache.get(secretHash);
    if (cached && cached.expiresAt > now()) return cached.key;
    const key = await readKey(database, secretHash);
    if (cache.size >= maxCachedKeys) cache.clear();
    cache.set(secretHash, { key, expiresAt: now() + (key ? sdkKeyTtlMs : unknownKeyTtlMs) });
    return key;
  };

  const noteUse = (key: SdkKey) => {
    const written = lastUsedWritten.get(key.id);
    if (written !== undefined && now() - written < lastUsedIntervalMs) return;
    if (lastUsedWritten.size >= maxCachedKeys) lastUsedWritten.clear();
    lastUsedWritten.set(key.id, now());
    database.db
      .update(flagSdkKeys)
      .set({ lastUsedAt: new Date(now()) })
      .where(eq(flagSdkKeys.id, key.id))
      .then(() => undefined, onBackgroundError);
  };

  return {
    async authenticate(request) {
      const secret = secretOf(request);
      if (!secret)
        throw unauthenticated(
          'Send an SDK key: Authorization: Bearer <key>, Authorization: <key> or X-API-Key.',
        );
      const key = await lookUp(createHash('sha256').update(secret, 'utf8').digest('hex'));
      if (!key) throw unauthenticated('The SDK key is unknown or has been revoked.');
      noteUse(key);
      return key;
    },
  };
}

async function readKey(database: AppContext['systemDatabase'], secretHash: string): Promise<SdkKey | null> {
  const [row] = await database.db
    .select({
      id: flagSdkKeys.id,
      workspaceId: flagSdkKeys.workspaceId,
      projectId: flagSdkKeys.projectId,
      environmentId: flagSdkKeys.environmentId,
      environment: flagEnvironments.key,
      kind: flagSdkKeys.kind,
    })
    .from(flagSdkKeys)
    .innerJoin(flagEnvironments, eq(flagEnvironments.id, flagSdkKeys.environmentId))
    .where(and(eq(flagSdkKeys.secretHash, secretHash), isNull(flagSdkKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

function unauthenticated(detail: string): AppError {
  return new AppError('unauthenticated', detail, {
    code: 'flags.sdk_key_invalid',
    headers: { 'www-authenticate': 'Bearer' },
  });
}
