// The migration linter as a process of its own, for the benchmark when the CLI has no
// `migrations lint` command: reads every .sql file of a folder in name order, lints them, and
// prints the report as JSON. Run: npx tsx bench/migration-lint-process.ts <folder>
import fs from 'node:fs';
import path from 'node:path';
import { lintMigrations } from '../src/engines/sql-lint/index.ts';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: migration-lint-process.ts <folder>');
  process.exit(2);
}
const sources = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.sql'))
  .sort()
  .map((name) => ({ path: name, sql: fs.readFileSync(path.join(folder, name), 'utf8') }));
const report = await lintMigrations(sources);
process.stdout.write(JSON.stringify(report));
process.exitCode = report.summary.errors > 0 ? 1 : 0;
