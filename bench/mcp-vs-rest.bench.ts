// The cost of MCP: one tool call over Streamable HTTP (an established session, the SDK's client)
// against the same REST call, on the same server in the same run, one request at a time,
// interleaved so that both see the same machine. Aim: MCP p50 at most 1.3× REST p50.
//   npx tsx bench/mcp-vs-rest.bench.ts               (PGlite; add BENCH_DATABASE_URL for PostgreSQL)
//   BENCH_CALLS=500                                  (per operation and side; default 400)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from '../src/test-support/server-process.ts';

const calls = Number(process.env.BENCH_CALLS ?? 400);
const warmUp = 50;
const token = `shp_bench_${randomBytes(16).toString('hex')}`;
const auth = { authorization: `Bearer ${token}` };

interface Operation {
  name: string;
  rest: (url: string) => Promise<void>;
  mcp: (client: Client) => Promise<void>;
}

async function restGet(url: string): Promise<void> {
  const answer = await fetch(url, { headers: { ...auth, accept: 'application/json' } });
  if (!answer.ok) throw new Error(`REST ${url}: ${answer.status}`);
  await answer.json();
}

async function tool(client: Client, name: string, args: Record<string, unknown>): Promise<void> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function measure(database: string, settings: Record<string, string | undefined>): Promise<string[]> {
  const server: ServerProcess = await startServerProcess({
    ...settings,
    SHIPSHAPE_ADMIN_TOKEN: token,
    RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: '0',
  });
  const client = new Client({ name: 'bench', version: '1.0.0' });
  try {
    const api = `${server.url}/api/v1`;
    let firstId = '';
    for (let index = 0; index < 50; index += 1) {
      const created = await fetch(`${api}/projects`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Bench ${index}`, key: `BEN${index}` }),
      });
      if (created.status !== 201) throw new Error(`seeding: ${created.status} ${await created.text()}`);
      const project = (await created.json()) as { id: string };
      firstId ||= project.id;
    }
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: auth } }),
    );
    const operations: Operation[] = [
      {
        name: 'list 50 projects',
        rest: () => restGet(`${api}/projects?limit=50`),
        mcp: (mcp) => tool(mcp, 'list_projects', { limit: 50 }),
      },
      {
        name: 'readiness of one',
        rest: () => restGet(`${api}/projects/${firstId}/readiness`),
        mcp: (mcp) => tool(mcp, 'get_readiness', { project: firstId }),
      },
    ];
    const rows: string[] = [];
    for (const operation of operations) {
      const rest: number[] = [];
      const mcp: number[] = [];
      for (let index = 0; index < warmUp + calls; index += 1) {
        const restTime = await timed(() => operation.rest(api));
        const mcpTime = await timed(() => operation.mcp(client));
        if (index >= warmUp) {
          rest.push(restTime);
          mcp.push(mcpTime);
        }
      }
      rest.sort((a, b) => a - b);
      mcp.sort((a, b) => a - b);
      const [r50, r95, m50, m95] = [
        percentile(rest, 0.5),
        percentile(rest, 0.95),
        percentile(mcp, 0.5),
        percentile(mcp, 0.95),
      ];
      console.log(`measured: ${database} ${operation.name}`);
      rows.push(
        `| ${database} | ${operation.name} | ${r50.toFixed(2)} / ${r95.toFixed(2)} | ${m50.toFixed(2)} / ${m95.toFixed(2)} | **${(m50 / r50).toFixed(2)}** |`,
      );
    }
    return rows;
  } finally {
    await client.close().catch(() => undefined);
    server.child.kill('SIGTERM');
    await server.exited;
  }
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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-mcp-'));
try {
  rows.push(...(await measure('PGlite', { DATA_DIR: dataDir, DATABASE_URL: undefined })));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const postgresUrl = process.env.BENCH_DATABASE_URL;
if (postgresUrl)
  rows.push(
    ...(await withScratchPostgres(postgresUrl, (url) => measure('PostgreSQL', { DATABASE_URL: url }))),
  );

console.log(
  `\n${calls} calls per side after ${warmUp} warm-up, one at a time, ${os.cpus().length} CPUs, Node ${process.version}\n`,
);
console.log('| database | operation | REST p50 / p95 ms | MCP p50 / p95 ms | MCP / REST p50 |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
