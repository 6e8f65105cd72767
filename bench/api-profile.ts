// Where the API's time goes: runs the benchmark server (api-servers.ts) under `node --cpu-prof`,
// drives one operation against Shipshape only, then summarises the profile by where the CPU time was
// spent (self time, grouped by package or by Shipshape's own folder).
//   npx tsx bench/api-profile.ts get          (list | get | create; PGlite; BENCH_DATABASE_URL for PostgreSQL)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

const operation = process.argv[2] ?? 'get';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const token = `shp_bench_${randomBytes(16).toString('hex')}`;
const profileFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-profile-')), 'api.cpuprofile');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function start(environment: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'api-servers.ts')],
    {
      env: {
        ...process.env,
        BENCH_PROFILE_FILE: profileFile,
        LOG_LEVEL: 'warn',
        SHIPSHAPE_ADMIN_TOKEN: token,
        RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: '0',
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const output = child.stdout;
  if (!output) throw new Error('no stdout');
  const line = await new Promise<string>((resolve) =>
    readline.createInterface({ input: output }).once('line', resolve),
  );
  return { url: JSON.parse(line).shipshapeUrl, child };
}

function bucketOf(url: string): string {
  if (!url) return '(native / GC / idle)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  const own = /\/src\/(.+)\/[^/]+$/.exec(url);
  if (own) return `shipshape ${own[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += delta;
    const bucket = bucketOf(node.callFrame.url);
    selfTime.set(bucket, (selfTime.get(bucket) ?? 0) + delta);
  });
  const rows = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 20);
  console.log(`\nCPU time (busy, excluding idle): ${(total / 1e6).toFixed(2)} s`);
  for (const [bucket, time] of rows)
    console.log(`${((100 * time) / total).toFixed(1).padStart(5)} %  ${bucket}`);
}

const environment: Record<string, string> = {};
let scratch: { admin: pg.Client; name: string } | null = null;
if (process.env.BENCH_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  const name = `shipshape_profile_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  environment.DATABASE_URL = url.toString();
  scratch = { admin, name };
} else {
  environment.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-profile-data-'));
}
const { url, child } = await start(environment);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
let oneId = '';
for (let index = 0; index < 200; index++) {
  const response = await fetch(`${url}/api/v1/projects`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: `Seed ${index}`, key: `S${index}` }),
  });
  oneId ||= ((await response.json()) as { id: string }).id;
}
let next = 0;
const options: autocannon.Options =
  operation === 'list'
    ? { url: `${url}/api/v1/projects?limit=50`, headers }
    : operation === 'get'
      ? { url: `${url}/api/v1/projects/${oneId}`, headers }
      : {
          url: `${url}/api/v1/projects`,
          method: 'POST',
          headers,
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({ name: 'P', key: `P${(next++).toString(36).toUpperCase()}` }),
              }),
            },
          ],
        };
child.kill('SIGUSR2');
await new Promise((resolve) => setTimeout(resolve, 200));
const result = await autocannon({ ...options, connections: 10, duration: seconds });
console.log(
  `${operation}: ${Math.round(result.requests.average)} req/s, ${result.non2xx + result.errors} errors`,
);
const exited = new Promise((resolve) => child.once('exit', resolve));
child.kill('SIGTERM');
await exited;
summarise(JSON.parse(fs.readFileSync(profileFile, 'utf8')) as Profile);
if (scratch) {
  await scratch.admin.query(`drop database if exists ${scratch.name} with (force)`);
  await scratch.admin.end();
}
