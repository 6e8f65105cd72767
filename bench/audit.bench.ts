// Append throughput of the audit trail: events appended through the hash chain (appendEvent: lock
// the workspace's chain head, hash, insert, move the head, notify) against plain INSERTs of the same
// rows into a table with the same columns and indexes, in the same run. And what the access log
// costs per request: one INSERT per entry against the batched INSERT the server uses.
//
//   npx tsx bench/audit.bench.ts                         # PGlite only
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/audit.bench.ts   # PGlite and PostgreSQL
//   BENCH_EVENTS=2000 (events per measurement, default 2000)
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { auditLogs } from '../src/core/access-log/tables.ts';
import { systemContext } from '../src/core/auth/context.ts';
import { appendEvent } from '../src/core/events/append.ts';
import { chainHash, genesisHash } from '../src/core/events/chain.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/connection.ts';
import { migrateDatabase } from '../src/db/migrate.ts';

const eventsPerRun = Number(process.env.BENCH_EVENTS ?? 2000);
const postgresUrl = process.env.BENCH_DATABASE_URL;

interface Row {
  database: string;
  writers: number;
  workspaces: number;
  chained: number;
  plain: number;
}

function changesFor(index: number) {
  return {
    name: { before: `Project ${index}`, after: `Project ${index} renamed` },
    description: { before: 'x'.repeat(120), after: 'y'.repeat(140) },
  };
}

/** Runs `total` operations split over `writers` concurrent loops; answers operations per second. */
async function measure(
  writers: number,
  total: number,
  operation: (writer: number, index: number) => Promise<void>,
) {
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = next++; index < total; index = next++) await operation(writer, index);
    }),
  );
  return total / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function appendBenchmark(handle: DatabaseHandle, label: string): Promise<Row[]> {
  // The baseline table: same columns, same indexes (incl. the unique (workspace, sequence)), no chain.
  await handle.exec(
    `create table bench_plain_events (like audit_events including defaults including indexes)`,
  );
  const rows: Row[] = [];
  for (const [writers, workspaceCount] of [
    // Warm-up (JIT, caches, connections), not reported.
    [8, 8],
    [1, 1],
    [8, 1],
    [8, 8],
  ] as const) {
    const workspaces = Array.from({ length: workspaceCount }, () => randomUUID());
    const userId = randomUUID();
    // Appends as the resource layer does, without sensitive fields or in-transaction listeners.
    const events = { cipher: null, sensitiveFields: () => [], listeners: [] };
    const contexts = workspaces.map((workspaceId) => ({
      ctx: systemContext(workspaceId, userId),
      app: { events },
    }));
    const chained = await measure(writers, eventsPerRun, async (writer, index) => {
      const ctx = contexts[writer % workspaceCount] as (typeof contexts)[number];
      await handle.db.transaction((tx) =>
        appendEvent(tx, ctx, {
          eventType: 'project.updated',
          aggregateType: 'bench_project',
          aggregateId: uuidv7(),
          aggregateVersion: 2,
          changes: changesFor(index),
        }),
      );
    });
    // The same rows, hashed the same way, but numbered by the writer itself with no lock and no head.
    const sequences = workspaces.map(() => 0);
    const plain = await measure(writers, eventsPerRun, async (writer, index) => {
      const slot = writer % workspaceCount;
      sequences[slot] = (sequences[slot] ?? 0) + 1;
      const event = {
        id: uuidv7(),
        workspaceId: workspaces[slot] as string,
        sequence: sequences[slot] as number,
        eventType: 'project.updated',
        aggregateType: 'bench_project',
        aggregateId: uuidv7(),
        aggregateVersion: 2,
        userId,
        eventData: { changes: changesFor(index) },
        metadata: { requestId: 'system' },
        occurredAt: new Date(),
      };
      const hash = chainHash(genesisHash, event);
      await handle.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into bench_plain_events
            (id, workspace_id, sequence, event_type, aggregate_type, aggregate_id, aggregate_version, user_id,
             event_data, metadata, occurred_at, prev_hash, hash)
            values (${event.id}, ${event.workspaceId}, ${event.sequence}, ${event.eventType}, ${event.aggregateType},
             ${event.aggregateId}, ${event.aggregateVersion}, ${event.userId}, ${JSON.stringify(event.eventData)}::jsonb,
             ${JSON.stringify(event.metadata)}::jsonb, ${event.occurredAt.toISOString()}, ${genesisHash}, ${hash})`,
        );
      });
    });
    rows.push({ database: label, writers, workspaces: workspaceCount, chained, plain });
  }
  return rows.slice(1);
}

async function accessLogBenchmark(handle: DatabaseHandle, label: string) {
  const entry = () => ({
    id: uuidv7(),
    workspaceId: randomUUID(),
    userId: randomUUID(),
    method: 'GET',
    route: '/api/v1/projects/:id',
    status: 200,
    durationMs: 1.25,
    sourceAddress: '127.0.0.1',
    userAgent: 'bench',
    requestId: randomBytes(8).toString('hex'),
    occurredAt: new Date(),
  });
  const single = await measure(8, eventsPerRun, async () => {
    await handle.db.insert(auditLogs).values(entry());
  });
  const batchSize = 500;
  const batches = Math.max(1, Math.floor(eventsPerRun / batchSize));
  const batchedPerSecond =
    (await measure(1, batches, async () => {
      await handle.db.insert(auditLogs).values(Array.from({ length: batchSize }, entry));
    })) * batchSize;
  return { database: label, single, batched: batchedPerSecond };
}

async function withPostgres<T>(url: string, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const name = `shipshape_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 });
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

const appendRows: Row[] = [];
const accessRows: Awaited<ReturnType<typeof accessLogBenchmark>>[] = [];
await withPglite(async (handle) => {
  appendRows.push(...(await appendBenchmark(handle, 'PGlite')));
  accessRows.push(await accessLogBenchmark(handle, 'PGlite'));
});
if (postgresUrl) {
  await withPostgres(postgresUrl, async (handle) => {
    appendRows.push(...(await appendBenchmark(handle, 'PostgreSQL')));
    accessRows.push(await accessLogBenchmark(handle, 'PostgreSQL'));
  });
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');
console.log(`Appends: ${eventsPerRun} events per measurement, one transaction each.\n`);
console.log('| database | writers | workspaces | hash chain events/s | plain INSERT rows/s | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of appendRows) {
  console.log(
    `| ${row.database} | ${row.writers} | ${row.workspaces} | ${format(row.chained)} | ${format(row.plain)} | **${(row.chained / row.plain).toFixed(2)}** |`,
  );
}
console.log(
  '\nAccess log: one INSERT per entry (8 concurrent) against batches of 500 (what the server does).\n',
);
console.log('| database | one INSERT per entry, entries/s | batched, entries/s | batched / single |');
console.log('| --- | ---: | ---: | ---: |');
for (const row of accessRows) {
  console.log(
    `| ${row.database} | ${format(row.single)} | ${format(row.batched)} | **${(row.batched / row.single).toFixed(1)}×** |`,
  );
}
