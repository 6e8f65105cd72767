import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, DatabaseHandle, QueryTimer, SessionSettings } from './connection.ts';
import { SessionState } from './sessions.ts';
import { type Around, wrapPglite } from './timing.ts';

/**
 * Makes sure the data folder exists and can be written before PGlite opens it: PGlite itself
 * fails late and obscurely on a read-only folder or a full disk (at its first checkpoint or WAL
 * write). A file is created, written, flushed and removed; any failure names the folder and the cause.
 */
export function ensureWritableDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.shipshape-write-check-${process.pid}`);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, Buffer.alloc(64 * 1024));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(probe, { force: true });
  } catch (error) {
    try {
      fs.rmSync(probe, { force: true });
    } catch {
      // The folder may not even be readable; the error below says why.
    }
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    const cause =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'EACCES' || code === 'EPERM'
            ? 'this process may not write there (check its owner and permissions)'
            : String(error instanceof Error ? error.message : error);
    throw new Error(
      `The data folder ${path.resolve(dataDir)} is not writable: ${cause}${code ? ` (${code})` : ''}. ` +
        'Free space or fix its permissions, or set DATA_DIR to another folder.',
      { cause: error },
    );
  }
}

/**
 * PostgreSQL's shared buffers live in PGlite's WebAssembly memory, allocated in full at start and
 * never given back: the default 128 MB (with 4 MB of WAL buffers) is most of an idle server's
 * resident memory. One connection and a working set of a few MB need far less; reads beyond the
 * buffers come from the operating system's page cache. See bench/RESULTS.md, memory.
 */
const memorySettings = ['-c', 'shared_buffers=32MB'];

/** Runs units of work one after another, in the order they asked. */
class Turns {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.last.then(work);
    this.last = result.catch(() => {});
    return result;
  }
}

/**
 * The embedded database. PGlite is one connection, so session settings are shared by everything:
 * each unit of work (a workspace-bound one through `withSession`, or any use of `db`) takes its
 * turn, and brings the session to the settings it needs first — none for `db`. The settings stay
 * after a unit, so consecutive requests of one workspace pay for them once.
 */
export async function openPglite(
  dataDir: string | null,
  onQuery?: QueryTimer,
  loadDataDir?: Blob,
): Promise<DatabaseHandle> {
  if (dataDir) ensureWritableDataDir(dataDir);
  const client = await PGlite.create(dataDir ?? undefined, {
    extensions: { pg_trgm },
    loadDataDir,
    startParams: [...PGlite.defaultStartParams, ...memorySettings],
  });
  const turns = new Turns();
  const session = new SessionState();
  const insideSession = new AsyncLocalStorage<true>();

  const bringTo = async (settings: SessionSettings | null) => {
    const change = session.changeTo(settings);
    if (!change) return;
    try {
      await client.query(change.text, change.values);
    } catch (error) {
      session.reset();
      throw error;
    }
  };
  /** Plain use of the connection: its turn, with no session settings. */
  const plain: Around = <T>(work: () => Promise<T>): Promise<T> => {
    if (insideSession.getStore()) {
      // Waiting for our own turn would never end; and the plain connection is not this unit's to use.
      return Promise.reject(new Error('the unbound database was used inside a workspace-bound unit of work'));
    }
    return turns.run(async () => {
      await bringTo(null);
      return work();
    });
  };

  // `db` and the handle's own methods go through `plain`; `withSession` has taken its turn already.
  const unbound = wrapPglite(client, plain, onQuery);
  // Both drivers offer the same query builder; the app types them as one (see Database).
  const db = drizzle({ client: unbound }) as unknown as Database;
  const bound = drizzle({ client: wrapPglite(client, (run) => run(), onQuery) }) as unknown as Database;

  return {
    kind: 'pglite',
    db,
    exec: async (sql) => (await unbound.exec(sql)).at(-1)?.rows ?? [],
    query: async <Row>(sql: string, params: unknown[] = []) => (await unbound.query<Row>(sql, params)).rows,
    listen: (channel, onNotify) => plain(() => client.listen(channel, onNotify)),
    // One embedded database belongs to one process: PGlite locks its data folder, so no advisory lock is needed.
    withExclusiveLock: (_name, work) => work(db),
    withSession: (settings, work) =>
      turns.run(async () => {
        await bringTo(settings);
        return insideSession.run(true, () => work(bound));
      }),
    dumpDataDir: () => plain(() => client.dumpDataDir('gzip')),
    close: () => turns.run(() => client.close()),
  };
}
