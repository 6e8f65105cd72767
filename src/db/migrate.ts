import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate as migrateWithNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import { z } from 'zod';
import type { DatabaseHandle } from './connection.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });

/** The migrations shipped with this version, in order. */
export function shippedMigrations(): string[] {
  const journal = journalSchema.parse(
    JSON.parse(fs.readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')),
  );
  return journal.entries.map((entry) => entry.tag);
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes concurrent starts of several
 * server processes safe: one migrates, the others wait and then find nothing to do.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<{ applied: number }> {
  const before = await appliedMigrationCount(handle);
  await handle.withExclusiveLock('shipshape:migrate', async (db) => {
    if (handle.kind === 'pglite')
      await migrateWithPglite(db as unknown as PgliteDatabase, { migrationsFolder });
    else await migrateWithNodePostgres(db, { migrationsFolder });
  });
  return { applied: (await appliedMigrationCount(handle)) - before };
}

/** How many migrations the database has recorded as applied (0 on an empty database). */
export async function appliedMigrationCount(handle: DatabaseHandle): Promise<number> {
  const [exists] = await handle.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (!exists?.present) return 0;
  const [row] = await handle.query<{ count: string | number }>(
    'select count(*) as count from drizzle.__drizzle_migrations',
  );
  return Number(row?.count ?? 0);
}
