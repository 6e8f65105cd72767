import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../db/connection.ts';
import { migrateDatabase } from '../db/migrate.ts';

/**
 * Migrating a database takes about a second; the suite needs one per test file, on each database.
 * So the migrations run once per version of them: into a template database on PostgreSQL (copied
 * per file with CREATE DATABASE … TEMPLATE) and into a dumped data directory for the embedded
 * database (loaded per file). Both are keyed by a hash of the migrations, so a changed migration
 * makes a new template and a stale one is never used.
 */

const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));
const templatePrefix = 'shipshape_template_';

/** A hash of every migration file, names and contents: the template's version. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of fs
      .readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(migrationsFolder, full)).update('\0').update(fs.readFileSync(full));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

/** Where the migrated embedded database of this version is dumped. */
export function pgliteTemplatePath(hash = migrationsHash()): string {
  return path.join(os.tmpdir(), `shipshape-test-template-${hash}.tar.gz`);
}

/** The name of the migrated PostgreSQL template database of this version. */
export function postgresTemplateName(hash = migrationsHash()): string {
  return `${templatePrefix}${hash}`;
}

/** Makes the embedded template unless it exists; written under a temporary name and renamed, so a dump is whole. */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = pgliteTemplatePath();
  if (fs.existsSync(target)) return target;
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateDatabase(handle);
    if (!handle.dumpDataDir) throw new Error('the embedded database cannot dump its data directory');
    const dump = await handle.dumpDataDir();
    const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, target);
  } finally {
    await handle.close();
  }
  return target;
}

/**
 * Makes the PostgreSQL template unless it exists, and drops templates of older migrations. It is
 * migrated under a temporary name and renamed when whole, so a run cut off mid-way leaves no
 * half-migrated template behind to be copied.
 */
export async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  const name = postgresTemplateName();
  await withAdminClient(adminUrl, async (client) => {
    const existing = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${templatePrefix}%`],
    );
    for (const { datname } of existing.rows) {
      if (datname !== name) await client.query(`drop database if exists ${datname} with (force)`);
    }
  });
  if (await databaseExists(adminUrl, name)) return name;

  const building = `${name}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${building}`));
  const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, building), poolSize: 2 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  await withAdminClient(adminUrl, async (client) => {
    try {
      await client.query(`alter database ${building} rename to ${name}`);
    } catch (error) {
      // Another run made the same template meanwhile: theirs is as good as ours.
      await client.query(`drop database if exists ${building} with (force)`);
      if (!(await databaseExists(adminUrl, name))) throw error;
    }
  });
  return name;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    return (found.rowCount ?? 0) > 0;
  });
}

export async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
