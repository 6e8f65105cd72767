// What the test-evidence benchmarks share: a real server process (`shipshape serve`) on a scratch
// database, an API call helper, and the resident memory and CPU time of a process read from /proc
// (Linux) while it works.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';

export const root = path.resolve(import.meta.dirname, '..');
export const token = `shp_bench_${randomBytes(16).toString('hex')}`;
const clockTicks = 100;

export interface Server {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Ends the server with SIGTERM and waits for it (a CPU profile, when asked for, is written then). */
  stop(): Promise<void>;
}

/** Starts `shipshape serve` (or another entry) with extra node flags; resolves once it listens. */
export async function startServer(
  environment: Record<string, string>,
  nodeFlags: string[] = [],
  entry: string[] = [path.join(root, 'bin/shipshape.js'), 'serve'],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeFlags, ...entry], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHIPSHAPE_ADMIN_TOKEN: token,
      RATE_LIMIT_PER_CREDENTIAL_PER_MINUTE: '0',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const output = child.stdout;
  if (!output) throw new Error('the server has no stdout');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: output }).on('line', (line) => {
      const listening = /listening on (http:\/\/\S+)/.exec(line);
      if (listening?.[1]) resolve(listening[1]);
    });
    exited.then(() => reject(new Error(`the server exited (${child.exitCode}) before listening`)));
  });
  return {
    child,
    pid: child.pid ?? 0,
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One API call with the bench token; throws with the answer on anything but 2xx. */
export async function api<T>(url: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text);
}

export async function createProject(url: string, key: string): Promise<string> {
  const project = await api<{ id: string }>(`${url}/api/v1/projects`, 'POST', { name: `Bench ${key}`, key });
  return project.id;
}

/** A database of its own for the run (never `test`, which the test suites use), dropped afterwards. */
export async function withScratchPostgres<T>(
  adminUrl: string,
  work: (url: string, name: string) => Promise<T>,
): Promise<T> {
  const name = `shipshape_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await work(url.toString(), name);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** A temporary PGlite data folder for the run, removed afterwards. */
export async function withScratchDataDir<T>(work: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-data-'));
  try {
    return await work(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Resident memory now and at its peak (VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** User plus system CPU seconds a process has used so far (0 once it is gone). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return 0;
  }
}

export interface Sampler {
  /** Stops sampling; answers the largest resident size seen, in MB. */
  stop(): number;
}

/** Samples a process's resident size every `everyMs` and keeps the largest. */
export function sampleMemory(pid: number, everyMs = 100): Sampler {
  let peak = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memoryOf(pid).rssMb);
    } catch {
      // The process ended between two samples; what was seen stands.
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * CPU time spent by the PostgreSQL backends serving one database (the server's pool), read from
 * /proc: the part of an import that runs in PostgreSQL rather than in the server's own process.
 */
export function sampleBackendCpu(adminUrl: string, database: string, everyMs = 500) {
  const admin = new pg.Client({ connectionString: adminUrl });
  const connected = admin.connect();
  const seen = new Map<number, { first: number; last: number }>();
  let busy = false;
  let firstSample = true;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      await connected;
      const { rows } = await admin.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = $1',
        [database],
      );
      for (const { pid } of rows) {
        const cpu = cpuSecondsOf(pid);
        const known = seen.get(pid);
        // A backend already there when sampling began counts from then; a later one from its start.
        const first = known?.first ?? (firstSample ? cpu : 0);
        seen.set(pid, { first, last: Math.max(known?.last ?? 0, cpu) });
      }
      firstSample = false;
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void sample().catch(() => undefined), everyMs);
  return {
    /** CPU seconds the backends used between the first sample and now. */
    stop: async () => {
      clearInterval(timer);
      await sample().catch(() => undefined);
      await admin.end();
      let total = 0;
      for (const { first, last } of seen.values()) total += last - first;
      return total;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}
