// Feature-flag SDK endpoints: OFREP single-flag evaluations per second and their latency, the
// Unleash features endpoint answering 304 to polls with an ETag, and the server time of a bulk
// evaluation of 200 flags (the service measured in-process, without HTTP).
//   npx tsx bench/flag-ofrep.bench.ts              (PGlite; add BENCH_DATABASE_URL for PostgreSQL too)
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=10          (per measurement; defaults 5 and 10)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import type { EnvironmentSnapshot, FlagDefinition } from '../src/engines/flag-eval/index.ts';
import { createEvaluationCounter } from '../src/modules/flags/sdk/counts.ts';
import type { SdkKey } from '../src/modules/flags/sdk/keys.ts';
import { evaluateAllFlags } from '../src/modules/flags/sdk/ofrep.ts';
import { createSnapshotCache } from '../src/modules/flags/sdk/snapshots.ts';
import { type FlagSetup, richFlagSet } from '../src/modules/flags/sdk/test-helpers.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const flagCount = 200;
const token = `shp_bench_${randomBytes(16).toString('hex')}`;

interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: string;
}

/** 200 flags: the rich set's shapes over and over, under distinct keys (prerequisites renamed). */
function benchFlags(segmentId: number): FlagSetup[] {
  const shapes = richFlagSet(segmentId);
  return Array.from({ length: flagCount }, (_, index) => {
    const shape = shapes[index % shapes.length] as FlagSetup;
    const round = Math.floor(index / shapes.length);
    return {
      ...shape,
      key: `${shape.key}-${round}`,
      prerequisites: shape.prerequisites?.map((prerequisite) => ({
        ...prerequisite,
        flagKey: `${prerequisite.flagKey}-${round}`,
      })),
    };
  });
}

async function startServer(
  environment: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'api-servers.ts')],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        SHIPSHAPE_ADMIN_TOKEN: token,
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
  return { url: JSON.parse(firstLine).shipshapeUrl, child };
}

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A project with 200 flags in production and a server-side SDK key, made through the management API. */
async function seed(baseUrl: string): Promise<string> {
  const project = await call(`${baseUrl}/api/v1/projects`, 'POST', { name: 'Bench flags', key: 'BENCHF' });
  const base = `${baseUrl}/api/v1/projects/${project.id}`;
  const segment = await call(`${base}/flag-segments`, 'POST', {
    name: 'Paying customers',
    constraints: [{ contextName: 'plan', operator: 'IN', values: ['pro', 'enterprise'] }],
  });
  const flags = benchFlags(segment.number);
  for (const flag of flags) {
    await call(`${base}/flags`, 'POST', {
      key: flag.key,
      kind: 'release',
      valueType: flag.valueType ?? 'boolean',
      defaultValue: flag.defaultValue ?? false,
      ...(flag.variants?.length ? { variants: flag.variants } : {}),
    });
    const detail = await call(`${base}/flags/${flag.key}`, 'GET');
    const production = detail.environments.find(
      (row: { environment: string }) => row.environment === 'production',
    );
    await call(
      `${base}/flags/${flag.key}/environments/production`,
      'PUT',
      {
        enabled: flag.enabled ?? true,
        rules: flag.rules ?? [],
        variants: flag.variants ?? [],
        defaultValue: flag.defaultValue ?? false,
      },
      { 'if-match': `"v${production.version}"` },
    );
  }
  for (const flag of flags.filter((candidate) => candidate.prerequisites?.length))
    await call(`${base}/flags/${flag.key}/prerequisites`, 'PUT', { prerequisites: flag.prerequisites });
  const key = await call(`${base}/flag-sdk-keys`, 'POST', {
    environment: 'production',
    kind: 'server',
    name: 'bench',
  });
  return key.secret;
}

async function load(options: autocannon.Options): Promise<Measure> {
  await autocannon({ connections, duration: 1, ...options });
  const result = await autocannon({ connections, duration: seconds, ...options });
  const statuses = (['2xx', '3xx', '4xx', '5xx'] as const)
    .filter((kind) => result[kind] > 0)
    .map((kind) => `${kind}: ${result[kind]}`)
    .join(', ');
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result['4xx'] + result['5xx'],
    statuses,
  };
}

async function measureHttp(label: string, environment: Record<string, string>): Promise<string[]> {
  const { url, child } = await startServer(environment);
  try {
    const secret = await seed(url);
    const sdkHeaders = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    // One context: the engine caches nothing per user, so every request hashes and evaluates anew,
    // and autocannon sends prebuilt requests instead of building each one.
    const single = await load({
      url: `${url}/ofrep/v1/evaluate/flags/banner-colour-3`,
      method: 'POST',
      headers: sdkHeaders,
      body: JSON.stringify({ context: { targetingKey: 'user-4711', plan: 'pro' } }),
    });
    const features = await fetch(`${url}/api/client/features`, { headers: { authorization: secret } });
    const etag = features.headers.get('etag') ?? '';
    const notModified = await load({
      url: `${url}/api/client/features`,
      headers: { authorization: secret, 'if-none-match': etag },
    });
    const bulk = await load({
      url: `${url}/ofrep/v1/evaluate/flags`,
      method: 'POST',
      headers: sdkHeaders,
      body: JSON.stringify({ context: { targetingKey: 'user-1', plan: 'pro', country: 'SE' } }),
    });
    const row = (operation: string, measure: Measure) =>
      `| ${label} | ${operation} | ${fmt(measure.requestsPerSecond)} | ${measure.p50} / ${measure.p99} | ${measure.errors} | ${measure.statuses} |`;
    return [
      row('OFREP evaluate one flag', single),
      row('Unleash features, ETag → 304', notModified),
      row(`OFREP bulk, ${flagCount} flags`, bulk),
    ];
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The bulk evaluation service on a 200-flag snapshot in memory: evaluate, serialize, ETag. */
async function measureBulkInProcess(): Promise<string> {
  const flags: FlagDefinition[] = benchFlags(1).map((flag) => ({
    key: flag.key,
    type: flag.valueType ?? 'boolean',
    enabled: flag.enabled ?? true,
    rules: flag.rules ?? [],
    variants: flag.variants ?? [],
    defaultValue: flag.defaultValue ?? false,
    prerequisites: flag.prerequisites ?? [],
  }));
  const snapshot: EnvironmentSnapshot = {
    environment: 'production',
    flags,
    segments: [
      {
        id: 1,
        name: 'Paying customers',
        constraints: [{ contextName: 'plan', operator: 'IN', values: ['pro'] }],
      },
    ],
  };
  const key: SdkKey = {
    id: 'k',
    workspaceId: 'w',
    projectId: 'p',
    environmentId: 'e',
    environment: 'production',
    kind: 'server',
  };
  const snapshots = createSnapshotCache(
    { stamp: async () => 'one', load: async () => snapshot },
    { revalidateMs: 1e9, maxStaleMs: 1e9 },
  );
  const counter = createEvaluationCounter(
    async () => undefined,
    () => undefined,
    60_000,
  );
  const sdkCall = { key, snapshots, counter, writeTallies: async () => undefined };
  const timings: number[] = [];
  for (let run = 0; run < 2_200; run++) {
    const body = Buffer.from(
      JSON.stringify({
        context: { targetingKey: `user-${run}`, plan: run % 2 ? 'pro' : 'free', country: 'SE' },
      }),
    );
    const started = performance.now();
    await evaluateAllFlags(sdkCall, body, undefined);
    if (run >= 200) timings.push(performance.now() - started);
  }
  await counter.close();
  timings.sort((a, b) => a - b);
  const at = (share: number) => (timings[Math.floor(share * (timings.length - 1))] ?? 0).toFixed(3);
  return `| in-process | OFREP bulk, ${flagCount} flags (service: parse, evaluate, serialize, ETag) | median ${at(0.5)} ms, p99 ${at(0.99)} ms over ${timings.length} runs |`;
}

/** A database of its own for the run, dropped afterwards. */
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

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

const rows: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-'));
try {
  rows.push(...(await measureHttp('PGlite', { DATA_DIR: dataDir })));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl)
  rows.push(
    ...(await withScratchPostgres(postgresUrl, (url) => measureHttp('PostgreSQL', { DATABASE_URL: url }))),
  );
const bulkRow = await measureBulkInProcess();

console.log(
  `\n${connections} connections, ${seconds} s per measurement after 1 s of warm-up, ${os.cpus().length} CPUs, Node ${process.version}\n`,
);
console.log('| database | operation | req/s | p50 / p99 ms | errors | statuses |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
console.log(`\n${bulkRow}`);
if (rows.some((row) => !/\| 0 \| [^|]*\|$/.test(row))) process.exitCode = 1;
