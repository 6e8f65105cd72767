import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase, type QueryTimer } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { databaseUrl, withAdminClient } from './template-database.ts';

/** What global-setup.ts provides to every test file (Vitest's typed `provide`/`inject`). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated embedded database, dumped: each test file loads it instead of migrating. */
    pgliteTemplate: string;
    /** The migrated PostgreSQL template database each test file copies (when TEST_DATABASE_URL is set). */
    postgresTemplate: string | null;
  }
}

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.SHIPSHAPE_TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Connection URL of the database (PostgreSQL only), for tests that open a second process on it. */
  url?: string;
  drop(): Promise<void>;
}

/** What the global set-up provided; nothing when run outside Vitest (e.g. `npm run web:types`). */
function provided<K extends 'pgliteTemplate' | 'postgresTemplate'>(key: K) {
  return process.env.VITEST ? inject(key) : undefined;
}

/** The embedded template, read once per worker: loading it is what each test file's database starts from. */
let pgliteTemplate: Blob | undefined;

function loadPgliteTemplate(): Blob | undefined {
  if (pgliteTemplate) return pgliteTemplate;
  const file = provided('pgliteTemplate');
  if (file && fs.existsSync(file)) pgliteTemplate = new Blob([fs.readFileSync(file)]);
  return pgliteTemplate;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new PostgreSQL database
 * created next to TEST_DATABASE_URL's and dropped afterwards. Both start from the run's migrated
 * template (see global-setup.ts); without one (a run outside this project's Vitest set-up) they
 * migrate from empty.
 */
export async function createTestDatabase(onQuery?: QueryTimer): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const loadDataDir = loadPgliteTemplate();
    const handle = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir }, onQuery);
    if (!loadDataDir) await migrateDatabase(handle);
    return { handle, drop: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('SHIPSHAPE_TEST_DATABASE=postgres needs TEST_DATABASE_URL');
  const name = `shipshape_test_${randomBytes(6).toString('hex')}`;
  const template = provided('postgresTemplate');
  await withAdminClient(adminUrl, (client) =>
    client.query(template ? `create database ${name} template ${template}` : `create database ${name}`),
  );
  const url = databaseUrl(adminUrl, name);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 10 }, onQuery);
  if (!template) await migrateDatabase(handle);
  return {
    handle,
    url,
    drop: async () => {
      await handle.close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}
