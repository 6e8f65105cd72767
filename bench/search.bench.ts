// Search and suggest latency at 10k and 100k entities, on PGlite and (with BENCH_DATABASE_URL) on
// PostgreSQL, against two baselines measured in the same run on the same data:
//   - ILIKE: what list endpoints' `q=` does (every word, case-insensitive, in the entity tables);
//   - bare tsvector: the index alone, ranked, without snippets, facets or analytics.
//   npx tsx bench/search.bench.ts
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/search.bench.ts
//   BENCH_SIZES=10000,100000 BENCH_PGLITE_MAX=100000 BENCH_REPEATS=20
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createMetrics } from '../src/core/observability/metrics.ts';
import { systemScope } from '../src/core/resource/scope.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/connection.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { search } from '../src/modules/search/service.ts';
import { suggest } from '../src/modules/search/suggest.ts';
import { seedSearch } from './search-seed.ts';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const pgliteMax = Number(process.env.BENCH_PGLITE_MAX ?? 100_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 20);
const postgresUrl = process.env.BENCH_DATABASE_URL;

const searchQueries = [
  'payment',
  'retry policy',
  '"card payment"',
  'cache OR queue',
  'deploy -rollback',
  'invoi',
  'ledger refund webhook',
  'paymnet retyr',
];
const suggestQueries = ['pay', 're', 'cach', 'inv', 'deplo', 'webh'];

interface Row {
  database: string;
  entities: number;
  seedSeconds: number;
  operation: string;
  p50: number;
  p95: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Runs each query `repeats` times (after one warm-up each) and answers p50 and p95 in ms. */
async function measure(queries: string[], run: (q: string) => Promise<unknown>) {
  for (const q of queries) await run(q);
  const samples: number[] = [];
  for (let round = 0; round < repeats; round += 1) {
    for (const q of queries) {
      const started = performance.now();
      await run(q);
      samples.push(performance.now() - started);
    }
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function benchDatabase(name: string, handle: DatabaseHandle, entities: number): Promise<Row[]> {
  const seedStarted = performance.now();
  const seeded = await seedSearch(handle, entities);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // PostgreSQL's autovacuum would gather statistics soon after a load; PGlite has none, so both are
  // analysed explicitly to compare like with like.
  await handle.exec('analyze');
  // The searches run as a member of the seeded workspace would, through the app's services.
  const app = await buildApp({
    config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' },
    database: handle,
    metrics: createMetrics(),
    logger: false,
  });
  const scope = systemScope(app.services, seeded.workspaceId, seeded.userId);
  const row = (operation: string, figures: { p50: number; p95: number }) => ({
    database: name,
    entities,
    seedSeconds,
    operation,
    ...figures,
  });
  const words = (q: string) =>
    q
      .replace(/["-]|\bOR\b/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
  const ilike = (q: string) => {
    const each = words(q).map((_, index) => `$${index + 2}`);
    const where = (columns: string[]) =>
      each
        .map((parameter) => `(${columns.map((c) => `${c} ilike ${parameter}`).join(' or ')})`)
        .join(' and ');
    return handle.query(
      `(select id from projects where workspace_id = $1 and ${where(['name', 'description'])} limit 20)
       union all (select id from decision_logs where workspace_id = $1 and ${where(['title', 'context'])} limit 20)`,
      [seeded.workspaceId, ...words(q).map((word) => `%${word}%`)],
    );
  };
  const rows = [
    row(
      'search (ranked, snippets, facets)',
      await measure(searchQueries, (q) => search(scope, { q, limit: 20 })),
    ),
    row(
      'baseline: bare tsvector, ranked',
      await measure(searchQueries, (q) =>
        handle.query(
          `select entity_id from search_documents, websearch_to_tsquery('english', $2) query
           where workspace_id = $1 and document @@ query order by ts_rank_cd(document, query) desc limit 20`,
          [seeded.workspaceId, q],
        ),
      ),
    ),
    row('baseline: ILIKE on the tables (list q=)', await measure(searchQueries, ilike)),
    row('suggest (titles and tags)', await measure(suggestQueries, (q) => suggest(scope, q, 8))),
    row(
      'baseline: title ILIKE on the tables',
      await measure(suggestQueries, (q) =>
        handle.query(
          `(select name from projects where workspace_id = $1 and name ilike $2 limit 8)
           union all (select title from decision_logs where workspace_id = $1 and title ilike $2 limit 8)`,
          [seeded.workspaceId, `%${q}%`],
        ),
      ),
    ),
  ];
  await app.http.close();
  return rows;
}

async function withPostgres<T>(url: string, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const name = `shipshape_bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 4 });
  try {
    await migrateDatabase(handle);
    return await work(handle);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function withPglite<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateDatabase(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

const loadBefore = os.loadavg()[0] ?? 0;
const rows: Row[] = [];
for (const entities of sizes) {
  if (entities <= pgliteMax)
    rows.push(...(await withPglite((handle) => benchDatabase('PGlite', handle, entities))));
  else console.error(`PGlite at ${entities} skipped (BENCH_PGLITE_MAX=${pgliteMax})`);
  if (postgresUrl)
    rows.push(
      ...(await withPostgres(postgresUrl, (handle) => benchDatabase('PostgreSQL', handle, entities))),
    );
}

const format = (value: number) => value.toFixed(1);
console.log(
  `Search: ${searchQueries.length} queries (${searchQueries.map((q) => `\`${q}\``).join(', ')}), suggest: ${suggestQueries.length} prefixes; ${repeats} rounds each after a warm-up; one workspace holding all entities (half projects, half decisions).\n`,
);
console.log(
  `Machine: ${os.cpus().length} cores, shared with other work; load average ${loadBefore.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end.\n`,
);
console.log('| database | entities | seed + index (s) | operation | p50 ms | p95 ms |');
console.log('| --- | ---: | ---: | --- | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.database} | ${row.entities} | ${row.seedSeconds.toFixed(1)} | ${row.operation} | ${format(row.p50)} | ${format(row.p95)} |`,
  );
}
