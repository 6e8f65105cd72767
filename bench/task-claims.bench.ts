// Task claims under load: 10,000 open tasks, 50 agents (each an agent identity with its own token)
// calling `POST …/tasks/claim-next` over HTTP against a real server on 127.0.0.1 until none is
// left. Asserts that no task was handed out twice and that every task ended claimed; reports claims
// per second and the p50/p95 latency, beside a same-run baseline: the same 50 agents reading one
// task (`GET …/tasks/{id}`) as fast as they can.
//   npm run bench -- task-claims          (PGlite; BENCH_DATABASE_URL adds PostgreSQL)
//   BENCH_TASKS=10000 BENCH_AGENTS=50 BENCH_BASELINE_READS=2500
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { CountClaims, SeedTasks } from './task-claims-server.ts';
import {
  api,
  createProject,
  loadAverage,
  memoryOf,
  startServer,
  withScratchDataDir,
  withScratchPostgres,
} from './test-evidence-server.ts';
import { percentile } from './timed-process.ts';

const taskCount = Number(process.env.BENCH_TASKS ?? 10_000);
const agentCount = Number(process.env.BENCH_AGENTS ?? 50);
const baselineReads = Number(process.env.BENCH_BASELINE_READS ?? 2_500);
const postgresUrl = process.env.BENCH_DATABASE_URL;

function ask<T>(child: ChildProcess, request: SeedTasks | CountClaims): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (answer: { ok: boolean; result?: T; error?: string }) => {
      if (answer.ok && answer.result !== undefined) resolve(answer.result);
      else reject(new Error(answer.error ?? 'the seed server gave no answer'));
    });
    child.send(request);
  });
}

interface Timed {
  ms: number;
  status: number;
  body: string;
}

async function timed(url: string, token: string, method: string, body?: unknown): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, body: text };
}

/** 50 agent identities, each with a token of its own. */
async function agentsOf(url: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < agentCount; index += 1) {
    const agent = await api<{ user: { id: string } }>(`${url}/api/v1/agents`, 'POST', {
      name: `Bench agent ${index}`,
    });
    const token = await api<{ secret: string }>(`${url}/api/v1/tokens`, 'POST', {
      name: `bench ${index}`,
      userId: agent.user.id,
    });
    tokens.push(token.secret);
  }
  return tokens;
}

interface Round {
  requests: number;
  seconds: number;
  latencies: number[];
}

function summary(label: string, round: Round, extra = ''): string {
  const rate = round.requests / round.seconds;
  const p = (q: number) => percentile(round.latencies, q).toFixed(1);
  return `| ${label} | ${round.requests.toLocaleString('en')} | ${round.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString('en')} | ${p(50)} | ${p(95)} | ${extra} |`;
}

async function measure(label: string, environment: Record<string, string>): Promise<string[]> {
  const server = await startServer(
    environment,
    ['--import', 'tsx'],
    [path.join(import.meta.dirname, 'task-claims-server.ts')],
  );
  try {
    const projectId = await createProject(server.url, `TCL${label.slice(0, 2).toUpperCase()}`);
    const tokens = await agentsOf(server.url);
    const seeded = await ask<{ seconds: number }>(server.child, {
      kind: 'seed',
      projectId,
      tasks: taskCount,
    });
    const base = `${server.url}/api/v1/projects/${projectId}/tasks`;
    const first = await api<{ data: { id: string }[] }>(`${base}?limit=1`);
    const one = first.data[0]?.id;
    if (!one) throw new Error('no task was seeded');

    // Baseline: the same agents reading one task, as fast as they can.
    const reads: number[] = [];
    let left = baselineReads;
    const readStarted = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        while (left > 0) {
          left -= 1;
          const answer = await timed(`${base}/${one}`, token, 'GET');
          if (answer.status !== 200) throw new Error(`GET task: ${answer.status} ${answer.body}`);
          reads.push(answer.ms);
        }
      }),
    );
    const readRound = {
      requests: reads.length,
      seconds: (performance.now() - readStarted) / 1000,
      latencies: reads,
    };

    // The claims: every agent takes the next task until none is left.
    const claims: number[] = [];
    const claimed = new Map<string, number>();
    let empty = 0;
    let unavailable = 0;
    const claimStarted = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        for (;;) {
          const answer = await timed(`${base}/claim-next`, token, 'POST', { leaseSeconds: 3600 });
          if (answer.status === 404) {
            empty += 1;
            return;
          }
          if (answer.status === 503) {
            // The server asks to retry (its pool was exhausted while claims queued on the audit chain).
            unavailable += 1;
            await new Promise((resolve) => setTimeout(resolve, 250));
            continue;
          }
          if (answer.status !== 200) throw new Error(`claim-next: ${answer.status} ${answer.body}`);
          claims.push(answer.ms);
          const id: string = JSON.parse(answer.body).id;
          claimed.set(id, (claimed.get(id) ?? 0) + 1);
        }
      }),
    );
    const claimRound = {
      requests: claims.length,
      seconds: (performance.now() - claimStarted) / 1000,
      latencies: claims,
    };
    const twice = [...claimed.values()].filter((times) => times > 1).length;
    const stored = await ask<{ claimed: number; open: number; maxAttempts: number; holders: number }>(
      server.child,
      {
        kind: 'count',
        projectId,
      },
    );
    if (twice > 0) throw new Error(`${twice} tasks were handed out twice`);
    if (
      claimed.size !== taskCount ||
      stored.claimed !== taskCount ||
      stored.open !== 0 ||
      stored.maxAttempts !== 1
    )
      throw new Error(`claims do not add up: ${claimed.size} answered, ${JSON.stringify(stored)}`);
    const rss = memoryOf(server.pid).rssMb;
    console.error(
      `${label}: seeded ${taskCount} tasks in ${seeded.seconds.toFixed(1)} s; ${claimed.size} claimed once each by ${stored.holders} agents, ${empty} agents then found none (404); ${unavailable} answers were 503 (retried); server RSS ${rss.toFixed(0)} MB`,
    );
    return [
      summary(
        `${label}`,
        claimRound,
        `claim-next; ${claimed.size} distinct, 0 twice, ${unavailable} retried 503s`,
      ),
      summary(`${label}`, readRound, `baseline: GET one task`),
    ];
  } finally {
    await server.stop();
  }
}

console.error(`load average at start: ${loadAverage()} (${os.cpus().length} CPUs)`);
const rows: string[] = [];
rows.push(...(await withScratchDataDir((dataDir) => measure('PGlite', { DATA_DIR: dataDir }))));
if (postgresUrl) {
  rows.push(
    ...(await withScratchPostgres(postgresUrl, (url) => measure('PostgreSQL', { DATABASE_URL: url }))),
  );
}
console.log(`${taskCount.toLocaleString('en')} open tasks, ${agentCount} agents, Node ${process.version}`);
console.log('| database | requests | seconds | per second | p50 ms | p95 ms | what |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
console.error(`load average at end: ${loadAverage()}`);
