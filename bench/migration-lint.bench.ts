// Lints 2,000 generated migration files (about 200 KB of SQL, seeded so every run lints the same
// text) with Shipshape and with squawk, in the same run on the same folder:
//   - Shipshape's engine in-process (`lintMigrationsLoaded` once the parser is loaded);
//   - squawk's native binary, and the same through its npm wrapper (`npx squawk`);
//   - Shipshape as a process: `shipshape migrations lint <folder> --format json` when the CLI has
//     the command, else bench/migration-lint-process.ts (the engine behind a small script).
// Aim (issue 19): under 3 s, and within 3× of squawk's time.
//   npm run bench -- migration-lint        BENCH_REPEATS=20 BENCH_PROCESS_REPEATS=10
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { lintMigrationsLoaded, loadParser, type MigrationSource } from '../src/engines/sql-lint/index.ts';
import { writeMigrationCorpus } from './migration-corpus.ts';

const fileCount = 2000;
const repeats = Number(process.env.BENCH_REPEATS ?? 20);
const processRepeats = Number(process.env.BENCH_PROCESS_REPEATS ?? 7);
const root = path.resolve(import.meta.dirname, '..');
const timeBinary = '/usr/bin/time';

interface Row {
  tool: string;
  files?: number;
  samples: number[];
  /** Largest resident set seen, in KB; undefined when it could not be measured. */
  maxRssKb: number | undefined;
  findings: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The engine in-process: one warm-up, then `repeats` timed runs over every file. */
async function inProcess(sources: MigrationSource[]): Promise<{ row: Row; notes: string[] }> {
  const before = process.memoryUsage();
  await loadParser();
  const loaded = process.memoryUsage();
  let started = performance.now();
  const first = lintMigrationsLoaded(sources);
  const firstMs = performance.now() - started;
  const samples: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    started = performance.now();
    lintMigrationsLoaded(sources);
    samples.push((performance.now() - started) / 1000);
  }
  const after = process.memoryUsage();
  const notes = [
    `first run (cold JIT) ${(firstMs / 1000).toFixed(3)} s; the timed runs follow it`,
    `loading the parser: RSS +${megabytes(loaded.rss - before.rss)} MB; ${repeats + 1} lints of every file: heap used ${megabytes(loaded.heapUsed)} → ${megabytes(after.heapUsed)} MB, RSS ${megabytes(loaded.rss)} → ${megabytes(after.rss)} MB`,
  ];
  return {
    row: {
      tool: 'Shipshape engine, in-process',
      samples,
      maxRssKb: process.resourceUsage().maxRSS,
      findings: first.summary.errors + first.summary.warnings,
    },
    notes,
  };
}

/** Runs a command `processRepeats` times under /usr/bin/time: wall time, peak RSS, and its output. */
function asProcess(
  tool: string,
  command: string,
  args: string[],
  countFindings: (stdout: string) => number,
): Row {
  const timed = fs.existsSync(timeBinary);
  const samples: number[] = [];
  let maxRssKb: number | undefined;
  let findings = 0;
  for (let run = 0; run <= processRepeats; run += 1) {
    const started = performance.now();
    const result = timed
      ? spawnSync(timeBinary, ['-f', '%e %M', command, ...args], { cwd: root, maxBuffer: 256 * 1024 * 1024 })
      : spawnSync(command, args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    // Both linters exit 1 when they find problems: only a missing report is a failure.
    const stdout = result.stdout.toString();
    if (result.error || stdout.trim() === '') {
      throw new Error(`${tool} failed: ${result.error?.message ?? result.stderr.toString().slice(-2000)}`);
    }
    if (run === 0) {
      findings = countFindings(stdout);
      continue; // the first run warms the page cache and is not counted
    }
    samples.push(seconds);
    const lastLine = result.stderr.toString().trim().split('\n').at(-1) ?? '';
    const rss = Number(lastLine.split(' ')[1]);
    if (timed && Number.isFinite(rss)) maxRssKb = Math.max(maxRssKb ?? 0, rss);
  }
  return { tool, samples, maxRssKb, findings };
}

/** squawk's native binary, from its platform package, or undefined when it is not installed. */
function squawkBinary(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(
      `@squawk-cli/${process.platform}-${process.arch}/bin/squawk`,
    );
  } catch {
    return undefined;
  }
}

const squawkFindings = (stdout: string) => {
  const parsed: unknown = JSON.parse(stdout);
  return Array.isArray(parsed) ? parsed.length : Number.NaN;
};

/** Errors plus warnings of a Shipshape JSON report, whichever of its usual shapes it has. */
function shipshapeFindings(stdout: string): number {
  const parsed: unknown = JSON.parse(stdout);
  const summary = field(parsed, 'summary');
  const errors = field(summary, 'errors');
  const warnings = field(summary, 'warnings');
  if (typeof errors === 'number' && typeof warnings === 'number') return errors + warnings;
  const files = field(parsed, 'files');
  if (!Array.isArray(files)) return Number.NaN;
  return files.reduce((total: number, file) => {
    const found = field(file, 'findings');
    return total + (Array.isArray(found) ? found.length : 0);
  }, 0);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

/**
 * The CLI's `migrations lint` when it exists (its help names the command), else the script; and the
 * same on an empty folder, which is what starting the process costs.
 */
function shipshapeProcess(folder: string, emptyFolder: string, notes: string[]): Row[] {
  const help = spawnSync(process.execPath, ['bin/shipshape.js', 'migrations', 'lint', '--help'], {
    cwd: root,
  });
  const cli = /migrations lint/.test(help.stdout.toString());
  const tool = cli
    ? 'Shipshape CLI (`shipshape migrations lint --format json`)'
    : 'Shipshape engine as a process (tsx script)';
  const args = (target: string) =>
    cli
      ? ['bin/shipshape.js', 'migrations', 'lint', target, '--format', 'json']
      : ['--import', 'tsx', 'bench/migration-lint-process.ts', target];
  if (!cli)
    notes.push(
      'the CLI has no `migrations lint` command in this checkout: the engine ran as a process through bench/migration-lint-process.ts',
    );
  return [
    asProcess(tool, process.execPath, args(folder), shipshapeFindings),
    {
      ...asProcess(
        `${tool}, empty folder (startup only)`,
        process.execPath,
        args(emptyFolder),
        shipshapeFindings,
      ),
      files: 0,
    },
  ];
}

function printTable(rows: Row[], kilobytes: number): void {
  const squawk = rows.find((row) => row.tool.startsWith('squawk, native'));
  const squawkMedian = squawk ? percentile(squawk.samples, 50) : Number.NaN;
  console.log('| tool | files | KB | median s | p95 s | max RSS MB | findings | time / squawk |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const median = percentile(row.samples, 50);
    const rss = row.maxRssKb === undefined ? 'n/a' : (row.maxRssKb / 1024).toFixed(0);
    const ratio = Number.isFinite(squawkMedian) ? `${(median / squawkMedian).toFixed(1)}×` : 'n/a';
    console.log(
      `| ${row.tool} | ${row.files ?? fileCount} | ${row.files === 0 ? 0 : kilobytes.toFixed(0)} | ${median.toFixed(3)} | ${percentile(row.samples, 95).toFixed(3)} | ${rss} | ${row.findings} | ${ratio} |`,
    );
  }
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-migrations-'));
try {
  const bytes = writeMigrationCorpus(folder, fileCount);
  const sources = fs
    .readdirSync(folder)
    .sort()
    .map((name) => ({ path: name, sql: fs.readFileSync(path.join(folder, name), 'utf8') }));
  const rows: Row[] = [];
  const { row, notes } = await inProcess(sources);
  rows.push(row);
  const binary = squawkBinary();
  const pattern = path.join(folder, '*.sql');
  if (binary) {
    rows.push(asProcess('squawk, native binary', binary, ['--reporter', 'json', pattern], squawkFindings));
    const wrapper = path.join(root, 'node_modules/.bin/squawk');
    rows.push(
      asProcess('squawk through its npm wrapper', wrapper, ['--reporter', 'json', pattern], squawkFindings),
    );
  } else notes.push('squawk is not installed (optional platform package): no squawk rows');
  const emptyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-empty-'));
  rows.push(...shipshapeProcess(folder, emptyFolder, notes));
  fs.rmSync(emptyFolder, { recursive: true });
  console.log(
    `${fileCount} files, ${(bytes / 1024).toFixed(0)} KB of SQL; ${repeats} in-process runs, ${processRepeats} runs per process (after one warm-up); load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}, ${os.availableParallelism()} CPUs, Node ${process.version}\n`,
  );
  printTable(rows, bytes / 1024);
  console.log('');
  for (const note of notes) console.log(`- ${note}`);
  console.log(
    '- findings differ by design: each tool counts its own rules (see docs/migration-safety.md, "Compared with squawk")',
  );
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
