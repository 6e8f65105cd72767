// Flaky-test analysis over a long history: 200 imported runs × 2,000 tests on `main` (plus runs of
// another branch interleaved), seeded straight into the tables as the importer leaves them, then
// `GET …/flaky-tests?runs=200` timed through the real server — the first (cold) call and the
// median and p95 of the next ones — against one hand-written SQL statement answering the same
// question on the same database handle (the baseline: no API, no paging, no serialization).
//   npm run bench -- flaky-analysis                   (PGlite; BENCH_DATABASE_URL adds PostgreSQL)
//   BENCH_FLAKY_RUNS=200 BENCH_FLAKY_TESTS=2000 BENCH_FLAKY_REPEAT=10
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { BaselineRequest, SeedRequest } from './flaky-seed-server.ts';
import {
  createProject,
  loadAverage,
  memoryOf,
  startServer,
  token,
  withScratchDataDir,
  withScratchPostgres,
} from './test-evidence-server.ts';
import { percentile } from './timed-process.ts';

const runs = Number(process.env.BENCH_FLAKY_RUNS ?? 200);
const tests = Number(process.env.BENCH_FLAKY_TESTS ?? 2000);
const repeat = Number(process.env.BENCH_FLAKY_REPEAT ?? 10);
const postgresUrl = process.env.BENCH_DATABASE_URL;

function ask<T>(child: ChildProcess, request: SeedRequest | BaselineRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (answer: { ok: boolean; result?: T; error?: string }) => {
      if (answer.ok && answer.result !== undefined) resolve(answer.result);
      else reject(new Error(answer.error ?? 'the seed server gave no answer'));
    });
    child.send(request);
  });
}

async function timedGet(url: string): Promise<{ ms: number; status: number; items: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  const ms = performance.now() - started;
  let items = 0;
  try {
    items = JSON.parse(body).data?.length ?? 0;
  } catch {
    // Not JSON: the status and the body say what went wrong.
  }
  return { ms, status: response.status, items, body };
}

async function measure(label: string, environment: Record<string, string>): Promise<string[]> {
  const server = await startServer(
    environment,
    ['--import', 'tsx'],
    [path.join(import.meta.dirname, 'flaky-seed-server.ts')],
  );
  try {
    const projectId = await createProject(server.url, `FLK${label.slice(0, 2).toUpperCase()}`);
    const seeded = await ask<{ seconds: number; otherRuns: number }>(server.child, {
      kind: 'seed',
      projectId,
      runs,
      tests,
      otherRuns: 25,
    });
    console.log(
      `${label}: seeded ${runs} runs × ${tests} tests (+${seeded.otherRuns} runs of another branch) in ${seeded.seconds.toFixed(1)} s`,
    );
    const url = `${server.url}/api/v1/projects/${projectId}/flaky-tests?runs=${runs}`;
    const cold = await timedGet(url);
    const warm: number[] = [];
    for (let index = 0; index < repeat && cold.status === 200; index++) warm.push((await timedGet(url)).ms);
    const bare = await ask<number[]>(server.child, { kind: 'baseline', projectId, runs, repeat: repeat + 1 });
    const bareWarm = bare.slice(1);
    const rss = memoryOf(server.pid);
    const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms.toFixed(0));
    const api =
      cold.status === 200
        ? `| ${label} | \`GET flaky-tests?runs=${runs}\` (${cold.items} items on the first page) | ${fmt(cold.ms)} | ${fmt(percentile(warm, 50))} | ${fmt(percentile(warm, 95))} | ${fmt(Math.max(...warm))} | ${rss.rssMb.toFixed(0)} |`
        : `| ${label} | \`GET flaky-tests?runs=${runs}\` answered ${cold.status}: ${cold.body.slice(0, 120)} | | | | | |`;
    if (cold.status !== 200) process.exitCode = 1;
    return [
      api,
      `| ${label} | baseline: one hand-written SQL statement (top 50) | ${fmt(bare[0])} | ${fmt(percentile(bareWarm, 50))} | ${fmt(percentile(bareWarm, 95))} | ${fmt(Math.max(...bareWarm))} | |`,
    ];
  } finally {
    await server.stop();
  }
}

console.log(`Load average at the start: ${loadAverage()}; ${os.cpus().length} CPUs, Node ${process.version}`);
const rows: string[] = [];
rows.push(...(await withScratchDataDir((dataDir) => measure('PGlite', { DATA_DIR: dataDir }))));
if (postgresUrl)
  rows.push(
    ...(await withScratchPostgres(postgresUrl, (url) => measure('PostgreSQL', { DATABASE_URL: url }))),
  );
console.log(`\n| database | query | first ms | median ms | p95 ms | max ms | server RSS MB |`);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(`\n${repeat} timed calls after the first; load average at the end: ${loadAverage()}`);
