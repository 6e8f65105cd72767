import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { QueryTimer } from './connection.ts';

/** Runs `run`, reporting how long it took (to settle) to `onQuery`. */
export function timed<T>(onQuery: QueryTimer | undefined, run: () => Promise<T>): Promise<T> {
  if (!onQuery) return run();
  const started = process.hrtime.bigint();
  const stop = () => onQuery(Number(process.hrtime.bigint() - started) / 1e9);
  const result = run();
  result.then(stop, stop);
  return result;
}

/** Work wrapped around each statement an embedded client runs (taking a turn, timing it). */
export type Around = <T>(run: () => Promise<T>) => Promise<T>;

/** A transaction whose statements are timed. */
function timedTransaction(tx: Transaction, onQuery: QueryTimer | undefined): Transaction {
  const timedTx: Transaction = Object.create(tx);
  timedTx.query = <T>(query: string, params?: unknown[], options?: QueryOptions) =>
    timed(onQuery, () => tx.query<T>(query, params, options));
  return timedTx;
}

/**
 * The embedded client as seen through `around`: each query, exec and whole transaction runs
 * inside it, and each statement is timed. The client itself is left as it is.
 */
export function wrapPglite(client: PGlite, around: Around, onQuery?: QueryTimer): PGlite {
  const wrapped: PGlite = Object.create(client);
  wrapped.query = <T>(query: string, params?: unknown[], options?: QueryOptions) =>
    around(() => timed(onQuery, () => client.query<T>(query, params, options)));
  wrapped.exec = (query: string, options?: QueryOptions) =>
    around(() => timed(onQuery, () => client.exec(query, options)));
  wrapped.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    around(() => client.transaction((tx) => callback(timedTransaction(tx, onQuery))));
  return wrapped;
}

/** Times every statement a pooled PostgreSQL connection runs. */
export function timePostgresQueries(client: pg.PoolClient, onQuery: QueryTimer): void {
  // pg's query has a dozen overloads (promises, callbacks, streams); the wrapper passes every
  // argument through unchanged, so it is installed without restating them.
  const query: (...args: unknown[]) => unknown = Reflect.get(client, 'query').bind(client);
  Reflect.set(client, 'query', (...args: unknown[]) => {
    const started = process.hrtime.bigint();
    const stop = () => onQuery(Number(process.hrtime.bigint() - started) / 1e9);
    const result = query(...args);
    if (result instanceof Promise) result.then(stop, stop);
    else stop();
    return result;
  });
}
