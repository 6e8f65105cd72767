import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../db/connection.ts';
import type { Authenticated } from './tokens.ts';

/** The channel on which a change to someone's credentials or role is announced to every process. */
export const credentialsChannel = 'shipshape_credentials';

/**
 * Tells every server process (this one included) that the user's credentials or role changed: a
 * token or session revoked, a role changed, a membership removed. Delivered when the transaction
 * commits, and not at all if it rolls back.
 */
export async function announceCredentialChange(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${credentialsChannel}, ${userId})`);
}

/** What a credential resolves to, with when it stops being valid on its own. */
export interface ResolvedCredential {
  authenticated: Authenticated;
  /** The credential's own expiry (a token's or a session's), if any. */
  expiresAt: Date | null;
}

/**
 * Resolved credentials, kept briefly so that a request does not look its token up again. Entries
 * are dropped when their user's credentials change anywhere (LISTEN/NOTIFY), and in any case after
 * `ttlMs`: should a notification be missed (the listening connection dropped), a revoked
 * credential keeps working for that long at most. Only successful lookups are kept, by the
 * SHA-256 of the secret, never the secret itself.
 */
export interface CredentialCache {
  resolve(key: string, load: () => Promise<ResolvedCredential | null>): Promise<Authenticated | null>;
  /** Drops every entry of the user (for this process; others hear the announcement). */
  forget(userId: string): void;
  close(): Promise<void>;
}

interface Entry {
  credential: ResolvedCredential;
  storedAt: number;
}

export async function createCredentialCache(
  database: DatabaseHandle,
  options: { ttlMs: number; maxEntries?: number; now?: () => number },
): Promise<CredentialCache> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  const keysOfUser = new Map<string, Set<string>>();
  // Bumped by every announcement: a lookup that started before one must not store what it read.
  let generation = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    keysOfUser.get(entry.credential.authenticated.actor.userId)?.delete(key);
  };
  const forget = (userId: string) => {
    generation += 1;
    for (const key of keysOfUser.get(userId) ?? []) entries.delete(key);
    keysOfUser.delete(userId);
  };
  const store = (key: string, credential: ResolvedCredential) => {
    if (entries.size >= maxEntries) {
      // The oldest entry goes first: a Map iterates in insertion order.
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) drop(oldest);
    }
    entries.set(key, { credential, storedAt: now() });
    const { userId } = credential.authenticated.actor;
    let keys = keysOfUser.get(userId);
    if (!keys) {
      keys = new Set();
      keysOfUser.set(userId, keys);
    }
    keys.add(key);
  };

  const unlisten =
    options.ttlMs > 0
      ? await database.listen(
          credentialsChannel,
          (userId) => forget(userId),
          // Announcements made while the listening connection was down were missed: forget everything.
          () => {
            generation += 1;
            entries.clear();
            keysOfUser.clear();
          },
        )
      : async () => {};

  return {
    async resolve(key, load) {
      const entry = entries.get(key);
      const time = now();
      if (entry) {
        const expired = entry.credential.expiresAt && entry.credential.expiresAt.getTime() <= time;
        if (!expired && time - entry.storedAt < options.ttlMs) return entry.credential.authenticated;
        drop(key);
      }
      const startedAt = generation;
      const loaded = await load();
      if (loaded && options.ttlMs > 0 && generation === startedAt) store(key, loaded);
      return loaded?.authenticated ?? null;
    },
    forget,
    close: () => unlisten(),
  };
}
