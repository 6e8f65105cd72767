// Resident memory of a real server on the embedded database: idle after start, after
// `shipshape demo seed`, and after a short load (autocannon against 127.0.0.1 only, bounded).
// `npm run bench -- memory`; extra environment (e.g. PGLITE_* settings) passes through to the server.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/shipshape.js');
const token = 'shp_benchmemory_0123456789abcdef';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-memory-'));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer(): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHIPSHAPE_ADMIN_TOKEN: token,
      RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ server, url: match[1] });
    });
    server.on('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    );
  });
}

async function stopServer(server: ChildProcess) {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

const { server, url } = await startServer();
const pid = server.pid ?? 0;
let restarted: ChildProcess | undefined;
try {
  await sleep(3000);
  const idle = memoryOf(pid);

  const seeded = spawnSync(process.execPath, [bin, 'demo', 'seed', '--url', url, '--token', token], {
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`demo seed failed: ${seeded.stderr}`);
  await sleep(2000);
  const afterSeed = memoryOf(pid);

  const headers = { authorization: `Bearer ${token}` };
  const load = await autocannon({
    url: `${url}/api/v1/projects`,
    headers,
    connections: 10,
    duration: seconds,
  });
  await autocannon({ url: `${url}/api/v1/search?q=payment`, headers, connections: 10, duration: seconds });
  await sleep(2000);
  const afterLoad = memoryOf(pid);

  // A server started again on the seeded folder: no initdb, no migrations; what an operator sees.
  await stopServer(server);
  restarted = (await startServer()).server;
  await sleep(3000);
  const idleRestarted = memoryOf(restarted.pid ?? 0);

  const rows = [
    ['idle after start', idle],
    ['after demo seed', afterSeed],
    [`after ${2 * seconds} s of load`, afterLoad],
    ['idle after a restart on the seeded folder', idleRestarted],
  ] as const;
  console.log('| moment | RSS (MB) | peak RSS (MB) |');
  console.log('| --- | ---: | ---: |');
  for (const [moment, memory] of rows) console.log(`| ${moment} | ${memory.rssMb} | ${memory.peakMb} |`);
  console.log(
    `\nGET /api/v1/projects, 10 connections: ${Math.round(load.requests.average)} req/s, ` +
      `p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, ${load.non2xx} non-2xx, ${load.errors} errors`,
  );
} finally {
  if (server.exitCode === null) await stopServer(server);
  if (restarted && restarted.exitCode === null) await stopServer(restarted);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
