import { AsyncResource } from 'node:async_hooks';
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { QueryTimer } from './connection.ts';
import { traceStatement } from './tracing.ts';

/**
 * Runs the statement `sql` with `run`: the one place every statement passes through. It reports
 * how long it took (to settle) to `onQuery`, and is a span of the active trace when there is one.
 */
export function timed<T>(onQuery: QueryTimer | undefined, sql: string, run: () => Promise<T>): Promise<T> {
  if (!onQuery) return traceStatement(sql, run);
  const started = process.hrtime.bigint();
  const stop = () => onQuery(Number(process.hrtime.bigint() - started) / 1e9);
  const result = traceStatement(sql, run);
  result.then(stop, stop);
  return result;
}

/** Work wrapped around each statement an embedded client runs (taking a turn, timing it). */
export type Around = <T>(run: () => Promise<T>) => Promise<T>;

/** A transaction whose statements are timed and traced. */
function timedTransaction(tx: Transaction, onQuery: QueryTimer | undefined): Transaction {
  const timedTx: Transaction = Object.create(tx);
  timedTx.query = <T>(query: string, params?: unknown[], options?: QueryOptions) =>
    timed(onQuery, query, () => tx.query<T>(query, params, options));
  return timedTx;
}

/**
 * The embedded client as seen through `around`: each query, exec and whole transaction runs
 * inside it, and each statement is timed and traced. The client itself is left as it is.
 */
export function wrapPglite(client: PGlite, around: Around, onQuery?: QueryTimer): PGlite {
  const wrapped: PGlite = Object.create(client);
  wrapped.query = <T>(query: string, params?: unknown[], options?: QueryOptions) =>
    around(() => timed(onQuery, query, () => client.query<T>(query, params, options)));
  wrapped.exec = (query: string, options?: QueryOptions) =>
    around(() => timed(onQuery, query, () => client.exec(query, options)));
  wrapped.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    around(() => client.transaction((tx) => callback(timedTransaction(tx, onQuery))));
  return wrapped;
}

/** Times and traces every statement a pooled PostgreSQL connection runs. */
export function observePostgresQueries(client: pg.PoolClient, onQuery: QueryTimer | undefined): void {
  // pg's query has a dozen overloads (promises, callbacks, streams); the wrapper passes every
  // argument through unchanged, so it is installed without restating them.
  const query: (...args: unknown[]) => unknown = Reflect.get(client, 'query').bind(client);
  Reflect.set(client, 'query', (...args: unknown[]) => {
    const statement = args[0];
    const plain =
      typeof statement === 'string' ||
      (typeof statement === 'object' && statement !== null && !('submit' in statement));
    // A stream or other submittable: timed from call to answer, not traced.
    if (!plain) return timedCall(onQuery, () => query(...args));
    const sql = typeof statement === 'string' ? statement : String(Reflect.get(statement, 'text') ?? '');
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback !== 'function') return timed(onQuery, sql, () => Promise.resolve(query(...args)));
    // The callback form (pg's pool runs its `query` this way): answered through the callback, as asked.
    timed(
      onQuery,
      sql,
      () =>
        new Promise((resolve, reject) => {
          query(...args.slice(0, last), (error: unknown, result: unknown) => {
            if (error) reject(error);
            else resolve(result);
            callback(error, result);
          });
        }),
    ).catch(() => {
      // The callback has had the error.
    });
    return undefined;
  });
}

function timedCall(onQuery: QueryTimer | undefined, call: () => unknown): unknown {
  if (!onQuery) return call();
  const started = process.hrtime.bigint();
  const stop = () => onQuery(Number(process.hrtime.bigint() - started) / 1e9);
  const result = call();
  if (result instanceof Promise) result.then(stop, stop);
  else stop();
  return result;
}

/**
 * pg's pool hands a connection to a waiting `connect(callback)` from whichever query released
 * one: the callback is bound to its caller's async context, so that its statements belong to the
 * caller's trace and not to the releaser's.
 */
export function keepCallerContext(pool: pg.Pool): void {
  const connect: (...args: unknown[]) => unknown = Reflect.get(pool, 'connect').bind(pool);
  Reflect.set(pool, 'connect', (...args: unknown[]) =>
    typeof args[0] === 'function'
      ? connect(AsyncResource.bind(args[0] as (...rest: unknown[]) => unknown))
      : connect(...args),
  );
}
