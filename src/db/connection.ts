import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Where the data lives: the embedded database (in a folder, or in memory when null) or a PostgreSQL server. */
export type DatabaseConfig =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /** A dumped data directory to start from (one `dumpDataDir` wrote), instead of an empty database. */
      loadDataDir?: Blob;
    }
  | { kind: 'postgres'; url: string; poolSize: number };

/**
 * The query builder. PGlite and node-postgres share the same builder API; we type both as one.
 * Queries name their tables explicitly, so the builder needs no schema (and `db/` imports no table).
 */
export type Database = NodePgDatabase<Record<string, never>>;
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
   * commits). Answers a function that stops listening. Should the listening connection drop, it
   * is opened again and `onReconnect` called: notifications sent meanwhile were missed.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  /** Runs `work` holding a session-level advisory lock, so that two processes never do it at once. */
  withExclusiveLock<T>(name: string, work: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on a connection whose session has exactly these settings (a role and configuration
   * parameters), for as long as `work` runs; nothing else uses that connection meanwhile. Settings
   * are applied only when the connection does not already have them, so a stream of requests for
   * the same settings costs no extra round trip. `db` itself never carries such settings.
   */
  withSession<T>(settings: SessionSettings, work: (db: Database) => Promise<T>): Promise<T>;
  /** The embedded database only: its whole data directory as a gzipped tarball, to load elsewhere. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Session state a connection can carry: the role it acts as, and configuration parameters. */
export interface SessionSettings {
  /** Acts as this role (SET ROLE); none keeps the connecting user. */
  role?: string;
  /** Custom parameters (`shipshape.workspace_id`), read by policies with current_setting. */
  parameters: Readonly<Record<string, string>>;
}

/** Opens the configured database: embedded PGlite (default) or a PostgreSQL server. */
export async function openDatabase(config: DatabaseConfig, onQuery?: QueryTimer): Promise<DatabaseHandle> {
  return config.kind === 'postgres'
    ? openPostgres(config.url, config.poolSize, onQuery)
    : openPglite(config.dataDir, onQuery, config.loadDataDir);
}
