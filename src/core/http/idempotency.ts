import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/connection.ts';
import { AppError } from '../errors/app-error.ts';
import { canonicalJson } from '../events/chain.ts';
import type { WorkspaceDatabase } from '../tenancy/workspace-database.ts';
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
  db: WorkspaceDatabase,
  request: IdempotentRequest,
  write: (tx: Transaction) => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (request.key === undefined) return { ...(await db.transaction(write)), replayed: false };
  const key = request.key;
  if (!keyPattern.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 printable ASCII characters.', {
      errors: [{ path: 'headers.idempotency-key', message: 'must be 1 to 255 printable ASCII characters' }],
    });
  }
  const fingerprint = fingerprintOf(request);
  const earlier = await db.read((reader) => findAnswer(reader, db.workspaceId, key, fingerprint));
  if (earlier) return { ...earlier, replayed: true };
  try {
    const answer = await db.transaction(async (tx) => {
      const result = await write(tx);
      await tx.insert(idempotencyKeys).values({
        workspaceId: db.workspaceId,
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
    const winner = await db.read((reader) => findAnswer(reader, db.workspaceId, key, fingerprint));
    if (winner) return { ...winner, replayed: true };
    throw error;
  }
}

async function findAnswer(
  db: Executor,
  workspaceId: string,
  key: string,
  fingerprint: string,
): Promise<StoredAnswer | null> {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, key)))
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
