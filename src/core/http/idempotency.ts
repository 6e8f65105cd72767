import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../db/connection.ts';
import type { RequestContext } from '../auth/context.ts';
import { inWorkspace } from '../auth/workspace-scope.ts';
import { AppError } from './errors.ts';
import { idempotencyKeys } from './idempotency-schema.ts';

/** An HTTP answer in a form that can be stored and sent again verbatim. */
export interface StoredAnswer {
  status: number;
  /** Already JSON-shaped (dates as ISO strings). */
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotentRequest {
  key?: string;
  method: string;
  path: string;
  body: unknown;
}

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a write in a transaction. With an Idempotency-Key, the first answer is stored in the same
 * transaction; a repeat of the key (even one racing the first) gets that answer back and writes
 * nothing. Reusing a key for a different request is refused with 422.
 */
export async function runIdempotentWrite(
  db: Database,
  ctx: RequestContext,
  request: IdempotentRequest,
  write: (tx: Transaction) => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (request.key === undefined)
    return { ...(await inWorkspace(db, ctx.workspaceId, write)), replayed: false };
  const key = request.key;
  if (!keyPattern.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
      errors: [{ path: 'headers.idempotency-key', message: 'must be 1 to 255 printable ASCII characters' }],
    });
  }
  const fingerprint = fingerprintOf(request);
  const earlier = await findAnswer(db, ctx, key, fingerprint);
  if (earlier) return { ...earlier, replayed: true };
  try {
    const answer = await inWorkspace(db, ctx.workspaceId, async (tx) => {
      const result = await write(tx);
      await tx.insert(idempotencyKeys).values({
        workspaceId: ctx.workspaceId,
        key,
        method: request.method,
        path: request.path,
        requestHash: fingerprint,
        responseStatus: result.status,
        responseBody: result.body,
        responseHeaders: result.headers,
      });
      return result;
    });
    return { ...answer, replayed: false };
  } catch (error) {
    // A concurrent request with the same key committed first: our transaction rolled back whole.
    const winner = await findAnswer(db, ctx, key, fingerprint);
    if (winner) return { ...winner, replayed: true };
    throw error;
  }
}

async function findAnswer(
  db: Executor,
  ctx: RequestContext,
  key: string,
  fingerprint: string,
): Promise<StoredAnswer | null> {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.workspaceId, ctx.workspaceId), eq(idempotencyKeys.key, key)))
    .limit(1);
  if (!stored) return null;
  if (stored.requestHash !== fingerprint) {
    throw new AppError(
      'unprocessable',
      `Idempotency-Key '${key}' was already used for a different request (${stored.method} ${stored.path}). Use a new key for a new request.`,
      { code: 'idempotency_key_reused' },
    );
  }
  return { status: stored.responseStatus, body: stored.responseBody, headers: stored.responseHeaders };
}

function fingerprintOf(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

/** JSON with object keys sorted, so that the same body always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, entry]) => `${JSON.stringify(name)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
