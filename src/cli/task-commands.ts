import type { Command } from 'commander';
import {
  type ApiClient,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { filterOf, findProject, isUuid } from './lookup.ts';

// `shipshape tasks …`: a project's tasks for people and agents — list, claim, report, complete.

type Options = ConnectionOptions & Record<string, unknown>;

interface Task {
  id: string;
  key: string;
  number: number;
  title: string;
  status: string;
  description: string;
  source: { kind: string; key?: string };
  acceptanceCriteria: { kind: string; ref: string; text?: string }[];
  gateIds: string[];
  evidence: { commits: string[]; mergeRequestUrl?: string; testRunIds: string[]; findingSetIds: string[] };
  assignee: { id: string; displayName: string; kind: string } | null;
  claimExpiresAt: string | null;
  attempts: number;
  override: { by: string; reason: string } | null;
}

interface Evaluation {
  id: string;
  passed: boolean;
  overridden: boolean;
  conditions: { kind: string; gateName?: string; passed: boolean; message: string }[];
}

const clientOf = (options: Options) => createApiClient(resolveConnection(options));

function line(task: Task): string {
  const holder =
    task.assignee && task.status === 'claimed'
      ? ` — ${task.assignee.displayName} until ${task.claimExpiresAt}`
      : '';
  return `${task.key.padEnd(6)} ${task.status.padEnd(10)} ${task.title}${holder}`;
}

function details(task: Task): string {
  const lines = [
    `${task.key} ${task.title}`,
    `Status: ${task.status}${task.assignee ? ` · assignee ${task.assignee.displayName} (${task.assignee.kind})` : ''}${task.claimExpiresAt ? ` · claim until ${task.claimExpiresAt}` : ''} · attempts ${task.attempts}`,
    `Source: ${task.source.kind}${task.source.key ? ` ${task.source.key}` : ''}`,
    `Id: ${task.id}`,
  ];
  if (task.description) lines.push('', task.description);
  if (task.acceptanceCriteria.length) {
    lines.push('', 'Acceptance criteria:');
    for (const criterion of task.acceptanceCriteria)
      lines.push(`  - ${criterion.kind} ${criterion.ref}${criterion.text ? `: ${criterion.text}` : ''}`);
  }
  if (task.gateIds.length) lines.push('', `Gates: ${task.gateIds.join(', ')}`);
  const { evidence } = task;
  if (
    evidence.commits.length ||
    evidence.mergeRequestUrl ||
    evidence.testRunIds.length ||
    evidence.findingSetIds.length
  )
    lines.push(
      '',
      'Evidence:',
      ...(evidence.commits.length ? [`  commits: ${evidence.commits.join(', ')}`] : []),
      ...(evidence.mergeRequestUrl ? [`  merge request: ${evidence.mergeRequestUrl}`] : []),
      ...(evidence.testRunIds.length ? [`  test runs: ${evidence.testRunIds.join(', ')}`] : []),
      ...(evidence.findingSetIds.length ? [`  finding sets: ${evidence.findingSetIds.join(', ')}`] : []),
    );
  if (task.override) lines.push('', `Gate overridden by ${task.override.by}: ${task.override.reason}`);
  return lines.join('\n');
}

function evaluationText(evaluation: Evaluation): string {
  const lines = [`Gates ${evaluation.passed ? 'pass' : 'fail'} (evaluation ${evaluation.id})`];
  for (const condition of evaluation.conditions)
    lines.push(
      `  ${condition.passed ? '✓' : '✗'} ${condition.kind}${condition.gateName ? ` [${condition.gateName}]` : ''}: ${condition.message}`,
    );
  if (evaluation.conditions.length === 0) lines.push('  (no conditions)');
  return lines.join('\n');
}

/** The project's tasks base path, and a task named by its id, key (T-3) or number (3). */
async function target(client: ApiClient, options: Options, reference?: string) {
  const project = await findProject(client, String(options.project));
  const base = `/api/v1/projects/${project.id}/tasks`;
  if (reference === undefined) return { base, id: '' };
  if (isUuid(reference)) return { base, id: reference };
  const number = /^(?:T-)?(\d+)$/i.exec(reference)?.[1];
  if (!number) throw new Error(`name a task by its id, key (T-3) or number, not ${reference}`);
  const page = await client.request<{ data: Task[] }>('GET', base, {
    query: { 'filter[number]': number, limit: 1 },
  });
  const task = page.data[0];
  if (!task) throw new Error(`no task T-${number} in project ${options.project}`);
  return { base, id: task.id };
}

const lease = (options: Options) =>
  options.lease === undefined ? {} : { leaseSeconds: Number(options.lease) };
const list = (value: string, previous: string[] = []) => [...previous, value];
const optional = (value: unknown) => (value === undefined ? undefined : String(value));

type Define = (name: string, description: string) => Command;

export function registerTaskCommands(program: Command): void {
  const tasks = program
    .command('tasks')
    .description("A project's tasks: claim, report evidence, complete past the gates");
  const command: Define = (name, description) =>
    withConnectionOptions(tasks.command(name).description(description)).requiredOption(
      '--project <key or id>',
      'the project, e.g. PAY',
    );
  registerReadCommands(command);
  registerClaimCommands(command);
  registerWorkCommands(command);
}

/** list, show, create, generate. */
function registerReadCommands(command: Define): void {
  command('list', 'The tasks, by number')
    .option(
      '--status <status>',
      'open, claimed, in_review, done, blocked, cancelled (comma-separated for several)',
    )
    .option('--source <kind>', 'requirement, check, finding or manual')
    .option('--assignee <userId>', 'held or last held by this user')
    .option('--q <words>', 'search title and description')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const { base } = await target(client, options);
      const query = {
        ...filterOf('status', optional(options.status)),
        ...filterOf('sourceKind', optional(options.source)),
        ...filterOf('assigneeId', optional(options.assignee)),
        ...(options.q ? { q: String(options.q) } : {}),
      };
      const all = await client.listAll<Task>(base, query);
      printResult(options, all, () => (all.length ? all.map(line).join('\n') : 'No tasks.'));
    });

  command('show', 'One task, with its criteria, gates and evidence')
    .argument('<task>', 'T-3, 3 or the id')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const task = await client.request<Task>('GET', `${base}/${id}`);
      printResult(options, task, () => details(task));
    });

  command('create', 'A task by hand')
    .requiredOption('--title <title>', 'what to do')
    .option('--description <text>', 'more about it')
    .option('--gate <gateId>', 'a quality gate that applies (repeatable)', list)
    .option('--check <checkId>', 'a readiness check that must pass (repeatable)', list)
    .action(async (options: Options) => {
      const client = clientOf(options);
      const { base } = await target(client, options);
      const checks = Array.isArray(options.check) ? options.check.map(String) : [];
      const task = await client.request<Task>('POST', base, {
        body: {
          title: options.title,
          ...(options.description ? { description: options.description } : {}),
          ...(options.gate ? { gateIds: options.gate } : {}),
          ...(checks.length ? { acceptanceCriteria: checks.map((ref) => ({ kind: 'check', ref })) } : {}),
        },
      });
      printResult(options, task, () => `Created ${line(task)}`);
    });

  command('generate', "Tasks from an approved PRD's requirements and the failing readiness checks")
    .option('--prd <prdId>', 'an approved PRD: one task per FR-xxx')
    .option('--checks', 'one task per failing readiness check')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const { base } = await target(client, options);
      const answer = await client.request<{ created: Task[]; existing: number }>('POST', `${base}/generate`, {
        body: { ...(options.prd ? { prdId: options.prd } : {}), ...(options.checks ? { checks: true } : {}) },
      });
      printResult(options, answer, () =>
        [
          `Created ${answer.created.length}, ${answer.existing} already existed.`,
          ...answer.created.map(line),
        ].join('\n'),
      );
    });
}

/** claim, claim-next, heartbeat, release. */
function registerClaimCommands(command: Define): void {
  command('claim', 'Claim a task (held until the lease ends without a heartbeat)')
    .argument('<task>', 'T-3, 3 or the id')
    .option('--lease <seconds>', 'lease length, 30–86400 (default 900)')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const task = await client.request<Task>('POST', `${base}/${id}/claim`, { body: lease(options) });
      printResult(options, task, () => `Claimed ${line(task)}`);
    });

  command('claim-next', 'Claim the next open task')
    .option('--lease <seconds>', 'lease length, 30–86400 (default 900)')
    .option('--source <kind>', 'only tasks from requirement, check, finding or manual')
    .action(async (options: Options) => {
      const client = clientOf(options);
      const { base } = await target(client, options);
      const task = await client.request<Task>('POST', `${base}/claim-next`, {
        body: { ...lease(options), ...(options.source ? { sourceKind: options.source } : {}) },
      });
      printResult(options, task, () => `Claimed ${line(task)}`);
    });

  command('heartbeat', 'Keep your claim for another lease')
    .argument('<task>', 'T-3, 3 or the id')
    .option('--lease <seconds>', 'lease length from now, 30–86400 (default 900)')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const task = await client.request<Task>('POST', `${base}/${id}/heartbeat`, { body: lease(options) });
      printResult(options, task, () => `Kept ${task.key} until ${task.claimExpiresAt}`);
    });

  command('release', 'Give a claimed task back (open again)')
    .argument('<task>', 'T-3, 3 or the id')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const task = await client.request<Task>('POST', `${base}/${id}/release`, { body: {} });
      printResult(options, task, () => `Released ${line(task)}`);
    });
}

/** evidence, evaluate, complete. */
function registerWorkCommands(command: Define): void {
  command('evidence', 'Attach commits, the merge request, test runs and finding sets')
    .argument('<task>', 'T-3, 3 or the id')
    .option('--commit <sha>', 'a commit (repeatable)', list)
    .option('--mr <url>', 'the merge request URL')
    .option('--test-run <runId>', 'an imported test run (repeatable)', list)
    .option('--finding-set <setId>', 'an uploaded SARIF finding set (repeatable)', list)
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const task = await client.request<Task>('POST', `${base}/${id}/evidence`, {
        body: {
          ...(options.commit ? { commits: options.commit } : {}),
          ...(options.mr ? { mergeRequestUrl: options.mr } : {}),
          ...(options.testRun ? { testRunIds: options.testRun } : {}),
          ...(options.findingSet ? { findingSetIds: options.findingSet } : {}),
        },
      });
      printResult(options, task, () => details(task));
    });

  command('evaluate', "Judge the task's gates on its evidence now, without moving it")
    .argument('<task>', 'T-3, 3 or the id')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const evaluation = await client.request<Evaluation>('POST', `${base}/${id}/evaluate`, { body: {} });
      printResult(options, evaluation, () => evaluationText(evaluation));
      if (!evaluation.passed) process.exitCode = 1;
    });

  command('complete', 'Move the task to review or done, past its gates')
    .argument('<task>', 'T-3, 3 or the id')
    .option('--to <status>', 'in_review or done', 'done')
    .option('--override <reason>', 'admins and owners: complete despite failing gates, with why')
    .action(async (reference: string, options: Options) => {
      const client = clientOf(options);
      const { base, id } = await target(client, options, reference);
      const task = await client.request<Task>('POST', `${base}/${id}/complete`, {
        body: { to: options.to, ...(options.override ? { override: { reason: options.override } } : {}) },
      });
      printResult(options, task, () => `${task.key} is ${task.status}`);
    });
}
