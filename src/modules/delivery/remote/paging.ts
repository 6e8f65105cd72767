// Helpers shared by the GitLab and Jira clients: the page shape the sync checkpoints, reading the few
// fields the clients themselves need from raw payloads, and bounded parallel fetching.
import { setMaxListeners } from 'node:events';
import { RemoteError } from './remote-error.ts';

/** One page of a listing; `next` is an opaque cursor to resume from, null after the last page. */
export interface RemotePage {
  items: unknown[];
  next: string | null;
}

/** A GET against one connection: its base URL, credentials and policy already applied. */
export type RemoteGet = (path: string, signal?: AbortSignal) => Promise<{ body: unknown; headers: Headers }>;

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body's list (or its `key` field's list), else a `malformed` error naming the request. */
export function listIn(body: unknown, label: string, key?: string): unknown[] {
  const list = key === undefined ? body : isObject(body) ? body[key] : undefined;
  if (Array.isArray(list)) return list;
  throw new RemoteError('malformed', `${label} answered without ${key ? `a "${key}" list` : 'a list'}`);
}

/**
 * Runs `work` on every item, at most `limit` at a time, keeping the order. The first failure stops
 * the rest from starting and aborts those in flight.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const stop = new AbortController();
  const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  // Every request in flight listens on the shared signal (a few listeners each), more than Node's
  // default warning threshold of 10; they are removed as each request ends.
  setMaxListeners(limit * 4 + 10, combined);
  const results = new Array<R>(items.length);
  const queue = items.entries();
  const worker = async () => {
    for (const [index, item] of queue) {
      combined.throwIfAborted();
      results[index] = await work(item, combined);
    }
  };
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  try {
    await Promise.all(workers);
  } catch (error) {
    stop.abort(error);
    await Promise.allSettled(workers);
    throw signal?.aborted ? signal.reason : error;
  }
  return results;
}
