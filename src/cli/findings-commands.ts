import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { filterOf, findProject } from './lookup.ts';
import { projectPath } from './test-client.ts';
import { table } from './test-format.ts';

// `shipshape findings upload|list`: an analyser's SARIF log into the project's review findings, and
// the findings as the plan lists them.

interface FindingSet {
  id: string;
  tool: string;
  toolVersion: string | null;
  stream: string;
  commitSha: string | null;
  branch: string | null;
  counts: {
    results: number;
    opened: number;
    seenAgain: number;
    reopened: number;
    closed: number;
    suppressed: number;
  };
}

interface Finding {
  id: string;
  name: string;
  ruleId: string | null;
  severity: string;
  disposition: string;
  status: string;
  location: string | null;
}

interface UploadOptions extends ConnectionOptions {
  project: string;
  commit?: string;
  branch?: string;
}

function countsLine(set: FindingSet): string {
  const { counts } = set;
  return `${counts.results} result${counts.results === 1 ? '' : 's'}: ${counts.opened} opened, ${counts.seenAgain} seen again, ${counts.reopened} reopened, ${counts.closed} closed, ${counts.suppressed} suppressed`;
}

async function upload(file: string, options: UploadOptions): Promise<void> {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const data = await readFile(file);
  const answer = await client.request<{ data: FindingSet[] }>(
    'POST',
    `${projectPath(project.id)}/findings/sarif`,
    {
      query: { commit: options.commit, branch: options.branch },
      rawBody: { contentType: 'application/sarif+json', data },
    },
  );
  printResult(
    options,
    answer,
    () =>
      answer.data
        .map(
          (set) =>
            `${set.tool}${set.toolVersion ? ` ${set.toolVersion}` : ''} (stream ${set.stream}): ${countsLine(set)} — set ${set.id}`,
        )
        .join('\n') || 'The log has no runs.',
  );
}

interface ListOptions extends ConnectionOptions {
  project: string;
  severity?: string;
  status?: string;
  rule?: string;
  stream?: string;
  limit: number;
}

async function list(options: ListOptions): Promise<void> {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const page = await client.request<{ data: Finding[]; nextCursor: string | null }>(
    'GET',
    `${projectPath(project.id)}/plan/code-review-automation/review-findings`,
    {
      query: {
        ...filterOf('severity', options.severity),
        ...filterOf('status', options.status),
        ...filterOf('ruleId', options.rule),
        ...filterOf('stream', options.stream),
        limit: options.limit,
      },
    },
  );
  printResult(options, page, () => {
    if (page.data.length === 0) return '(none)';
    const rows = page.data.map((finding) => [
      finding.severity,
      finding.disposition,
      finding.status,
      finding.ruleId ?? '—',
      finding.location ?? '—',
      finding.name,
    ]);
    return [table(rows), ...(page.nextCursor ? [`More: raise --limit (at most 200)`] : [])].join('\n');
  });
}

export function registerFindingsCommands(program: Command): void {
  const findings = program
    .command('findings')
    .description("Analysers' findings (SARIF 2.1.0) in the plan's review findings");
  withConnectionOptions(
    findings
      .command('upload')
      .description('Upload a SARIF 2.1.0 log (ESLint, Biome, Semgrep, CodeQL…): one finding set per run')
      .argument('<results.sarif>', 'the SARIF log')
      .requiredOption('--project <key or id>', 'the project the findings belong to')
      .option('--commit <sha>', 'the commit analysed (7 to 64 hex digits)')
      .option('--branch <name>', 'the branch analysed'),
  ).action(upload);
  withConnectionOptions(
    findings
      .command('list')
      .description("A project's review findings, newest first")
      .requiredOption('--project <key or id>', 'the project')
      .option('--severity <levels>', 'critical, major, minor or info (comma-separated for several)')
      .option('--status <states>', 'open, fixed, accepted or false-positive (comma-separated for several)')
      .option('--rule <ruleId>', "the analyser's rule, e.g. no-eval")
      .option('--stream <stream>', 'the result stream (automationDetails.id, else the tool)')
      .option('--limit <n>', 'at most this many (1–200)', (value) => Number(value), 50),
  ).action(list);
}
