// API throughput: list 50 projects, get one, create one — served by Shipshape and, in the same run
// on the same database, by bare Fastify routes with hand-written SQL. The figure is the ratio.
//   npx tsx bench/api.bench.ts                      (PGlite; add BENCH_DATABASE_URL for PostgreSQL)
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=10           (per operation and server; defaults 5 and 10)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seededProjects = 200;
const token = `shp_bench_${randomBytes(16).toString('hex')}`;

interface Servers {
  shipshapeUrl: string;
  bareUrl: string;
  child: ChildProcess;
}

interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function startServers(environment: Record<string, string>): Promise<Servers> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'api-servers.ts')],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        SHIPSHAPE_ADMIN_TOKEN: token,
        // One token sends all the load: the per-credential limit would answer 429 to most of it.
        RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: '0',
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const output = child.stdout;
  if (!output) throw new Error('the bench server has no stdout');
  const firstLine = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: output }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { ...JSON.parse(firstLine), child };
}

async function stopServers(servers: Servers): Promise<void> {
  const exited = new Promise((resolve) => servers.child.once('exit', resolve));
  servers.child.kill('SIGTERM');
  await exited;
}

async function call(url: string, init: RequestInit = {}): Promise<{ id: string }> {
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

async function load(options: autocannon.Options): Promise<Measure> {
  const result = await autocannon({ connections, duration: seconds, ...options });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** Unique keys for created projects: A + 19 characters of a counter in base 36, per run. */
function keyFactory(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}${(next++).toString(36).toUpperCase().padStart(8, '0')}`;
}

async function measure(label: string, environment: Record<string, string>): Promise<string[]> {
  const servers = await startServers(environment);
  try {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let oneId = '';
    for (let index = 0; index < seededProjects; index++) {
      const body = JSON.stringify({ name: `Seed ${index}`, key: `S${index.toString().padStart(4, '0')}` });
      const project = await call(`${servers.shipshapeUrl}/api/v1/projects`, { method: 'POST', body });
      oneId ||= project.id;
    }
    const targets = {
      shipshape: { base: `${servers.shipshapeUrl}/api/v1/projects`, headers, key: keyFactory('SHIP') },
      bare: { base: `${servers.bareUrl}/projects`, headers, key: keyFactory('BARE') },
    };
    const rows: string[] = [];
    for (const operation of ['list 50', 'get one', 'create one'] as const) {
      const results: Partial<Record<keyof typeof targets, Measure>> = {};
      for (const name of ['bare', 'shipshape'] as const) {
        const target = targets[name];
        // A short warm-up so JIT and connection pools are in the same state for both.
        const options: autocannon.Options =
          operation === 'list 50'
            ? { url: `${target.base}?limit=50`, headers: target.headers }
            : operation === 'get one'
              ? { url: `${target.base}/${oneId}`, headers: target.headers }
              : {
                  url: target.base,
                  method: 'POST',
                  headers: target.headers,
                  requests: [
                    {
                      setupRequest: (request) => ({
                        ...request,
                        body: JSON.stringify({ name: 'Bench project', key: target.key() }),
                      }),
                    },
                  ],
                };
        await load({ ...options, duration: 1 });
        results[name] = await load(options);
      }
      const { bare, shipshape } = results as Record<keyof typeof targets, Measure>;
      failedRequests += shipshape.errors + bare.errors;
      rows.push(
        `| ${label} | ${operation} | ${fmt(shipshape.requestsPerSecond)} | ${shipshape.p50} / ${shipshape.p99} | ${fmt(bare.requestsPerSecond)} | ${bare.p50} / ${bare.p99} | **${(shipshape.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}** | ${shipshape.errors + bare.errors} |`,
      );
    }
    return rows;
  } finally {
    await stopServers(servers);
  }
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

async function withScratchPostgres<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `shipshape_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const rows: string[] = [];
let failedRequests = 0;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-'));
try {
  rows.push(...(await measure('PGlite', { DATA_DIR: dataDir })));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl) {
  rows.push(
    ...(await withScratchPostgres(postgresUrl, (url) => measure('PostgreSQL', { DATABASE_URL: url }))),
  );
}

console.log(
  `\n${connections} connections, ${seconds} s per measurement, ${os.cpus().length} CPUs, Node ${process.version}\n`,
);
console.log(
  '| database | operation | Shipshape req/s | p50 / p99 ms | bare req/s | p50 / p99 ms | ratio | errors |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
if (failedRequests > 0) {
  console.error(`\n${failedRequests} request(s) failed: the figures above are not comparable.`);
  process.exitCode = 1;
}
