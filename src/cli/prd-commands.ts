import type { Command } from 'commander';
import { fromMarkdown } from '../modules/prd-reviews/exchange.ts';
import {
  type ApiClient,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { filterOf, findProject, isUuid, memberNamer, readText, writeOutput } from './lookup.ts';

interface Prd {
  id: string;
  projectId: string;
  title: string;
  content: string;
  status: string;
  authorId: string;
  currentRevision: number;
  reviewRound: number;
  reviewedBy: string | null;
  reviewedAt: string | null;
  approvedRevision: number | null;
  allowedActions: string[];
  version: number;
  updatedAt: string;
}

interface LintResult {
  revision: number;
  clean: boolean;
  problems: { rule: string; message: string; line: number | null }[];
}

type Options = ConnectionOptions & Record<string, unknown>;

const clientOf = (options: Options) => createApiClient(resolveConnection(options));

/** A PRD by its id alone: the server says which project it is in. */
async function findPrd(client: ApiClient, id: string): Promise<Prd> {
  if (!isUuid(id)) throw new Error(`not a PRD id: ${id}`);
  return client.request<Prd>('GET', `/api/v1/prd-reviews/${id}`);
}

const prdPath = (prd: Prd) => `/api/v1/projects/${prd.projectId}/prd-reviews/${prd.id}`;

const summary = (prd: Prd) => `${prd.id}  ${prd.status.padEnd(17)}  r${prd.currentRevision}  ${prd.title}`;

function describe(prd: Prd, name: (userId: string | null) => string): string {
  const approval = prd.reviewedBy
    ? `approved revision ${prd.approvedRevision} by ${name(prd.reviewedBy)} at ${prd.reviewedAt}`
    : 'not approved';
  return [
    `${prd.title}`,
    `  id:        ${prd.id}`,
    `  project:   ${prd.projectId}`,
    `  status:    ${prd.status} (next: ${prd.allowedActions.join(', ') || 'nothing'})`,
    `  revision:  ${prd.currentRevision}, review round ${prd.reviewRound}, ${approval}`,
    `  author:    ${name(prd.authorId)}`,
  ].join('\n');
}

/** Creates a PRD from a Markdown file: the server takes the title from the file unless --title. */
async function createFromFile(options: Options & { project: string; file?: string; title?: string }) {
  const client = clientOf(options);
  const project = await findProject(client, options.project);
  const base = `/api/v1/projects/${project.id}/prd-reviews`;
  let prd: Prd;
  if (options.file) {
    prd = await client.request<Prd>('POST', `${base}/import`, {
      body: { markdown: await readText(options.file), title: options.title },
    });
  } else if (options.title) {
    prd = await client.request<Prd>('POST', base, { body: { title: options.title } });
  } else {
    throw new Error('give --file (title from its front matter or first heading) or --title');
  }
  printResult(options, prd, () => `Created PRD ${prd.id} in ${project.key}: ${prd.title} (draft, r1)`);
}

export function registerPrdCommands(program: Command): void {
  const prd = program.command('prd').description('Product requirements documents and their review');
  const command = (name: string, description: string) =>
    withConnectionOptions(prd.command(name).description(description));

  command('create', 'Create a draft PRD from a Markdown file')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--file <path>', 'the Markdown (title from front matter or the first # heading)')
    .option('--title <title>', 'the title (overrides the file)')
    .action(createFromFile);

  command('import', 'Import a Markdown file (YAML front matter optional) as a new draft PRD')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .requiredOption('--file <path>', 'the Markdown file')
    .option('--title <title>', 'the title (overrides the file)')
    .action(createFromFile);

  command('list', "List a project's PRDs")
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--status <status>', 'draft, in_review, changes_requested, approved, … (comma-separated)')
    .option('--awaiting-me', 'only PRDs waiting for my review')
    .option('--author <user>', '`me` or a user id')
    .option('--reviewer <user>', 'asked to review: `me` or a user id')
    .option('-q, --query <text>', 'search title and content')
    .action(async (options: Options & Record<string, string | undefined>) => {
      const client = clientOf(options);
      const project = await findProject(client, String(options.project));
      const prds = await client.listAll<Prd>(`/api/v1/projects/${project.id}/prd-reviews`, {
        ...filterOf('status', options.status),
        ...(options.awaitingMe ? { 'filter[awaitingReviewBy]': 'me' } : {}),
        ...(options.author ? { 'filter[authorId]': options.author } : {}),
        ...(options.reviewer ? { 'filter[reviewer]': options.reviewer } : {}),
        q: options.query,
      });
      printResult(options, prds, () => (prds.length ? prds.map(summary).join('\n') : 'No PRDs.'));
    });

  command('show', 'Show a PRD and its content')
    .argument('<id>', 'the PRD id')
    .action(async (id: string, options: Options) => {
      const client = clientOf(options);
      const found = await findPrd(client, id);
      const name = options.json ? () => '' : await memberNamer(client);
      printResult(options, found, () => `${describe(found, name)}\n\n${found.content}`);
    });

  command('update', 'Replace the content (and title) with a Markdown file: a new revision')
    .argument('<id>', 'the PRD id')
    .requiredOption('--file <path>', 'the Markdown (title from front matter or the first # heading)')
    .option('--title <title>', 'the title (overrides the file)')
    .action(async (id: string, options: Options & { file: string; title?: string }) => {
      const client = clientOf(options);
      const current = await findPrd(client, id);
      const parsed = fromMarkdown(await readText(options.file));
      const title = options.title ?? parsed.title ?? undefined;
      const updated = await client.request<Prd>('PATCH', prdPath(current), {
        body: { content: parsed.content, ...(title ? { title } : {}) },
        headers: { 'if-match': `"v${current.version}"` },
      });
      printResult(options, updated, () =>
        updated.currentRevision === current.currentRevision
          ? `Unchanged: ${updated.title} is still revision ${updated.currentRevision}.`
          : `Updated ${updated.title}: revision ${updated.currentRevision} (${updated.status}).`,
      );
    });

  for (const action of ['submit', 'withdraw', 'archive'] as const) {
    command(action, `${action[0]?.toUpperCase()}${action.slice(1)} a PRD`)
      .argument('<id>', 'the PRD id')
      .option('--reason <text>', 'why (kept in the audit trail)')
      .action(async (id: string, options: Options & { reason?: string }) => {
        const client = clientOf(options);
        const current = await findPrd(client, id);
        const moved = await client.request<Prd>('POST', `${prdPath(current)}/${action}`, {
          body: { reason: options.reason, version: current.version },
        });
        printResult(options, moved, () => `${moved.title}: ${current.status} → ${moved.status}`);
      });
  }

  command('supersede', 'Mark an approved PRD as replaced by another')
    .argument('<id>', 'the PRD id')
    .requiredOption('--by <id>', 'the PRD that replaces it (same project)')
    .option('--reason <text>', 'why (kept in the audit trail)')
    .action(async (id: string, options: Options & { by: string; reason?: string }) => {
      const client = clientOf(options);
      const current = await findPrd(client, id);
      const moved = await client.request<Prd>('POST', `${prdPath(current)}/supersede`, {
        body: { supersededBy: options.by, reason: options.reason, version: current.version },
      });
      printResult(options, moved, () => `${moved.title}: superseded by ${options.by}`);
    });

  command('review', 'Approve the current revision, or request changes')
    .argument('<id>', 'the PRD id')
    .option('--approve', 'approve the current revision')
    .option('--request-changes', 'request changes (needs -m)')
    .option('-m, --message <text>', 'what the reviewer says')
    .action(
      async (
        id: string,
        options: Options & { approve?: boolean; requestChanges?: boolean; message?: string },
      ) => {
        if (Boolean(options.approve) === Boolean(options.requestChanges))
          throw new Error('give exactly one of --approve and --request-changes');
        if (options.requestChanges && !options.message?.trim())
          throw new Error('--request-changes needs -m "what must change"');
        const client = clientOf(options);
        const current = await findPrd(client, id);
        const action = options.approve ? 'approve' : 'request-changes';
        const reviewed = await client.request<Prd>('POST', `${prdPath(current)}/${action}`, {
          body: { comment: options.message, version: current.version },
        });
        printResult(options, reviewed, () =>
          options.approve
            ? reviewed.status === 'approved'
              ? `Approved: ${reviewed.title} (revision ${reviewed.approvedRevision}) is approved.`
              : `Approval recorded; ${reviewed.title} still needs more approvals (${reviewed.status}).`
            : `Changes requested on ${reviewed.title} (${reviewed.status}).`,
        );
      },
    );

  command('request-review', 'Ask members to review a PRD')
    .argument('<id>', 'the PRD id')
    .requiredOption('--reviewer <email or user id...>', 'one or more members')
    .action(async (id: string, options: Options & { reviewer: string[] }) => {
      const client = clientOf(options);
      const current = await findPrd(client, id);
      const answer = await client.request<{ data: { reviewerId: string }[] }>(
        'POST',
        `${prdPath(current)}/review-requests`,
        { body: { reviewers: options.reviewer } },
      );
      const name = options.json ? () => '' : await memberNamer(client);
      printResult(options, answer.data, () =>
        [`Reviewers of ${current.title}:`, ...answer.data.map((entry) => `  ${name(entry.reviewerId)}`)].join(
          '\n',
        ),
      );
    });

  command('diff', 'Show what changed between two revisions (unified diff)')
    .argument('<id>', 'the PRD id')
    .requiredOption('--from <n>', 'the older revision')
    .option('--to <n>', 'the newer revision (default: the current one)')
    .action(async (id: string, options: Options & { from: string; to?: string }) => {
      const client = clientOf(options);
      const current = await findPrd(client, id);
      const diff = await client.request<{ unified: string }>('GET', `${prdPath(current)}/diff`, {
        query: { from: options.from, to: options.to },
      });
      printResult(options, diff, () => diff.unified.replace(/\n$/, ''));
    });

  command('lint', 'What the PRD lacks; exits 2 when it is not clean')
    .argument('<id>', 'the PRD id')
    .action(async (id: string, options: Options) => {
      const client = clientOf(options);
      const current = await findPrd(client, id);
      const lint = await client.request<LintResult>('GET', `${prdPath(current)}/lint`);
      printResult(options, lint, () =>
        lint.clean
          ? `Revision ${lint.revision} is clean.`
          : [
              `Revision ${lint.revision}: ${lint.problems.length} problem(s)`,
              ...lint.problems.map(
                (problem) =>
                  `  ${problem.line ? `line ${problem.line}: ` : ''}${problem.message} [${problem.rule}]`,
              ),
            ].join('\n'),
      );
      if (!lint.clean) process.exitCode = 2;
    });

  command('export', 'Export as Markdown with front matter, or as a spec.md')
    .argument('<id>', 'the PRD id')
    .option('--format <format>', 'markdown or spec', 'markdown')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (id: string, options: Options & { format: string; out?: string }) => {
      if (!['markdown', 'spec'].includes(options.format))
        throw new Error('--format must be markdown or spec');
      const client = clientOf(options);
      const current = await findPrd(client, id);
      const text = await client.download(`${prdPath(current)}/export`, { format: options.format });
      if (options.out) {
        await writeOutput(options.out, text);
        printResult(
          options,
          { id: current.id, format: options.format, out: options.out, bytes: text.length },
          () => `Wrote ${options.out} (${text.length} bytes).`,
        );
      } else if (options.json) {
        printResult(
          options,
          { id: current.id, format: options.format, content: text.toString('utf8') },
          () => '',
        );
      } else {
        await writeOutput(undefined, text);
      }
    });
}
