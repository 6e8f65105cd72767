// The saga engine's cost: start-to-completion latency of a 3-step saga (200 one after another) and
// sagas completed per second with 1,000 started at once, against a floor measured in the same run:
// the same three steps as three plain transactions, one after another, without the engine. Each
// step (and each baseline transaction) inserts one row. The engine runs in this process, built as
// the server builds it (buildApp, every module, its default of 4 drivers), on PGlite and, with
// BENCH_DATABASE_URL, on a PostgreSQL database created for the run (shipshape_bench_sagas) and
// dropped after. Reference: DBOS Transact 5.3 measured ~8–15 ms per 3-step workflow on PostgreSQL.
//
//   npx tsx bench/sagas.bench.ts                                      # PGlite only
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/sagas.bench.ts      # PGlite and PostgreSQL
//   BENCH_SEQUENTIAL=200 BENCH_CONCURRENT=1000 BENCH_SAGA_DRIVERS=4
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { buildApp } from '../src/app.ts';
import { defineModule } from '../src/core/app/module.ts';
import { bootstrapFirstWorkspace } from '../src/core/auth/bootstrap.ts';
import type { AppServices } from '../src/core/http/route.ts';
import { createMetrics } from '../src/core/observability/metrics.ts';
import { systemScope } from '../src/core/resource/scope.ts';
import { systemActorId } from '../src/core/sagas/audit.ts';
import { type ActionStep, defineSaga } from '../src/core/sagas/define.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/connection.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { shipshapeModules } from '../src/modules/index.ts';
import { percentile } from './timed-process.ts';

const sequential = Number(process.env.BENCH_SEQUENTIAL ?? 200);
const concurrent = Number(process.env.BENCH_CONCURRENT ?? 1000);
const postgresUrl = process.env.BENCH_DATABASE_URL;
const benchDatabase = 'shipshape_bench_sagas';

/** One step: inserts one row, outside the engine's transactions (an ordinary, non-transactional step). */
const step = (name: string): ActionStep<{ n: number }> => ({
  name,
  async run({ app, saga }) {
    await app.systemDatabase.query('insert into bench_saga_effects (saga, step) values ($1, $2)', [
      saga.id,
      name,
    ]);
    return { done: name };
  },
});

const benchSaga = defineSaga({
  type: 'bench.three-steps',
  title: 'Three steps',
  context: z.object({ n: z.number() }),
  steps: [step('one'), step('two'), step('three')],
});

interface Row {
  database: string;
  what: string;
  count: number;
  seconds: number;
  perSecond: number;
  p50?: number;
  p95?: number;
  /** Start to completion as the database saw it (created_at to completed_at): without idle()'s tail. */
  db50?: number;
  db95?: number;
}

async function measureOn(handle: DatabaseHandle, label: string): Promise<Row[]> {
  await migrateDatabase(handle);
  await handle.exec('create table bench_saga_effects (saga text not null, step text not null)');
  await bootstrapFirstWorkspace(handle, { adminEmail: 'bench@localhost', workspaceName: 'Bench' });
  const [workspace] = await handle.query<{ id: string }>('select id from workspaces limit 1');
  if (!workspace) throw new Error('no workspace');
  const { http, services } = await buildApp({
    config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' },
    database: handle,
    metrics: createMetrics(),
    modules: [...shipshapeModules, defineModule({ name: 'bench-sagas', sagas: [benchSaga] })],
    logger: false,
  });
  const scope = systemScope(services, workspace.id, systemActorId);
  try {
    const rows: Row[] = [];
    // Warm-up, not reported.
    await sequentialSagas(services, scope, 20);
    await sequentialBaseline(handle, 20);
    rows.push({ database: label, ...(await sequentialSagas(services, scope, sequential)) });
    rows.push({ database: label, ...(await sequentialBaseline(handle, sequential)) });
    rows.push({ database: label, ...(await concurrentSagas(services, scope, concurrent)) });
    rows.push({ database: label, ...(await concurrentBaseline(handle, concurrent)) });
    const [check] = await handle.query<{ count: number; distinct: number }>(
      `select count(*)::int as count, count(distinct (saga, step))::int as distinct from bench_saga_effects
       where saga not like 'baseline-%'`,
    );
    if (check?.count !== check?.distinct) throw new Error(`a step ran twice: ${JSON.stringify(check)}`);
    return rows;
  } finally {
    await http.close();
  }
}

type Scope = ReturnType<typeof systemScope>;

async function sequentialSagas(services: AppServices, scope: Scope, count: number) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const at = performance.now();
    await services.sagas.start(scope, benchSaga.type, { n: index });
    await services.sagas.idle();
    latencies.push(performance.now() - at);
  }
  await assertCompleted(services, count);
  const seconds = (performance.now() - started) / 1000;
  const inDatabase = await services.systemDatabase.query<{ ms: number }>(
    `select extract(epoch from (completed_at - created_at)) * 1000 as ms from workflow_sagas
     where saga_type = $1 order by created_at desc limit $2`,
    [benchSaga.type, count],
  );
  const dbMs = inDatabase.map((row) => Number(row.ms));
  return {
    db50: percentile(dbMs, 50),
    db95: percentile(dbMs, 95),
    what: 'saga, one after another',
    count,
    seconds,
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

/** Every saga of the bench type completed (at least `count` of them, none in another status). */
async function assertCompleted(services: AppServices, count: number) {
  const rows = await services.systemDatabase.query<{ status: string; count: number }>(
    `select status, count(*)::int as count from workflow_sagas where saga_type = $1 group by status`,
    [benchSaga.type],
  );
  const others = rows.filter((row) => row.status !== 'completed');
  const completed = rows.find((row) => row.status === 'completed')?.count ?? 0;
  if (others.length || completed < count)
    throw new Error(`not every saga completed: ${JSON.stringify(rows)}`);
}

const baselineSaga = async (handle: DatabaseHandle, id: string) => {
  for (const name of ['one', 'two', 'three'])
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into bench_saga_effects (saga, step) values (${id}, ${name})`);
    });
};

async function sequentialBaseline(handle: DatabaseHandle, count: number) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const at = performance.now();
    await baselineSaga(handle, `baseline-s-${index}`);
    latencies.push(performance.now() - at);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    what: 'baseline: 3 plain transactions, one after another',
    count,
    seconds,
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

async function concurrentSagas(services: AppServices, scope: Scope, count: number) {
  const started = performance.now();
  // All started in one transaction (a pool of 10 cannot take 1,000 start transactions at once), then
  // the drivers are woken: 1,000 sagas in flight at the same time.
  await scope.db.transaction(async (tx) => {
    for (let index = 0; index < count; index += 1)
      await services.sagas.start(scope, benchSaga.type, { n: index }, {}, tx);
  });
  services.sagas.kick();
  await services.sagas.idle();
  await assertCompleted(services, count);
  const seconds = (performance.now() - started) / 1000;
  return { what: `${count} sagas started at once`, count, seconds, perSecond: count / seconds };
}

async function concurrentBaseline(handle: DatabaseHandle, count: number) {
  const workers = 4;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let index = next++; index < count; index = next++)
        await baselineSaga(handle, `baseline-c-${index}`);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    what: `baseline: ${count} × 3 transactions, ${workers} at a time`,
    count,
    seconds,
    perSecond: count / seconds,
  };
}

const rows: Row[] = [];
{
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    rows.push(...(await measureOn(handle, 'PGlite')));
  } finally {
    await handle.close();
  }
}
if (postgresUrl) {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${benchDatabase} with (force)`);
  await admin.query(`create database ${benchDatabase}`);
  const target = new URL(postgresUrl);
  target.pathname = `/${benchDatabase}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 });
  try {
    rows.push(...(await measureOn(handle, 'PostgreSQL')));
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${benchDatabase} with (force)`);
    await admin.end();
  }
}

const ms = (value: number | undefined) => (value === undefined ? '' : value.toFixed(1));
console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)} at the end.\n`,
);
console.log(
  '| database | what | sagas | seconds | sagas/s | p50 ms | p95 ms | p50 / p95 ms in the database |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows)
  console.log(
    `| ${row.database} | ${row.what} | ${row.count} | ${row.seconds.toFixed(2)} | ${Math.round(row.perSecond)} | ${ms(row.p50)} | ${ms(row.p95)} | ${row.db50 === undefined ? '' : `${ms(row.db50)} / ${ms(row.db95)}`} |`,
  );
console.log(
  '\nReference: DBOS Transact 5.3, ~8–15 ms per 3-step workflow on PostgreSQL (measured before issue 16).',
);
