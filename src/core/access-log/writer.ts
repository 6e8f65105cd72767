import type { FastifyReply, FastifyRequest } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/connection.ts';
import { auditLogs } from './tables.ts';

export type AccessLogEntry = typeof auditLogs.$inferInsert;

export interface AccessLogWriter {
  /** Fastify `onResponse` hook: records the request if it was authenticated. */
  record(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Writes everything buffered so far (and waits for writes already under way). */
  flush(): Promise<void>;
  /** Flushes and stops the timer; entries recorded afterwards are written at once. */
  close(): Promise<void>;
}

export interface AccessLogOptions {
  /** Longest time an entry waits in memory before it is written. */
  flushIntervalMs?: number;
  /** Write as soon as this many entries are waiting. */
  maxBatch?: number;
  onError?: (error: unknown, lost: number) => void;
}

/**
 * The access log, written off the request path: each authenticated request adds one entry to an
 * in-memory buffer, and the buffer is written with one multi-row INSERT every `flushIntervalMs`
 * (default 250 ms), as soon as `maxBatch` entries wait, and when the server shuts down. A process
 * that crashes loses at most the entries of the last interval (docs/audit.md).
 */
export function createAccessLogWriter(db: Database, options: AccessLogOptions = {}): AccessLogWriter {
  const flushIntervalMs = options.flushIntervalMs ?? 250;
  const maxBatch = options.maxBatch ?? 500;
  let buffer: AccessLogEntry[] = [];
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    // Writes are chained so that batches land in order and flush() waits for all of them.
    writing = writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await db.insert(auditLogs).values(batch).onConflictDoNothing();
      } catch (error) {
        options.onError?.(error, batch.length);
      }
    });
    return writing;
  };

  const add = (entry: AccessLogEntry): void => {
    buffer.push(entry);
    if (closed || buffer.length >= maxBatch) void flush();
    else if (!timer) {
      timer = setTimeout(() => void flush(), flushIntervalMs);
      timer.unref();
    }
  };

  return {
    async record(request, reply) {
      const ctx = request.requestContext;
      if (!ctx) return;
      const elapsed = reply.elapsedTime;
      add({
        id: uuidv7(),
        workspaceId: ctx.workspaceId,
        userId: ctx.actor.userId,
        tokenId: ctx.actor.tokenId ?? null,
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        durationMs: Math.round(elapsed * 1000) / 1000,
        sourceAddress: ctx.sourceAddress ?? null,
        userAgent: ctx.userAgent ?? null,
        requestId: ctx.requestId,
        occurredAt: new Date(Date.now() - elapsed),
      });
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}
