import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  evaluateGate,
  type GateFacts,
  GateSyntaxError,
  parseGate,
  type ReadResults,
  ResultsFolderReader,
  readJUnitReport,
  type TestResult,
} from '../engines/test-results/index.ts';
import type { GateOptions, GateVerdict } from './test-gate-command.ts';

/** A results folder read with the engine, one file at a time (attachments are only classified). */
async function readFolder(root: string): Promise<ReadResults> {
  const reader = new ResultsFolderReader();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fsp.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        reader.add(path.relative(root, full).split(path.sep).join('/'), await fsp.readFile(full));
    }
  };
  await walk(root);
  return reader.finish();
}

/** Which of two attempts of a test came last, as the importer decides: by stop, then by start. */
const later = (a: TestResult, b: TestResult) =>
  (a.stop ?? -1) !== (b.stop ?? -1) ? (a.stop ?? -1) > (b.stop ?? -1) : (a.start ?? -1) >= (b.start ?? -1);

/**
 * A run's facts from its results, as the importer counts them: retries of one test (one history
 * id) fold into their last attempt; a test that passed only after retries, or that its adapter
 * marked flaky, counts as flaky. New failures need the branch's previous run: 0 here, and the
 * caller leaves those conditions out.
 */
export function factsOf(results: readonly TestResult[]): GateFacts {
  const attempts = new Map<string, TestResult[]>();
  for (const result of results)
    attempts.set(result.historyId, [...(attempts.get(result.historyId) ?? []), result]);
  const facts: GateFacts = {
    total: 0,
    passed: 0,
    failed: 0,
    broken: 0,
    skipped: 0,
    unknown: 0,
    newFailures: 0,
    flaky: 0,
    maxDurationMs: undefined,
    durationMs: undefined,
  };
  let first: number | undefined;
  let last: number | undefined;
  for (const tries of attempts.values()) {
    const final = tries.reduce((latest, attempt) => (later(attempt, latest) ? attempt : latest));
    facts.total += 1;
    facts[final.status] += 1;
    if (final.statusDetails.flaky || (final.status === 'passed' && tries.length > 1)) facts.flaky += 1;
    if (final.start !== undefined && final.stop !== undefined)
      facts.maxDurationMs = Math.max(facts.maxDurationMs ?? 0, final.stop - final.start);
    for (const attempt of tries) {
      if (attempt.start !== undefined) first = Math.min(first ?? attempt.start, attempt.start);
      if (attempt.stop !== undefined) last = Math.max(last ?? attempt.stop, attempt.stop);
    }
  }
  if (first !== undefined && last !== undefined) facts.durationMs = last - first;
  return facts;
}

async function readLocal(options: GateOptions): Promise<TestResult[] | { refused: string }> {
  const target = options.junit ?? options.results ?? '';
  try {
    const read = options.junit
      ? readJUnitReport(path.basename(target), await fsp.readFile(target))
      : await readFolder(target);
    if (read.problems.length > 0) {
      const listed = read.problems.map((problem) => `${problem.file}: ${problem.message}`).join('; ');
      return { refused: `${read.problems.length} result file(s) cannot be read: ${listed}` };
    }
    return read.results;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
    return { refused: `cannot read ${target}: ${reason}` };
  }
}

/**
 * Evaluates a gate on local results with the engine alone (no server): condition lists only, since
 * a quality gate's name is the plan's, and new failures need the previous run of the branch.
 */
export async function evaluateOffline(options: GateOptions): Promise<GateVerdict | { refused: string }> {
  let conditions: ReturnType<typeof parseGate>;
  try {
    conditions = parseGate(options.gate);
  } catch (error) {
    if (!(error instanceof GateSyntaxError)) throw error;
    return {
      refused: `${error.message}; offline, --gate takes conditions (a quality gate of the plan needs --run)`,
    };
  }
  const results = await readLocal(options);
  if ('refused' in results) return results;
  const unknown = conditions.filter((condition) => condition.metric === 'newFailures');
  const evaluated = conditions.filter((condition) => condition.metric !== 'newFailures');
  const verdict = evaluateGate(evaluated, factsOf(results));
  const notes = unknown.map(
    (condition) =>
      `${condition.text} not evaluated: new failures are known only by comparing with the branch's previous run on the server (use --run)`,
  );
  return { ...verdict, expression: options.gate.trim(), notes };
}
