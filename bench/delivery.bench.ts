// A delivery sync at the issue's size and the metric queries over what it wrote. The app is built as
// the server builds it (buildApp, every module, 4 saga drivers) and called through inject; GitLab
// and Jira are the local replay server (startDeliveryReplay) in this same process, on 127.0.0.1.
// Per database: the transport floor (the same pages read with the same clients, nothing kept), a
// full sync of every GitLab source at once then of the Jira source, then each metric endpoint 30
// times over 2024. Peak RSS is this process's (app, replay server and, for PGlite, the database).
// PGlite, and with BENCH_DATABASE_URL a PostgreSQL database created for the run and dropped after.
//
//   npx tsx bench/delivery.bench.ts                                    # PGlite only
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/delivery.bench.ts    # PGlite and PostgreSQL
//   BENCH_MRS=10000 BENCH_ISSUES=50000 BENCH_QUERY_CALLS=30 BENCH_DATABASES=pglite,postgres
import os from 'node:os';
import pg from 'pg';
import { z } from 'zod';
import { buildApp } from '../src/app.ts';
import { bootstrapFirstWorkspace } from '../src/core/auth/bootstrap.ts';
import { createMetrics } from '../src/core/observability/metrics.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/connection.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import {
  type DeliveryDataset,
  type DeliveryReplay,
  startDeliveryReplay,
  syntheticDelivery,
} from '../src/test-support/delivery-replay/index.ts';
import { type ReadFigures, readGitlabFloor, readJiraFloor } from './delivery-floor.ts';
import {
  type ApiCaller,
  apiCaller,
  expectStatus,
  megabytes,
  type RssSampler,
  startRssSampler,
} from './delivery-measure.ts';
import { measureQueries, metricWindow, type QueryFigures } from './delivery-queries.ts';
import { type DeliverySetup, jiraJql, setUpDelivery, syncSources } from './delivery-sync.ts';

const mergeRequests = Number(process.env.BENCH_MRS ?? 10_000);
const jiraIssues = Number(process.env.BENCH_ISSUES ?? 50_000);
const queryCalls = Number(process.env.BENCH_QUERY_CALLS ?? 30);
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const postgresUrl = process.env.BENCH_DATABASE_URL;
const benchDatabase = 'shipshape_bench_delivery';
/** The app's default number of saga drivers: at most this many sources sync at once. */
const sagaDrivers = 4;

interface SyncRow {
  database: string;
  what: string;
  seconds: number;
  pages: number;
  items: number;
  peakRssMb: number;
  floorSeconds?: number;
}

interface Measured {
  syncs: SyncRow[];
  queries: (QueryFigures & { database: string })[];
  answered: string;
}

const ok = (value: { items: number }, expected: number, what: string) => {
  if (value.items !== expected) throw new Error(`${what}: ${value.items} items, expected ${expected}`);
};

async function startApp(handle: DatabaseHandle) {
  await migrateDatabase(handle);
  const boot = await bootstrapFirstWorkspace(handle, {
    adminEmail: 'bench@localhost',
    workspaceName: 'Bench',
  });
  if (!boot.created) throw new Error('the bench database already had a workspace');
  const { http, services } = await buildApp({
    config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' },
    database: handle,
    metrics: createMetrics(),
    // One caller sends every request; the per-token limit (1,200 a minute) is not what is measured.
    auth: {
      rateLimits: { signInPerMinute: 20, invitationsPerMinute: 20, perCredentialPerMinute: 1_000_000 },
    },
    logger: false,
  });
  await http.ready();
  return { http, services, api: apiCaller(http, boot.token) };
}

type Started = Awaited<ReturnType<typeof startApp>>;

/** Floor then sync, GitLab then Jira; each step with its own peak RSS and its item count checked. */
async function syncRows(label: string, context: Context, app: Started, setup: DeliverySetup) {
  const { dataset, replay, rss } = context;
  const expectedGitlab = Object.values(dataset.gitlab.projects).reduce(
    (sum, project) => sum + project.mergeRequests.length + project.deployments.length,
    0,
  );
  const step = async (what: string, expected: number, read: () => Promise<ReadFigures>) => {
    rss.restart();
    const figures = await read();
    ok(figures, expected, `${label} ${what}`);
    replay.requests.length = 0;
    // Progress on stderr, so a long run shows where it is; the results go to stdout at the end.
    console.error(`${label} ${what}: ${figures.items} items in ${figures.seconds.toFixed(1)} s`);
    return { database: label, what, ...figures, peakRssMb: megabytes(rss.peak()) };
  };
  const projects = Object.keys(dataset.gitlab.projects).length;
  const gitlabFloor = await step(
    `floor: read GitLab, ${projects} projects, ${sagaDrivers} at a time`,
    expectedGitlab,
    () => readGitlabFloor(dataset, replay.url, sagaDrivers),
  );
  const gitlab = await step(`sync GitLab, ${projects} sources at once`, expectedGitlab, () =>
    syncSources(app.api, app.services, setup.projectId, setup.gitlabSources),
  );
  const jiraFloor = await step('floor: read Jira', jiraIssues, () =>
    readJiraFloor(dataset, replay.url, jiraJql),
  );
  const jira = await step('sync Jira, 1 source', jiraIssues, () =>
    syncSources(app.api, app.services, setup.projectId, [setup.jiraSource]),
  );
  return [
    gitlabFloor,
    { ...gitlab, floorSeconds: gitlabFloor.seconds },
    jiraFloor,
    { ...jira, floorSeconds: jiraFloor.seconds },
  ];
}

async function measureOn(handle: DatabaseHandle, label: string, context: Context): Promise<Measured> {
  const app = await startApp(handle);
  try {
    const setup = await setUpDelivery(app.api, context.dataset, context.replay.url);
    const syncs: SyncRow[] = await syncRows(label, context, app, setup);
    context.rss.restart();
    const queries = await measureQueries(app.api, setup.projectId, queryCalls);
    syncs.push({
      database: label,
      what: `metric queries (${queries.length} endpoints × ${queryCalls})`,
      seconds: Number.NaN,
      pages: 0,
      items: 0,
      peakRssMb: megabytes(context.rss.peak()),
    });
    return {
      syncs,
      queries: queries.map((query) => ({ database: label, ...query })),
      answered: await answeredCounts(app.api, setup.projectId, label),
    };
  } finally {
    await app.http.close();
  }
}

/** What the metrics counted over the window: shows the queries ran over the synced data, not over nothing. */
async function answeredCounts(api: ApiCaller, projectId: string, label: string) {
  const base = `/api/v1/projects/${projectId}/delivery/metrics`;
  const mergeRequests = z.object({ overall: z.object({ merged: z.number() }) });
  const jira = z.object({ overall: z.object({ done: z.number() }) });
  const merged = mergeRequests.parse(
    expectStatus(await api.get(`${base}/merge-requests`, metricWindow), 200, 'metrics/merge-requests'),
  ).overall.merged;
  const done = jira.parse(expectStatus(await api.get(`${base}/jira`, metricWindow), 200, 'metrics/jira'))
    .overall.done;
  return `${label}: over 2024 the metrics counted ${merged} merged MRs and ${done} done issues.`;
}

interface Context {
  dataset: DeliveryDataset;
  replay: DeliveryReplay;
  rss: RssSampler;
}

async function onPostgres(url: string, context: Context): Promise<Measured> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${benchDatabase} with (force)`);
  await admin.query(`create database ${benchDatabase}`);
  const target = new URL(url);
  target.pathname = `/${benchDatabase}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 });
  try {
    return await measureOn(handle, 'PostgreSQL', context);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${benchDatabase} with (force)`);
    await admin.end();
  }
}

const startedAt = new Date();
const dataset = syntheticDelivery({ mergeRequests, jiraIssues, seed: 42 });
const replay = await startDeliveryReplay(dataset);
const rss = startRssSampler();
const datasetRssMb = megabytes(process.memoryUsage().rss);
const results: Measured[] = [];
try {
  if (databases.includes('pglite')) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      results.push(await measureOn(handle, 'PGlite', { dataset, replay, rss }));
    } finally {
      await handle.close();
    }
  }
  if (postgresUrl && databases.includes('postgres'))
    results.push(await onPostgres(postgresUrl, { dataset, replay, rss }));
} finally {
  rss.stop();
  await replay.close();
}

const fixed = (value: number, digits = 1) => (Number.isNaN(value) ? '' : value.toFixed(digits));
console.log(
  `Node ${process.version}, ${os.cpus().length} CPUs; ${startedAt.toISOString()} to ${new Date().toISOString()};` +
    ` load average ${os.loadavg()[0]?.toFixed(2)} at the end.`,
);
console.log(
  `Dataset: ${mergeRequests} MRs in ${Object.keys(dataset.gitlab.projects).length} projects, ${jiraIssues} Jira issues; RSS ${datasetRssMb} MB with it built and served.\n`,
);
console.log('| database | what | seconds | pages | items | items/s | × floor | peak RSS MB |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.flatMap((result) => result.syncs))
  console.log(
    `| ${row.database} | ${row.what} | ${fixed(row.seconds)} | ${row.pages || ''} | ${row.items || ''} | ${row.items ? Math.round(row.items / row.seconds) : ''} | ${row.floorSeconds ? fixed(row.seconds / row.floorSeconds) : ''} | ${row.peakRssMb} |`,
  );
console.log(
  `\n| database | endpoint (${metricWindow.from} to ${metricWindow.to}) | calls | p50 ms | p95 ms | max ms | p95 < 300 ms |`,
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
for (const row of results.flatMap((result) => result.queries))
  console.log(
    `| ${row.database} | ${row.endpoint} | ${row.calls} | ${fixed(row.p50)} | ${fixed(row.p95)} | ${fixed(row.max)} | ${row.p95 < 300 ? 'yes' : 'no'} |`,
  );
console.log('');
for (const result of results) console.log(result.answered);
