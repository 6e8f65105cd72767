// Diffs GitHub's REST API description at two releases of @octokit/openapi (22.0.0 → 23.0.2, about
// 12 MB of JSON each, fetched at run time: bench/github-descriptions.ts) with Shipshape and with
// Optic, in the same run on the same files:
//   - Shipshape's engine in-process (`diffOpenApi` on the parsed documents), JSON.parse timed apart;
//   - the engine as a process (bench/contract-diff-process.ts), and `shipshape contracts diff
//     --format json` when the CLI has the command: start to verdict, peak RSS from GNU time;
//   - Optic's CLI 1.0.9 (`optic diff --check`), installed at run time, as published and with its
//     YAML parsed once per file (a diagnostic with the same results): bench/optic.ts.
// Each is run once to warm up, then BENCH_RUNS times (default 10). Optic's timed runs stop early
// rather than overrun BENCH_OPTIC_BUDGET seconds (default 1800), and any Optic run is ended after
// BENCH_OPTIC_TIMEOUT seconds (default 1800). CPU time (user + system) is reported beside wall
// time: on a shared machine it moves much less with the load.
// Aims (issue 18): diff p95 under 2 s, memory under 500 MB.
//   npm run bench -- contract-diff     BENCH_RUNS=10 BENCH_PROCESS_RUNS=10 BENCH_OPTIC_RUNS=10
//   BENCH_OPTIC=0 leaves Optic out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DiffResult, diffOpenApi, type OpenApiDocument } from '../src/engines/openapi-diff/index.ts';
import { descriptionFile, descriptionPackage, githubDescription } from './github-descriptions.ts';
import {
  countOpticFindings,
  installOptic,
  type OpticCounts,
  opticArguments,
  opticEnvironment,
  opticResultsFile,
  opticVersion,
  opticWorkFolder,
} from './optic.ts';
import { percentile, runTimed, type TimedRun, timesMemory } from './timed-process.ts';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const processRuns = Number(process.env.BENCH_PROCESS_RUNS ?? runs);
const opticRuns = Number(process.env.BENCH_OPTIC_RUNS ?? runs);
const opticTimeoutSeconds = Number(process.env.BENCH_OPTIC_TIMEOUT ?? 1800);
const opticBudgetSeconds = Number(process.env.BENCH_OPTIC_BUDGET ?? 1800);
const versions = { base: '22.0.0', revision: '23.0.2' };
const root = path.resolve(import.meta.dirname, '..');
const aim = { p95Seconds: 2, memoryMb: 500 };

interface Row {
  tool: string;
  /** Seconds per timed run (the warm-up excluded). */
  samples: number[];
  /** CPU seconds (user + system) per timed run, when measured. */
  cpuSamples: number[];
  /** Largest resident set seen, in KB; undefined when it could not be measured. */
  maxRssKb: number | undefined;
  findings: string;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const levelsOf = (summary: DiffResult['summary']) =>
  `ERR ${summary.ERR}, WARN ${summary.WARN}, INFO ${summary.INFO}`;

function parseDocument(text: string): { document: OpenApiDocument; seconds: number } {
  const started = performance.now();
  const parsed: unknown = JSON.parse(text);
  const seconds = (performance.now() - started) / 1000;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('the description is not a JSON object');
  }
  // A parsed JSON object is a JsonObject; the engine checks every field it reads.
  return { document: parsed as OpenApiDocument, seconds };
}

/** The engine in-process: JSON.parse of each file timed once, then one warm-up and `runs` diffs. */
function inProcess(basePath: string, revisionPath: string, notes: string[]): Row {
  const base = parseDocument(fs.readFileSync(basePath, 'utf8'));
  const revision = parseDocument(fs.readFileSync(revisionPath, 'utf8'));
  const parsed = process.memoryUsage();
  let started = performance.now();
  const first = diffOpenApi(base.document, revision.document);
  const firstSeconds = (performance.now() - started) / 1000;
  const samples: number[] = [];
  let peakHeapUsed = 0;
  let peakRss = 0;
  const unstable = new Set<number>();
  const cpuSamples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const cpuBefore = process.cpuUsage();
    started = performance.now();
    const result = diffOpenApi(base.document, revision.document);
    samples.push((performance.now() - started) / 1000);
    const cpu = process.cpuUsage(cpuBefore);
    cpuSamples.push((cpu.user + cpu.system) / 1e6);
    // Sampled right after each diff, before the next one: what it allocated is mostly still there.
    const memory = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, memory.heapUsed);
    peakRss = Math.max(peakRss, memory.rss);
    if (result.findings.length !== first.findings.length) unstable.add(result.findings.length);
  }
  notes.push(
    `JSON.parse: base ${base.seconds.toFixed(3)} s, revision ${revision.seconds.toFixed(3)} s (not in the diff times)`,
    `first diff (cold JIT) ${firstSeconds.toFixed(3)} s; the timed runs follow it`,
    `memory with both documents parsed: heap used ${megabytes(parsed.heapUsed)} MB, RSS ${megabytes(parsed.rss)} MB; sampled after each diff: heap used up to ${megabytes(peakHeapUsed)} MB, RSS up to ${megabytes(peakRss)} MB; peak RSS of the benchmark process ${megabytes(process.resourceUsage().maxRSS * 1024)} MB`,
    `operations: ${JSON.stringify(first.operations)}`,
  );
  if (unstable.size > 0)
    notes.push(`the number of findings varied between runs: ${[...unstable].join(', ')}`);
  return {
    tool: 'Shipshape engine, in-process (diff only)',
    samples,
    cpuSamples,
    maxRssKb: process.resourceUsage().maxRSS,
    findings: levelsOf(first.summary),
  };
}

/** ERR/WARN/INFO of a Shipshape JSON report (a DiffResult, or one wrapped by the CLI). */
function shipshapeFindings(stdout: string): string {
  const parsed: unknown = JSON.parse(stdout);
  const summary = field(parsed, 'summary') ?? field(field(parsed, 'result'), 'summary');
  const count = (level: string) => Number(field(summary, level));
  return levelsOf({ ERR: count('ERR'), WARN: count('WARN'), INFO: count('INFO') });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

interface ProcessPlan {
  tool: string;
  command: string;
  args: string[];
  repeats: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutSeconds?: number;
  /** Stops the timed runs once they have taken this long in all. */
  budgetSeconds?: number;
  /** Reads the findings from the first run's output; throws when the output is not a report. */
  findings: (stdout: string) => string;
}

/** One warm-up run (its output gives the findings), then `repeats` timed runs within the budget. */
function asProcess(plan: ProcessPlan, notes: string[]): Row {
  const row: Row = { tool: plan.tool, samples: [], cpuSamples: [], maxRssKb: undefined, findings: 'n/a' };
  for (let run = 0; run <= plan.repeats; run += 1) {
    // Another run as long as the last would overrun the budget: stop before it.
    const spent = row.samples.reduce((total, seconds) => total + seconds, 0);
    const next = row.samples.at(-1) ?? 0;
    if (run > 1 && plan.budgetSeconds !== undefined && spent + next > plan.budgetSeconds) {
      notes.push(
        `${plan.tool}: timed runs stopped after ${run - 1}: another would overrun the budget of ${plan.budgetSeconds} s`,
      );
      break;
    }
    const result = runTimed(plan.command, plan.args, {
      cwd: plan.cwd ?? root,
      env: plan.env,
      timeoutSeconds: plan.timeoutSeconds,
    });
    if (result.timedOut || result.stdout.trim() === '') {
      notes.push(`${plan.tool}: ${run === 0 ? 'the warm-up' : `timed run ${run}`} ${failure(plan, result)}`);
      break;
    }
    if (result.maxRssKb !== undefined) row.maxRssKb = Math.max(row.maxRssKb ?? 0, result.maxRssKb);
    if (run === 0) {
      row.findings = plan.findings(result.stdout);
      notes.push(`${plan.tool}: warm-up ${result.seconds.toFixed(1)} s`);
      continue;
    }
    row.samples.push(result.seconds);
    if (result.cpuSeconds !== undefined) row.cpuSamples.push(result.cpuSeconds);
  }
  return row;
}

function failure(plan: ProcessPlan, result: TimedRun): string {
  if (!result.timedOut) return `exited ${result.status} with no report: ${result.stderr.trim().slice(-600)}`;
  const rss = result.maxRssKb === undefined ? 'n/a' : `${(result.maxRssKb / 1024).toFixed(0)} MB`;
  const cpu = result.cpuSeconds === undefined ? 'n/a' : `${result.cpuSeconds.toFixed(0)} s`;
  return `did not finish within ${plan.timeoutSeconds} s (CPU ${cpu}, peak RSS ${rss} when ended)`;
}

/** Whether `shipshape contracts diff` exists in this checkout (its help names it). */
function cliHasContractsDiff(): boolean {
  const help = runTimed(process.execPath, ['bin/shipshape.js', 'contracts', 'diff', '--help'], { cwd: root });
  return /contracts diff/.test(help.stdout);
}

function shipshapeProcesses(basePath: string, revisionPath: string, notes: string[]): Row[] {
  const rows = [
    asProcess(
      {
        tool: 'Shipshape engine as a process (tsx script: start, read, parse, diff)',
        command: process.execPath,
        args: ['--import', 'tsx', 'bench/contract-diff-process.ts', basePath, revisionPath],
        repeats: processRuns,
        findings: shipshapeFindings,
      },
      notes,
    ),
  ];
  if (!cliHasContractsDiff()) {
    notes.push('the CLI has no `contracts diff` command in this checkout: no CLI row');
    return rows;
  }
  const cli = {
    tool: 'Shipshape CLI (`shipshape contracts diff --format json`)',
    command: process.execPath,
    args: ['bin/shipshape.js', 'contracts', 'diff', basePath, revisionPath, '--format', 'json'],
    repeats: processRuns,
    findings: shipshapeFindings,
  };
  return [...rows, asProcess(cli, notes)];
}

function describeOptic(counts: OpticCounts): string {
  const { failedChecks, endpoints } = counts;
  return `breaking (failed checks): error ${failedChecks.error}, warn ${failedChecks.warn}, info ${failedChecks.info}; endpoints +${endpoints.added} −${endpoints.removed} ~${endpoints.changed}`;
}

/**
 * Optic as published, then with its YAML parses remembered (a diagnostic that gives the same
 * results: bench/optic-yaml-memo.cjs), each within its own time limit and budget.
 */
function opticRows(files: { base: string; revision: string }, notes: string[]): Row[] {
  if (process.env.BENCH_OPTIC === '0') {
    notes.push('Optic skipped (BENCH_OPTIC=0)');
    return [];
  }
  const installed = installOptic();
  if ('error' in installed) {
    notes.push(`Optic ${opticVersion} could not be installed: ${installed.error}`);
    return [];
  }
  const variants = [
    { tool: `Optic ${opticVersion} (\`optic diff --check --json\`)`, memoisedYaml: false },
    { tool: `Optic ${opticVersion}, YAML parsed once per file (diagnostic)`, memoisedYaml: true },
  ];
  return variants.map(({ tool, memoisedYaml }) => {
    let counts: OpticCounts | undefined;
    fs.rmSync(opticResultsFile, { force: true });
    const row = asProcess(
      {
        tool,
        command: process.execPath,
        args: opticArguments(installed.script, files, memoisedYaml),
        repeats: opticRuns,
        cwd: opticWorkFolder,
        env: opticEnvironment(),
        timeoutSeconds: opticTimeoutSeconds,
        budgetSeconds: opticBudgetSeconds,
        findings: (stdout) => {
          counts = countOpticFindings(stdout);
          return describeOptic(counts);
        },
      },
      notes,
    );
    if (counts) notes.push(`${tool}: ${counts.passedChecks} checks passed`);
    return row;
  });
}

function printTable(rows: Row[]): void {
  const median = (samples: number[]) => (samples.length > 0 ? percentile(samples, 50).toFixed(3) : 'n/a');
  const p95 = (samples: number[]) => (samples.length > 0 ? percentile(samples, 95).toFixed(3) : 'n/a');
  console.log('| tool | timed runs | median s | p95 s | CPU median s | max RSS MB | findings |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const rss = row.maxRssKb === undefined ? 'n/a' : (row.maxRssKb / 1024).toFixed(0);
    console.log(
      `| ${row.tool} | ${row.samples.length} | ${median(row.samples)} | ${p95(row.samples)} | ${median(row.cpuSamples)} | ${rss} | ${row.findings} |`,
    );
  }
}

function printAims(engine: Row, asProcess: Row): void {
  const p95 = percentile(engine.samples, 95);
  const cpuP95 = percentile(engine.cpuSamples, 95);
  const peakMb = Math.max(engine.maxRssKb ?? 0, asProcess.maxRssKb ?? 0) / 1024;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(
    `- aim: diff p95 under ${aim.p95Seconds} s: ${p95.toFixed(3)} s wall, ${verdict(p95 < aim.p95Seconds)} (CPU p95 ${cpuP95.toFixed(3)} s)`,
  );
  console.log(
    `- aim: memory under ${aim.memoryMb} MB: peak RSS ${peakMb.toFixed(0)} MB, ${verdict(peakMb < aim.memoryMb)}`,
  );
}

function header(basePath: string, revisionPath: string, loadAtStart: string, withOptic: boolean): string {
  const sizes = [basePath, revisionPath].map((file) => (fs.statSync(file).size / 1024 / 1024).toFixed(1));
  const counts = `${runs} in-process runs, ${processRuns} per Shipshape process${withOptic ? `, ${opticRuns} for Optic` : ''} (after one warm-up each)`;
  const machine = `load average ${loadAtStart} at the start, ${loadAverage()} at the end; ${os.availableParallelism()} CPUs, Node ${process.version}`;
  return `${descriptionPackage} ${versions.base} → ${versions.revision}, ${descriptionFile} (${sizes.join(' MB and ')} MB); ${counts}; ${machine}${timesMemory ? '' : '; no /usr/bin/time, so no process RSS'}`;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

const basePath = githubDescription(versions.base);
const revisionPath = githubDescription(versions.revision);
const loadAtStart = loadAverage();
const notes: string[] = [];
const engine = inProcess(basePath, revisionPath, notes);
const processes = shipshapeProcesses(basePath, revisionPath, notes);
const optic = opticRows({ base: basePath, revision: revisionPath }, notes);
console.log(`${header(basePath, revisionPath, loadAtStart, optic.length > 0)}\n`);
printTable([engine, ...processes, ...optic]);
console.log('');
for (const note of notes) console.log(`- ${note}`);
if (processes[0]) printAims(engine, processes[0]);
