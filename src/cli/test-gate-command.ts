import type { Command } from 'commander';
import {
  ApiError,
  type ConnectionOptions,
  createApiClient,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { findRun, runPath } from './test-client.ts';
import { evaluateOffline } from './test-gate-offline.ts';
import type { GateEvaluation, GateFailure } from './test-types.ts';

export interface GateOptions extends ConnectionOptions {
  run?: string;
  results?: string;
  junit?: string;
  gate: string;
  project?: string;
}

/** A gate's verdict, evaluated on the server or offline, as the command prints it. */
export interface GateVerdict {
  passed: boolean;
  expression: string;
  failures: GateFailure[];
  /** What the verdict could not take into account (offline: new failures). */
  notes: string[];
  /** The server's answer in full, for --json. */
  evaluationId?: string;
  qualityGateId?: string | null;
  runId?: string;
}

export function printVerdict(verdict: GateVerdict, options: { json?: boolean }) {
  if (options.json) process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  else {
    const lines = [`Gate ${verdict.passed ? 'passed' : 'FAILED'}: ${verdict.expression}`];
    for (const failure of verdict.failures) lines.push(`  ✗ ${failure.condition}: ${failure.message}`);
    for (const note of verdict.notes) lines.push(`  note: ${note}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (!verdict.passed) {
    process.stderr.write(
      `shipshape: gate failed: ${verdict.failures.map((failure) => failure.condition).join(', ')}\n`,
    );
    process.exitCode = 1;
  }
}

/** Says a bad gate (it does not parse, or names no quality gate) and exits 2, apart from a failed gate's 1. */
function refuse(message: string): void {
  process.stderr.write(`shipshape: ${message}\n`);
  process.exitCode = 2;
}

async function evaluateOnServer(runId: string, options: GateOptions): Promise<void> {
  const client = createApiClient(resolveConnection(options));
  const run = await findRun(client, runId, options.project);
  let evaluation: GateEvaluation;
  try {
    evaluation = await client.request<GateEvaluation>('GET', `${runPath(run)}/gate`, {
      query: { gate: options.gate },
    });
  } catch (error) {
    if (error instanceof ApiError && [400, 404, 409, 422].includes(error.status))
      return refuse(error.message);
    throw error;
  }
  printVerdict({ ...evaluation, runId: run.id, notes: [] }, options);
}

/**
 * `shipshape tests gate`: may this change move on? On the server for an uploaded run (`--run`,
 * conditions or a quality gate of the plan, recorded as evidence), or offline on a results folder or
 * JUnit report with no server at all. Exit 0 passed, 1 failed, 2 a gate or input that is not valid.
 */
async function gate(options: GateOptions): Promise<void> {
  const sources = [options.run, options.results, options.junit].filter(Boolean).length;
  if (sources !== 1) return refuse('give one of --run <id>, --results <folder> or --junit <report.xml>');
  if (options.run) return evaluateOnServer(options.run, options);
  const outcome = await evaluateOffline(options);
  if ('refused' in outcome) return refuse(outcome.refused);
  printVerdict(outcome, options);
}

/** Adds `gate` to the `tests` command. */
export function registerTestGateCommand(tests: Command): void {
  withConnectionOptions(
    tests
      .command('gate')
      .description(
        'Evaluate a test gate on a run (exit 1 when it fails, printing each failed condition; 2 when the gate is not valid)',
      )
      .requiredOption(
        '--gate <gate>',
        'conditions, e.g. "failures = 0, passRate >= 98%, newFailures = 0, maxDuration <= 30s", or the name or id of a quality gate of the plan',
      )
      .option('--run <id>', 'an uploaded run, evaluated by the server (recorded as gate evidence)')
      .option('--project <key or id>', "the run's project (default: looked for in every project)")
      .option('--results <folder>', 'an Allure results folder, evaluated here with no server')
      .option('--junit <report.xml>', 'a JUnit report, evaluated here with no server'),
  ).action(gate);
}
