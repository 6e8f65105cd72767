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
import type { LintResult, Prd, PrdDiff, ReviewRequests } from './api-types.ts';
import { filterOf, findProject, isUuid, memberNamer, readText, writeOutput } from './lookup.ts';

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

async function listPrds(options: Options & Record<string, string | undefined>) {
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
}

async function showPrd(id: string, options: Options) {
  const client = clientOf(options);
  const found = await findPrd(client, id);
  const name = options.json ? () => '' : await memberNamer(client);
  printResult(options, found, () => `${describe(found, name)}\n\n${found.content}`);
}

async function updatePrd(id: string, options: Options & { file: string; title?: string }) {
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
}

/** The action of `prd submit | withdraw | archive`: one step of the PRD's life. */
function movePrd(action: 'submit' | 'withdraw' | 'archive') {
  return async (id: string, options: Options & { reason?: string }) => {
    const client = clientOf(options);
    const current = await findPrd(client, id);
    const moved = await client.request<Prd>('POST', `${prdPath(current)}/${action}`, {
      body: { reason: options.reason, version: current.version },
    });
    printResult(options, moved, () => `${moved.title}: ${current.status} → ${moved.status}`);
  };
}

async function supersedePrd(id: string, options: Options & { by: string; reason?: string }) {
  const client = clientOf(options);
  const current = await findPrd(client, id);
  const moved = await client.request<Prd>('POST', `${prdPath(current)}/supersede`, {
    body: { supersededBy: options.by, reason: options.reason, version: current.version },
  });
  printResult(options, moved, () => `${moved.title}: superseded by ${options.by}`);
}

async function reviewPrd(
  id: string,
  options: Options & { approve?: boolean; requestChanges?: boolean; message?: string },
) {
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
}

async function requestReview(id: string, options: Options & { reviewer: string[] }) {
  const client = clientOf(options);
  const current = await findPrd(client, id);
  const answer = await client.request<ReviewRequests>('POST', `${prdPath(current)}/review-requests`, {
    body: { reviewers: options.reviewer },
  });
  const name = options.json ? () => '' : await memberNamer(client);
  printResult(options, answer.data, () =>
    [`Reviewers of ${current.title}:`, ...answer.data.map((entry) => `  ${name(entry.reviewerId)}`)].join(
      '\n',
    ),
  );
}

async function showDiff(id: string, options: Options & { from: string; to?: string }) {
  const client = clientOf(options);
  const current = await findPrd(client, id);
  const diff = await client.request<PrdDiff>('GET', `${prdPath(current)}/diff`, {
    query: { from: options.from, to: options.to },
  });
  printResult(options, diff, () => diff.unified.replace(/\n$/, ''));
}

async function lintPrd(id: string, options: Options) {
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
}

async function exportPrd(id: string, options: Options & { format: string; out?: string }) {
  if (!['markdown', 'spec'].includes(options.format)) throw new Error('--format must be markdown or spec');
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
}

/** A `prd <name>` command that talks to the server. */
const subcommand = (prd: Command, name: string, description: string) =>
  withConnectionOptions(prd.command(name).description(description));

/** `prd create` and `prd import`: a new draft from Markdown. */
function addCreateCommands(prd: Command): void {
  subcommand(prd, 'create', 'Create a draft PRD from a Markdown file')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--file <path>', 'the Markdown (title from front matter or the first # heading)')
    .option('--title <title>', 'the title (overrides the file)')
    .action(createFromFile);

  subcommand(prd, 'import', 'Import a Markdown file (YAML front matter optional) as a new draft PRD')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .requiredOption('--file <path>', 'the Markdown file')
    .option('--title <title>', 'the title (overrides the file)')
    .action(createFromFile);
}

/** `prd list`, `prd show` and `prd update`: read a PRD and replace its content. */
function addReadCommands(prd: Command): void {
  subcommand(prd, 'list', "List a project's PRDs")
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--status <status>', 'draft, in_review, changes_requested, approved, … (comma-separated)')
    .option('--awaiting-me', 'only PRDs waiting for my review')
    .option('--author <user>', '`me` or a user id')
    .option('--reviewer <user>', 'asked to review: `me` or a user id')
    .option('-q, --query <text>', 'search title and content')
    .action(listPrds);

  subcommand(prd, 'show', 'Show a PRD and its content').argument('<id>', 'the PRD id').action(showPrd);

  subcommand(prd, 'update', 'Replace the content (and title) with a Markdown file: a new revision')
    .argument('<id>', 'the PRD id')
    .requiredOption('--file <path>', 'the Markdown (title from front matter or the first # heading)')
    .option('--title <title>', 'the title (overrides the file)')
    .action(updatePrd);
}

/** `prd submit | withdraw | archive | supersede | review | request-review`: the review workflow. */
function addWorkflowCommands(prd: Command): void {
  for (const action of ['submit', 'withdraw', 'archive'] as const) {
    subcommand(prd, action, `${action[0]?.toUpperCase()}${action.slice(1)} a PRD`)
      .argument('<id>', 'the PRD id')
      .option('--reason <text>', 'why (kept in the audit trail)')
      .action(movePrd(action));
  }

  subcommand(prd, 'supersede', 'Mark an approved PRD as replaced by another')
    .argument('<id>', 'the PRD id')
    .requiredOption('--by <id>', 'the PRD that replaces it (same project)')
    .option('--reason <text>', 'why (kept in the audit trail)')
    .action(supersedePrd);

  subcommand(prd, 'review', 'Approve the current revision, or request changes')
    .argument('<id>', 'the PRD id')
    .option('--approve', 'approve the current revision')
    .option('--request-changes', 'request changes (needs -m)')
    .option('-m, --message <text>', 'what the reviewer says')
    .action(reviewPrd);

  subcommand(prd, 'request-review', 'Ask members to review a PRD')
    .argument('<id>', 'the PRD id')
    .requiredOption('--reviewer <email or user id...>', 'one or more members')
    .action(requestReview);
}

/** `prd diff`, `prd lint` and `prd export`: what changed, what is missing, the document out. */
function addOutputCommands(prd: Command): void {
  subcommand(prd, 'diff', 'Show what changed between two revisions (unified diff)')
    .argument('<id>', 'the PRD id')
    .requiredOption('--from <n>', 'the older revision')
    .option('--to <n>', 'the newer revision (default: the current one)')
    .action(showDiff);

  subcommand(prd, 'lint', 'What the PRD lacks; exits 2 when it is not clean')
    .argument('<id>', 'the PRD id')
    .action(lintPrd);

  subcommand(prd, 'export', 'Export as Markdown with front matter, or as a spec.md')
    .argument('<id>', 'the PRD id')
    .option('--format <format>', 'markdown or spec', 'markdown')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(exportPrd);
}

export function registerPrdCommands(program: Command): void {
  const prd = program.command('prd').description('Product requirements documents and their review');
  addCreateCommands(prd);
  addReadCommands(prd);
  addWorkflowCommands(prd);
  addOutputCommands(prd);
}
