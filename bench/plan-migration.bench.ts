// What the plan's tables add to migrating a fresh database, which every test file does.
// Baseline: the same migrations without the plan's (tags starting with "plan_"), in the same run.
// Run: npx tsx bench/plan-migration.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { openDatabase } from '../src/db/connection.ts';

const source = fileURLToPath(new URL('../src/db/migrations', import.meta.url));
const runs = 5;

interface Journal {
  entries: { tag: string }[];
}

/** A copy of the migrations folder without the plan's migrations. */
function withoutPlan(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-migrations-'));
  fs.cpSync(source, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  journal.entries = journal.entries.filter((entry) => !/^\d+_plan_/.test(entry.tag));
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

async function timeMigration(migrationsFolder: string): Promise<number> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  const started = performance.now();
  await migrate(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  const elapsed = performance.now() - started;
  await handle.close();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const baselineFolder = withoutPlan();
await timeMigration(source); // warm-up: loads the WebAssembly module once
const baseline: number[] = [];
const full: number[] = [];
for (let run = 0; run < runs; run++) {
  baseline.push(await timeMigration(baselineFolder));
  full.push(await timeMigration(source));
}
fs.rmSync(baselineFolder, { recursive: true });

const base = median(baseline);
const all = median(full);
console.log(`| migrations (fresh in-memory PGlite, median of ${runs}) | ms |`);
console.log('| --- | ---: |');
console.log(`| without the plan's (baseline) | ${base.toFixed(0)} |`);
console.log(`| with the plan's | ${all.toFixed(0)} |`);
console.log(`| added per test file | ${(all - base).toFixed(0)} |`);
