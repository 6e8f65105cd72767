// A deterministic corpus of realistic PostgreSQL migrations for the migration-lint benchmark: the
// same seed always writes the same files, so runs on different days lint the same SQL.
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: a small seeded generator, good enough to pick templates and names. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tables = ['orders', 'customers', 'invoices', 'payments', 'accounts', 'events', 'shipments', 'products'];
const columns = ['status', 'region', 'reference', 'notes', 'amount', 'currency', 'source', 'priority'];
const types = [
  'text',
  'bigint',
  'integer',
  'boolean',
  'timestamptz',
  'numeric(12,2)',
  'varchar(64)',
  'jsonb',
];

type Pick = <T>(values: readonly T[]) => T;

/** One migration's statements, as a team would write them; `n` makes names unique per file. */
const templates: ((pick: Pick, n: number) => string)[] = [
  (pick, n) =>
    `CREATE TABLE ${pick(tables)}_${n} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  ${pick(columns)} ${pick(types)} NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);`,
  (pick, n) => `ALTER TABLE ${pick(tables)} ADD COLUMN ${pick(columns)}_${n} ${pick(types)};`,
  (pick, n) => `ALTER TABLE ${pick(tables)} ADD COLUMN ${pick(columns)}_${n} text NOT NULL DEFAULT 'none';`,
  (pick, n) => `ALTER TABLE ${pick(tables)} ADD COLUMN ${pick(columns)}_${n} uuid DEFAULT gen_random_uuid();`,
  (pick, n) => `CREATE INDEX ${pick(tables)}_${n}_idx ON ${pick(tables)} (${pick(columns)});`,
  (pick, n) => `CREATE INDEX CONCURRENTLY ${pick(tables)}_${n}_idx ON ${pick(tables)} (${pick(columns)});`,
  (pick, n) => {
    const table = pick(tables);
    return `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${n}_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE ${table} VALIDATE CONSTRAINT ${table}_${n}_fk;`;
  },
  (pick) => `ALTER TABLE ${pick(tables)} ALTER COLUMN ${pick(columns)} SET NOT NULL;`,
  (pick, n) => `ALTER TABLE ${pick(tables)} RENAME COLUMN ${pick(columns)} TO ${pick(columns)}_${n};`,
  (pick) => `ALTER TABLE ${pick(tables)} DROP COLUMN IF EXISTS ${pick(columns)};`,
  (pick, n) => `UPDATE ${pick(tables)} SET ${pick(columns)} = 'x' WHERE id BETWEEN ${n} AND ${n + 1000};`,
  (pick) => `COMMENT ON COLUMN ${pick(tables)}.${pick(columns)} IS 'set by the billing service';`,
  (pick, n) =>
    `BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE ${pick(tables)} ADD COLUMN ${pick(columns)}_${n} bigint;\nCOMMIT;`,
  (pick, n) =>
    `SET lock_timeout = '5s';\nSET statement_timeout = '60s';\nALTER TABLE ${pick(tables)} ALTER COLUMN ${pick(columns)}_${n} TYPE text;`,
  (pick, n) => `DROP INDEX CONCURRENTLY IF EXISTS ${pick(tables)}_${n}_idx;`,
  (pick) => `ALTER TABLE ${pick(tables)} RENAME TO ${pick(tables)}_archive;`,
];

/** One file: one to three statements, sometimes with a leading comment. */
function migration(random: () => number, index: number): string {
  const pick: Pick = (values) => {
    const value = values[Math.floor(random() * values.length)];
    if (value === undefined) throw new Error('nothing to pick from');
    return value;
  };
  const count = 1 + Math.floor(random() * random() * 2.2);
  const statements = Array.from({ length: count }, (_, offset) => pick(templates)(pick, index * 3 + offset));
  const comment = random() < 0.3 ? `-- ${pick(columns)} for ticket PAY-${index}\n` : '';
  return `${comment}${statements.join('\n')}\n`;
}

/** Writes `count` migration files named like Flyway's into `folder`; answers their total size. */
export function writeMigrationCorpus(folder: string, count: number, seed = 19): number {
  const random = seeded(seed);
  let bytes = 0;
  for (let index = 1; index <= count; index += 1) {
    const sql = migration(random, index);
    bytes += Buffer.byteLength(sql);
    fs.writeFileSync(path.join(folder, `V${String(index).padStart(4, '0')}__change.sql`), sql);
  }
  return bytes;
}
