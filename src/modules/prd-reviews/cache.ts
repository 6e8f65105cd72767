import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { ModuleJob } from '../../core/app/module.ts';
import type { Metrics } from '../../core/observability/metrics.ts';
import type { Executor, Transaction } from '../../db/connection.ts';
import { prdReviewCache } from './tables.ts';

export const cacheKinds = ['html', 'diff', 'lint'] as const;
export type CacheKind = (typeof cacheKinds)[number];

/** How long a derived view stays cached. Keys name what they derive from, so expiry only frees space. */
export const cacheTimeToLiveSeconds = 3600;

export interface CacheEntry {
  workspaceId: string;
  prdId: string;
  kind: CacheKind;
  /** Everything the value depends on (PRD, revision or version, parameters). */
  key: string;
}

/**
 * The cached value for a key, or the computed one (then stored). Keys name the immutable inputs
 * (revision numbers, the PRD version), so an entry computed from an older state can never be
 * found by a request about the newer one: a stale entry is never served.
 */
export async function cached<T>(
  tx: Transaction,
  metrics: Metrics,
  entry: CacheEntry,
  compute: () => Promise<T> | T,
): Promise<T> {
  const [hit] = await tx
    .select({ data: prdReviewCache.data })
    .from(prdReviewCache)
    .where(and(eq(prdReviewCache.cacheKey, entry.key), gt(prdReviewCache.expiresAt, sql`now()`)))
    .limit(1);
  if (hit) {
    metrics.cacheLookups.inc({ cache: 'prd_review', kind: entry.kind, result: 'hit' });
    // The key names everything the value was computed from: what is stored under it is that T.
    return hit.data as T;
  }
  metrics.cacheLookups.inc({ cache: 'prd_review', kind: entry.kind, result: 'miss' });
  const value = await compute();
  await store(tx, entry, value);
  return value;
}

async function store(tx: Transaction, entry: CacheEntry, value: unknown): Promise<void> {
  const expiresAt = sql`now() + make_interval(secs => ${cacheTimeToLiveSeconds})`;
  try {
    // In a savepoint: an insert that fails must not take the answer's transaction down with it.
    await tx.transaction(async (savepoint) => {
      await savepoint
        .insert(prdReviewCache)
        .values({
          workspaceId: entry.workspaceId,
          prdId: entry.prdId,
          cacheKey: entry.key,
          cacheType: entry.kind,
          data: value,
          expiresAt,
        })
        .onConflictDoUpdate({ target: prdReviewCache.cacheKey, set: { data: value, expiresAt } });
    });
  } catch (error) {
    // The PRD was deleted meanwhile (foreign key): nothing to cache, the answer still stands.
    if (!isForeignKeyViolation(error)) throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23503';
}

/** Drops a PRD's cached views; called in the transaction of every change to it. */
export async function invalidatePrdCache(tx: Executor, prdId: string): Promise<void> {
  await tx.delete(prdReviewCache).where(eq(prdReviewCache.prdId, prdId));
}

/** Deletes expired entries (of every workspace) and returns how many. */
export async function purgeExpiredCache(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(prdReviewCache)
    .where(lte(prdReviewCache.expiresAt, now))
    .returning({ id: prdReviewCache.id });
  return deleted.length;
}

/**
 * Purges expired entries every ten minutes, once across all server processes. Reads never serve
 * an expired entry anyway; the purge only keeps the table small.
 */
export const prdCachePurgeJob: ModuleJob = {
  name: 'prd-review-cache-purge',
  schedule: () => '*/10 * * * *',
  run: async (app) => {
    // Expired entries of every workspace at once: work that crosses workspaces, on the system database.
    await purgeExpiredCache(app.systemDatabase.db);
  },
};

const allowedTags = [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'input'];

/** Markdown to HTML with nothing executable left: no script, no event handler, no javascript: URL. */
export function renderMarkdown(markdown: string): string {
  const raw = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(raw, {
    allowedTags,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title'],
      input: ['type', 'checked', 'disabled'],
      code: ['class'],
      th: ['align'],
      td: ['align'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
  });
}
