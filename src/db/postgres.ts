import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseHandle, QueryTimer, SessionSettings } from './connection.ts';
import { SessionState } from './sessions.ts';
import { keepCallerContext, observePostgresQueries } from './timing.ts';

/**
 * How long a request waits for a connection (a new one, or a free one of a full pool) before it
 * fails: with the server unreachable, requests answer 503 promptly instead of hanging. A URL's own
 * `connect_timeout` still applies to establishing a connection.
 */
export const connectionTimeoutMs = 5_000;

function poolOf(url: string, size: number, onQuery?: QueryTimer): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    connectionTimeoutMillis: connectionTimeoutMs,
  });
  pool.on('error', () => {
    // An idle client lost its connection (the server restarted, or terminated it); the pool drops
    // it and opens a new one when needed. Queries in flight report their own error.
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

/**
 * Listens on a connection of its own: a pooled one would be handed to other queries between
 * notifications. Should that connection drop (the server restarted, the connection was
 * terminated), it is opened again, with growing delays while the server stays unreachable;
 * `onReconnect` is told once listening again, since notifications sent meanwhile were missed.
 */
async function listenOn(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onReconnect?: () => void,
) {
  let closed = false;
  let current: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectionTimeoutMs });
    client.on('error', () => {
      // The connection is lost; 'end' follows and reconnects.
    });
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    client.on('end', () => {
      if (current !== client) return;
      current = null;
      reconnectAfter(100);
    });
    try {
      await client.connect();
      await client.query(`listen "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
  };
  const reconnectAfter = (delayMs: number) => {
    if (closed) return;
    timer = setTimeout(() => {
      connect().then(
        () => {
          if (!closed) onReconnect?.();
        },
        () => reconnectAfter(Math.min(delayMs * 2, 10_000)),
      );
    }, delayMs);
    timer.unref();
  };

  await connect();
  return async () => {
    closed = true;
    clearTimeout(timer);
    const client = current;
    current = null;
    await client?.end().catch(() => {});
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
    listen: (channel, onNotify, onReconnect) => listenOn(url, channel, onNotify, onReconnect),
    withExclusiveLock: (name, work) => exclusively(pool, name, work),
    withSession: sessionRunner(sessionPool),
    close: async () => {
      await Promise.all([pool.end(), sessionPool.end()]);
    },
  };
}
