import type { Command } from 'commander';
import type {
  DeliveryReport,
  GitLabDeployment,
  JiraIssue,
  MergeRequestBundle,
  ParseError,
  ParseResult,
} from '../engines/delivery/index.ts';
import { type ConnectionOptions, createApiClient, printResult, resolveConnection } from './api-client.ts';
import type { DeliveryCommand } from './delivery-commands.ts';
import { dateTimeOption, deliveryBase, listOf } from './delivery-format.ts';
import { deliveryReportText } from './delivery-report.ts';
import type { ImportAnswer } from './delivery-types.ts';
import { readText } from './lookup.ts';
import { table } from './test-format.ts';

// `shipshape delivery import` and `report`: GitLab and Jira API payloads saved as files, checked
// by the engine before anything is sent; `report` computes the figures here, with no server.

type Options = ConnectionOptions & Record<string, unknown>;

/** The payloads as read (sent on as they are) and as the engine parsed them. */
interface Payloads {
  raw: { gitlabMergeRequests?: unknown[]; gitlabDeployments?: unknown[]; jiraIssues?: unknown[] };
  bundles: MergeRequestBundle[];
  deployments: GitLabDeployment[];
  issues: JiraIssue[];
  gitlabProjectId?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readJson(file: string): Promise<unknown> {
  const text = await readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads one file and parses it; its problems are added to `problems` with the file's name. */
async function readPayload<T>(
  file: unknown,
  parse: (json: unknown) => ParseResult<T[]>,
  problems: string[],
): Promise<{ raw?: unknown[]; parsed: T[] }> {
  if (file === undefined) return { parsed: [] };
  const json = await readJson(String(file));
  const result = parse(json);
  if (!result.ok) {
    problems.push(
      ...result.errors.map(
        (error: ParseError) => `${String(file)}: ${error.path || '(top)'}: ${error.message}`,
      ),
    );
    return { parsed: [] };
  }
  // A Jira search response holds its issues under `issues`; everything else is an array already.
  const raw = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.issues) ? json.issues : [];
  return { raw, parsed: result.value };
}

/**
 * GitLab's deployments list does not say its project: `--gitlab-project-id`, else the one project
 * the merge requests belong to, is written into each deployment that lacks `project_id`.
 */
function deploymentsProject(options: Options, bundles: MergeRequestBundle[]): number | undefined {
  if (options.gitlabProjectId !== undefined) {
    const id = Number(options.gitlabProjectId);
    if (!Number.isInteger(id) || id < 1)
      throw new Error(
        `--gitlab-project-id takes a GitLab project id, not ${String(options.gitlabProjectId)}`,
      );
    return id;
  }
  const projects = [...new Set(bundles.map((bundle) => bundle.project_id))];
  return projects.length === 1 ? projects[0] : undefined;
}

/** Reads and checks every file given; prints each problem with its path and fails when there are any. */
async function readPayloads(options: Options): Promise<Payloads> {
  const engine = await import('../engines/delivery/index.ts');
  const problems: string[] = [];
  const mergeRequests = await readPayload(options.gitlabMrs, engine.parseMergeRequestBundles, problems);
  const deployments = await readPayload(options.gitlabDeployments, engine.parseDeployments, problems);
  const issues = await readPayload(options.jira, engine.parseJiraIssues, problems);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    throw new Error(`${problems.length} problem(s) in the files; nothing was read`);
  }
  const gitlabProjectId = deploymentsProject(options, mergeRequests.parsed);
  const withProject = deployments.raw?.map((item) =>
    isRecord(item) && item.project_id === undefined && gitlabProjectId !== undefined
      ? { ...item, project_id: gitlabProjectId }
      : item,
  );
  return {
    raw: { gitlabMergeRequests: mergeRequests.raw, gitlabDeployments: withProject, jiraIssues: issues.raw },
    bundles: mergeRequests.parsed,
    deployments: deployments.parsed,
    issues: issues.parsed,
    gitlabProjectId,
  };
}

const fileOptions = (command: Command) =>
  command
    .option(
      '--gitlab-mrs <file>',
      'GitLab merge requests (JSON array), each with `commits` and `notes` arrays',
    )
    .option(
      '--gitlab-deployments <file>',
      'GitLab deployments (JSON array), as GET /projects/:id/deployments answers',
    )
    .option(
      '--jira <file>',
      'Jira issues with `expand=changelog`: an array or a search response with `issues`',
    )
    .option(
      '--gitlab-project-id <id>',
      'the GitLab project the deployments are of (default: the merge requests’ project)',
    );

function importText(answer: ImportAnswer): string {
  const row = (label: string, counts: { created: number; updated: number }) => [
    label,
    String(counts.created),
    String(counts.updated),
  ];
  return table([
    ['', 'CREATED', 'UPDATED'],
    row('merge requests', answer.mergeRequests),
    row('deployments', answer.deployments),
    row('jira issues', answer.jiraIssues),
  ]);
}

/** Runs the engine's report on the files: the same figures the server computes, with no server. */
async function offlineReport(options: Options): Promise<DeliveryReport> {
  const payloads = await readPayloads(options);
  const { deliveryReport } = await import('../engines/delivery/index.ts');
  const names = (option: unknown, fallback: string[]) => (option === undefined ? fallback : listOf(option));
  const to = dateTimeOption(options.to, '--to');
  return deliveryReport({
    bundles: payloads.bundles,
    deployments: payloads.deployments,
    gitlabProjectId: payloads.gitlabProjectId,
    jiraIssues: payloads.issues,
    categories: {
      inProgress: names(options.inProgress, ['In Progress', 'In Review']),
      done: names(options.done, ['Done', 'Closed', 'Resolved']),
    },
    incidentTypes: names(options.incidentTypes, ['Incident']),
    productionEnvironments: options.production === undefined ? undefined : listOf(options.production),
    asOf: to === undefined ? new Date() : new Date(to),
    from: dateTimeOption(options.from, '--from'),
    to,
  });
}

export function registerDeliveryFileCommands(delivery: Command, command: DeliveryCommand): void {
  fileOptions(
    command(delivery, 'import', 'Import GitLab and Jira payloads saved as files, checked here first'),
  )
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .action(async (options: Options) => {
      const payloads = await readPayloads(options);
      const client = createApiClient(resolveConnection(options));
      const base = await deliveryBase(client, String(options.project));
      const answer = await client.request<ImportAnswer>('POST', `${base}/delivery/imports`, {
        body: payloads.raw,
      });
      printResult(options, answer, () => importText(answer));
    });

  fileOptions(
    delivery.command('report').description('Delivery figures computed here from files, with no server'),
  )
    .option('--from <date>', 'start of DORA’s window (default: the earliest time in the files)')
    .option('--to <date>', 'end of DORA’s window, and the time the report is as of (default: now)')
    .option('--in-progress <statuses>', 'Jira statuses that mean started (default: In Progress, In Review)')
    .option('--done <statuses>', 'Jira statuses that mean done (default: Done, Closed, Resolved)')
    .option('--incident-types <types>', 'Jira issue types that are incidents (default: Incident)')
    .option(
      '--production <environments>',
      'GitLab environments that are production (default: production, prod)',
    )
    .option('--json', 'machine-readable output')
    .action(async (options: Options) => {
      const report = await offlineReport(options);
      printResult(options, report, () => deliveryReportText(report));
    });
}
