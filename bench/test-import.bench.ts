// Importing a large Allure results folder: one generated folder (bench/allure-results-generator.ts,
// written by allure-js-commons' own writer), packed once, then in the same run
//   - Allure 3's `allure generate` on the folder (the peer: what a team runs instead), and
//   - Shipshape: a real server (`shipshape serve`) on PGlite and on PostgreSQL, the archive streamed
//     to `POST …/test-runs`, the run polled until imported; upload and import timed apart, the
//     server's resident memory sampled while it works, and the imported totals checked.
//   npm run bench -- test-import                      (100,000 results; PGlite, and PostgreSQL with
//                                                      BENCH_DATABASE_URL=postgres://…/postgres)
//   BENCH_TEST_RESULTS=2000                           a quick run
//   BENCH_TEST_ARCHIVE=zip|tar.gz|both                what is uploaded (default zip)
//   BENCH_TEST_DATABASES=pglite,postgres              which databases (default: both when possible)
//   BENCH_TEST_PEER=0                                 leave out `allure generate`
//   BENCH_PROFILE=1                                   a CPU profile of the server per import (slower)
//   BENCH_TEST_FOLDER=/tmp/allure-100k                keep the folder and archives there, reuse them

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  type GeneratedFolder,
  generateAllureResults,
  packTarGz,
  packZip,
} from './allure-results-generator.ts';
import { type Profile, summariseProfile } from './profile-summary.ts';
import {
  api,
  cpuSecondsOf,
  createProject,
  loadAverage,
  memoryOf,
  root,
  sampleBackendCpu,
  sampleMemory,
  sleep,
  startServer,
  token,
  withScratchDataDir,
  withScratchPostgres,
} from './test-evidence-server.ts';
import { runTimed } from './timed-process.ts';

const resultCount = Number(process.env.BENCH_TEST_RESULTS ?? 100_000);
const archiveChoice = process.env.BENCH_TEST_ARCHIVE ?? 'zip';
const postgresUrl = process.env.BENCH_DATABASE_URL;
// `none` only prepares the folder and archives (with BENCH_TEST_FOLDER, for a later run).
const databases = (process.env.BENCH_TEST_DATABASES ?? (postgresUrl ? 'pglite,postgres' : 'pglite'))
  .split(',')
  .filter((name) => name === 'pglite' || name === 'postgres');
const runPeer = process.env.BENCH_TEST_PEER !== '0';
const profiling = process.env.BENCH_PROFILE === '1';
const importTimeoutSeconds = Number(process.env.BENCH_IMPORT_TIMEOUT ?? 1800);

type ArchiveKind = 'zip' | 'tar.gz';
const mediaTypes: Record<ArchiveKind, string> = { zip: 'application/zip', 'tar.gz': 'application/gzip' };

interface RunView {
  id: string;
  status: string;
  progress?: { filesRead: number; filesTotal: number | null };
  totals?: Record<string, number>;
  importErrors?: { file: string; message: string }[];
  createdAt?: string;
  importedAt?: string | null;
}

interface ImportFigures {
  database: string;
  archive: ArchiveKind;
  uploadSeconds: number;
  importSeconds: number;
  serverCpuSeconds: number;
  backendCpuSeconds: number | null;
  idleRssMb: number;
  peakRssMb: number;
  status: string;
  totalsMatch: boolean;
  detail: string;
  profile: string[];
}

/** Streams the archive as the request body, never whole in memory; resolves with the answer. */
function upload(url: string, file: string, mediaType: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': mediaType,
          'content-length': fs.statSync(file).size,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    fs.createReadStream(file).on('error', reject).pipe(request);
  });
}

/** Polls the run every 250 ms until it is imported or failed (bounded). */
async function waitForImport(runUrl: string): Promise<RunView> {
  const deadline = Date.now() + importTimeoutSeconds * 1000;
  let lastProgress = '';
  while (Date.now() < deadline) {
    const run = await api<RunView>(runUrl);
    if (run.status === 'imported' || run.status === 'failed') return run;
    const progress = `${run.status} ${run.progress?.filesRead ?? 0}/${run.progress?.filesTotal ?? '?'}`;
    if (progress !== lastProgress && process.env.BENCH_VERBOSE) console.error(`  ${progress}`);
    lastProgress = progress;
    await sleep(250);
  }
  throw new Error(`the import did not end within ${importTimeoutSeconds} s (last: ${lastProgress})`);
}

function totalsMatch(run: RunView, folder: GeneratedFolder): boolean {
  const totals = run.totals ?? {};
  return (
    totals.total === folder.tests &&
    totals.passed === folder.totals.passed &&
    totals.failed === folder.totals.failed &&
    totals.broken === folder.totals.broken &&
    totals.skipped === folder.totals.skipped
  );
}

/**
 * A server whose first start (creating the database, every migration; for PGlite initdb in the
 * same WebAssembly memory, which never shrinks) is over: started, given the project, stopped and
 * started again on the same database, as a server usually runs. Answers the idle RSS of both.
 */
async function readyServer(database: string, environment: Record<string, string>, flags: string[]) {
  const first = await startServer(environment);
  let projectId: string;
  let firstIdleMb: number;
  try {
    projectId = await createProject(first.url, `IMP${database.slice(0, 2).toUpperCase()}`);
    await sleep(2000);
    firstIdleMb = memoryOf(first.pid).rssMb;
  } finally {
    await first.stop();
  }
  const server = await startServer(environment, flags);
  await sleep(2000);
  return { server, projectId, firstIdleMb, idleRssMb: memoryOf(server.pid).rssMb };
}

async function measureImport(
  database: string,
  environment: Record<string, string>,
  archive: { kind: ArchiveKind; file: string },
  folder: GeneratedFolder,
  backend?: { adminUrl: string; name: string },
): Promise<ImportFigures> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-import-profile-'));
  const flags = profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const { server, projectId, firstIdleMb, idleRssMb } = await readyServer(database, environment, flags);
  try {
    const cpuBefore = cpuSecondsOf(server.pid);
    const memory = sampleMemory(server.pid);
    const backendCpu = backend ? sampleBackendCpu(backend.adminUrl, backend.name) : null;
    const base = `${server.url}/api/v1/projects/${projectId}`;
    const query = new URLSearchParams({
      name: `bench ${resultCount}`,
      branch: 'main',
      commit: 'abcdef1234567',
    });
    const started = performance.now();
    const answer = await upload(`${base}/test-runs?${query}`, archive.file, mediaTypes[archive.kind]);
    const uploaded = performance.now();
    if (answer.status !== 202)
      throw new Error(`upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
    const runId: string = JSON.parse(answer.body).id;
    const run = await waitForImport(`${base}/test-runs/${runId}`);
    const imported = performance.now();
    const peakRssMb = memory.stop();
    const serverCpuSeconds = cpuSecondsOf(server.pid) - cpuBefore;
    const backendCpuSeconds = backendCpu ? await backendCpu.stop() : null;
    await server.stop();
    const errors = (run.importErrors ?? []).slice(0, 3).map((error) => `${error.file}: ${error.message}`);
    const serverSeconds =
      run.createdAt && run.importedAt
        ? (Date.parse(run.importedAt) - Date.parse(run.createdAt)) / 1000
        : Number.NaN;
    return {
      database,
      archive: archive.kind,
      uploadSeconds: (uploaded - started) / 1000,
      importSeconds: (imported - uploaded) / 1000,
      serverCpuSeconds,
      backendCpuSeconds,
      idleRssMb,
      peakRssMb,
      status: run.status,
      totalsMatch: totalsMatch(run, folder),
      detail:
        `first-start idle RSS ${firstIdleMb.toFixed(0)} MB; run createdAt → importedAt ${serverSeconds.toFixed(1)} s; ` +
        `totals ${JSON.stringify(run.totals)}${errors.length ? `; errors: ${errors.join('; ')}` : ''}`,
      profile: profiling ? readProfile(profileDir) : [],
    };
  } finally {
    await server.stop();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

function readProfile(directory: string): string[] {
  const file = fs.readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return ['(no profile written)'];
  const profile: Profile = JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8'));
  return summariseProfile(profile);
}

function runPeerReport(folder: GeneratedFolder, scratch: string): string {
  const out = path.join(scratch, 'allure-report');
  const cli = path.join(root, 'node_modules/allure/cli.js');
  // A working folder of its own, so no allurerc of the repository is picked up.
  const cwd = fs.mkdtempSync(path.join(scratch, 'allure-cwd-'));
  const run = runTimed(process.execPath, [cli, 'generate', folder.directory, '-o', out], {
    cwd,
    timeoutSeconds: importTimeoutSeconds,
  });
  const rss = run.maxRssKb === undefined ? '—' : (run.maxRssKb / 1024).toFixed(0);
  const cpu = run.cpuSeconds === undefined ? '—' : run.cpuSeconds.toFixed(1);
  const outcome = run.timedOut
    ? 'timed out'
    : run.status === 0
      ? 'ok'
      : `exit ${run.status}: ${run.stderr.slice(-300)}`;
  const reportMb = fs.existsSync(out) ? (directorySize(out) / 1e6).toFixed(1) : '—';
  return `| Allure 3.x \`allure generate\` (folder → static report of ${reportMb} MB) | folder | ${run.seconds.toFixed(1)} | — | ${cpu} | — | ${rss} | ${outcome} |`;
}

function directorySize(directory: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return bytes;
}

function row(figures: ImportFigures): string {
  const total = figures.uploadSeconds + figures.importSeconds;
  const cpu =
    figures.backendCpuSeconds === null
      ? figures.serverCpuSeconds.toFixed(1)
      : `${figures.serverCpuSeconds.toFixed(1)} + PostgreSQL ${figures.backendCpuSeconds.toFixed(1)}`;
  const verdict = `${figures.status}${figures.totalsMatch ? ', totals match' : `, TOTALS DIFFER (${figures.detail})`}`;
  return `| Shipshape on ${figures.database} | ${figures.archive} | ${total.toFixed(1)} | ${figures.uploadSeconds.toFixed(1)} + ${figures.importSeconds.toFixed(1)} | ${cpu} | ${figures.idleRssMb.toFixed(0)} | ${figures.peakRssMb.toFixed(0)} | ${verdict} |`;
}

interface Input {
  folder: GeneratedFolder;
  archives: { kind: ArchiveKind; file: string }[];
  description: string;
}

/**
 * The results folder and its archives. With BENCH_TEST_FOLDER they are kept there (and the
 * summary beside them) and reused by the next run of the same size; otherwise in the scratch folder.
 */
function prepareInput(scratch: string): Input {
  const base = process.env.BENCH_TEST_FOLDER ?? path.join(scratch, 'allure-results');
  const summaryFile = `${base}.json`;
  const kinds: ArchiveKind[] =
    archiveChoice === 'both' ? ['zip', 'tar.gz'] : archiveChoice === 'tar.gz' ? ['tar.gz'] : ['zip'];
  const archives = kinds.map((kind) => ({ kind, file: `${base}.${kind}` }));
  let folder: GeneratedFolder | undefined = fs.existsSync(summaryFile)
    ? JSON.parse(fs.readFileSync(summaryFile, 'utf8'))
    : undefined;
  let made = 'reused from an earlier run';
  if (folder?.resultFiles !== resultCount) {
    fs.rmSync(base, { recursive: true, force: true });
    const started = performance.now();
    folder = generateAllureResults(base, resultCount);
    made = `written in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    fs.writeFileSync(summaryFile, JSON.stringify(folder));
    for (const archive of archives) fs.rmSync(archive.file, { force: true });
  }
  const packing = performance.now();
  for (const archive of archives)
    if (!fs.existsSync(archive.file)) {
      // Packed under another name first, so a run stopped half-way leaves no archive to reuse.
      (archive.kind === 'zip' ? packZip : packTarGz)(folder.directory, `${archive.file}.partial`);
      fs.renameSync(`${archive.file}.partial`, archive.file);
    }
  const packed = ((performance.now() - packing) / 1000).toFixed(1);
  const sizes = archives.map(
    (archive) => `${archive.kind} ${(fs.statSync(archive.file).size / 1e6).toFixed(1)} MB`,
  );
  const description =
    `Folder: ${folder.resultFiles} results (${folder.tests} tests, ${folder.retries} retried attempts; ` +
    `passed ${folder.totals.passed}, failed ${folder.totals.failed}, broken ${folder.totals.broken}, ` +
    `skipped ${folder.totals.skipped}), ${folder.steps} steps (${(folder.steps / folder.resultFiles).toFixed(1)} per result), ` +
    `${folder.containerFiles} containers, ${folder.attachmentFiles} attachments; ${folder.files} files, ` +
    `${(folder.bytes / 1e6).toFixed(1)} MB; ${made}; packed (${sizes.join(', ')}) in ${packed} s`;
  return { folder, archives, description };
}

async function measureAll(input: Input, lines: string[]): Promise<boolean> {
  let failed = false;
  for (const archive of input.archives) {
    for (const database of databases) {
      const figures =
        database === 'postgres' && postgresUrl
          ? await withScratchPostgres(postgresUrl, (url, name) =>
              measureImport('PostgreSQL', { DATABASE_URL: url }, archive, input.folder, {
                adminUrl: postgresUrl,
                name,
              }),
            )
          : await withScratchDataDir((dataDir) =>
              measureImport('PGlite', { DATA_DIR: dataDir }, archive, input.folder),
            );
      lines.push(row(figures));
      console.log(`${lines.at(-1)}  (load ${loadAverage()})\n    ${figures.detail}`);
      for (const line of figures.profile) console.log(`    ${line}`);
      if (figures.status !== 'imported' || !figures.totalsMatch) failed = true;
    }
  }
  return failed;
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-test-import-'));
  const lines = [
    '| what | input | wall s | upload + import s | CPU s | idle RSS MB | peak RSS MB | outcome |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  let failed = false;
  try {
    console.log(
      `Load average at the start: ${loadAverage()}; ${os.cpus().length} CPUs, Node ${process.version}`,
    );
    const input = prepareInput(scratch);
    console.log(input.description);
    if (runPeer) {
      lines.push(runPeerReport(input.folder, scratch));
      console.log(`${lines.at(-1)}  (load ${loadAverage()})`);
    }
    failed = await measureAll(input, lines);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\n${lines.join('\n')}\n\nLoad average at the end: ${loadAverage()}`);
  if (failed) process.exitCode = 1;
}

await main();
