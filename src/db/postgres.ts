import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseHandle, QueryTimer, SessionSettings } from './connection.ts';
import { SessionState } from './sessions.ts';
import { keepCallerContext, observePostgresQueries } from './timing.ts';

function poolOf(url: string, size: number, onQuery?: QueryTimer): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight report their own error.
  });
  pool.on('connect', (client) => observePostgresQueries(client, onQuery));
  keepCallerContext(pool);
  return pool;
}

/**
 * Units of work on connections that keep their session settings between units, so that a stream
 * of requests for one workspace applies them once. A connection left in an unknown state (its
 * settings failed to apply, or the work failed without an SQLSTATE) is closed, not reused.
 */
function sessionRunner(pool: pg.Pool) {
  const connections = new WeakMap<pg.PoolClient, { state: SessionState; db: Database }>();
  return async <T>(settings: SessionSettings, work: (db: Database) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let connection = connections.get(client);
    if (!connection) {
      connection = { state: new SessionState(), db: drizzle({ client }) };
      connections.set(client, connection);
    }
    let broken: Error | undefined;
    try {
      const change = connection.state.changeTo(settings);
      if (change) {
        await client.query(change.text, change.values).catch((error: Error) => {
          broken = error;
          throw error;
        });
      }
      return await work(connection.db);
    } catch (error) {
      if (!broken && !(error instanceof Error && 'code' in error)) broken = new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

/** Listens on a connection of its own: a pooled one would be handed to other queries between notifications. */
async function listenOn(url: string, channel: string, onNotify: (payload: string) => void) {
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
}

async function exclusively<T>(pool: pg.Pool, name: string, work: (db: Database) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await work(drizzle({ client }));
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    client.release();
  }
}

/**
 * A PostgreSQL server. Two pools: `db` uses connections that never carry session settings; units
 * of work with settings (`withSession`) use connections of their own.
 */
export async function openPostgres(
  url: string,
  poolSize: number,
  onQuery?: QueryTimer,
): Promise<DatabaseHandle> {
  const pool = poolOf(url, poolSize, onQuery);
  const sessionPool = poolOf(url, poolSize, onQuery);
  await pool.query('select 1');
  return {
    kind: 'postgres',
    db: drizzle({ client: pool }),
    exec: async (sql) => {
      // Several statements answer one result each; one statement answers a single result.
      const results: pg.QueryResult | pg.QueryResult[] = await pool.query(sql);
      return (Array.isArray(results) ? results.at(-1)?.rows : results.rows) ?? [];
    },
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await pool.query<Row & pg.QueryResultRow>(sql, params)).rows,
    listen: (channel, onNotify) => listenOn(url, channel, onNotify),
    withExclusiveLock: (name, work) => exclusively(pool, name, work),
    withSession: sessionRunner(sessionPool),
    close: async () => {
      await Promise.all([pool.end(), sessionPool.end()]);
    },
  };
}
