import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The query builder. PGlite and node-postgres share the same builder API; we type both as one. */
export type Database = NodePgDatabase<Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries can run on: the database itself or an open transaction. */
export type Executor = Database | Transaction;

/** Called with the duration of every SQL statement, for the query-time metric. */
export type QueryTimer = (seconds: number) => void;

export interface DatabaseHandle {
  kind: DatabaseConfig['kind'];
  db: Database;
  /** Runs raw SQL (possibly several statements, no parameters); answers the last statement's rows. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Calls `onNotify` for each NOTIFY on the channel (delivered when the notifying transaction
   * commits). Answers a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Runs `work` holding a session-level advisory lock, so that two processes never do it at once. */
  withExclusiveLock<T>(name: string, work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Opens the configured database: embedded PGlite (default) or a PostgreSQL server. */
export async function openDatabase(config: DatabaseConfig, onQuery?: QueryTimer): Promise<DatabaseHandle> {
  return config.kind === 'postgres'
    ? openPostgres(config.url, config.poolSize, onQuery)
    : openPglite(config.dataDir, onQuery);
}

async function openPglite(dataDir: string | null, onQuery?: QueryTimer): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? undefined, { extensions: { pg_trgm } });
  if (onQuery) timePgliteQueries(client, onQuery);
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    exec: async (sql) => (await client.exec(sql)).at(-1)?.rows ?? [],
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    // One embedded database belongs to one process: PGlite locks its data folder, so no advisory lock is needed.
    withExclusiveLock: (_name, work) => work(db),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number, onQuery?: QueryTimer): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight report their own error.
  });
  if (onQuery) pool.on('connect', (client) => timePostgresQueries(client, onQuery));
  const db = drizzlePostgres({ client: pool, schema });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db,
    exec: async (sql) => {
      // Several statements answer one result each; one statement answers a single result.
      const results: pg.QueryResult | pg.QueryResult[] = await pool.query(sql);
      return (Array.isArray(results) ? results.at(-1)?.rows : results.rows) ?? [];
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    listen: async (channel, onNotify) => {
      // A connection of its own: a pooled one would be handed to other queries between notifications.
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {
        // The listener lost its connection; subscribers fall back to polling.
      });
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.connect();
      await client.query(`listen "${channel.replace(/"/g, '""')}"`);
      return async () => {
        await client.end();
      };
    },
    withExclusiveLock: async (name, work) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(hashtext($1))', [name]);
        try {
          return await work(drizzlePostgres({ client, schema }));
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function timed<T>(onQuery: QueryTimer, run: () => T): T {
  const started = process.hrtime.bigint();
  const result = run();
  const stop = () => onQuery(Number(process.hrtime.bigint() - started) / 1e9);
  if (result instanceof Promise) result.then(stop, stop);
  else stop();
  return result;
}

function timePostgresQueries(client: pg.PoolClient, onQuery: QueryTimer): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) =>
    timed(onQuery, () => query(...args));
}

function timePgliteQueries(client: PGlite, onQuery: QueryTimer): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<typeof query>) =>
    timed(onQuery, () => query(...args))) as typeof client.query;
  client.exec = ((...args: Parameters<typeof exec>) =>
    timed(onQuery, () => exec(...args))) as typeof client.exec;
  client.transaction = ((callback: Parameters<typeof transaction>[0]) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((...args: Parameters<typeof txQuery>) =>
        timed(onQuery, () => txQuery(...args))) as typeof tx.query;
      return callback(tx);
    })) as typeof client.transaction;
}
