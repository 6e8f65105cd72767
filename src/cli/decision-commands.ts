import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  type ApiClient,
  ApiError,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import type { Decision, ImportReport } from './api-types.ts';
import { filterOf, findProject, isUuid, writeOutput } from './lookup.ts';

/** The import's report, with the files the CLI left out as not being decisions. */
type ShownImport = ImportReport & { skipped?: string[] };

type Options = ConnectionOptions & Record<string, unknown>;

const clientOf = (options: Options) => createApiClient(resolveConnection(options));
const base = '/api/v1/decision-logs';

/** Files in ADR folders that are not decisions: indexes, readmes and templates. */
const notDecisions = /^(readme|index|template|adr-template|_.*)\.md$/i;

/** A decision by id, by reference (`ADR-0003`) or by number (`3`). */
async function findDecision(client: ApiClient, reference: string): Promise<Decision> {
  if (isUuid(reference)) return client.request<Decision>('GET', `${base}/${reference}`);
  const number = /^(?:adr-)?0*(\d{1,9})$/i.exec(reference.trim())?.[1];
  if (!number) throw new Error(`not a decision id or reference: ${reference}`);
  const page = await client.request<{ data: Decision[] }>('GET', base, {
    query: { 'filter[number]': number, limit: 1 },
  });
  const found = page.data[0];
  if (!found) throw new Error(`no decision ${reference} in this workspace`);
  return found;
}

const line = (decision: Decision) =>
  `${decision.reference}  ${decision.status.padEnd(10)}  ${decision.decisionType.padEnd(12)}  ${decision.decisionDate}  ${decision.title}`;

/** The .md files of a folder (not its subfolders), in name order, minus indexes and templates. */
async function readFolder(folder: string) {
  let names: string[];
  try {
    names = (await fs.readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new Error(
      `cannot read ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const skipped = names.filter((name) => notDecisions.test(name));
  const files = await Promise.all(
    names
      .filter((name) => !notDecisions.test(name))
      .map(async (name) => ({ name, content: await fs.readFile(path.join(folder, name), 'utf8') })),
  );
  if (!files.length) throw new Error(`no ADR Markdown files in ${folder}`);
  return { files, skipped };
}

function describeImport(report: ShownImport): string {
  const verb = report.errors.length
    ? 'Nothing imported; would create'
    : report.dryRun
      ? 'Would create'
      : 'Created';
  const out = [`${verb} ${report.decisions.length} decision(s)${report.dryRun ? ' (dry run)' : ''}:`];
  for (const decision of report.decisions) {
    const replaced = decision.supersededBy ? ` (superseded by ${decision.supersededBy})` : '';
    out.push(
      `  ${decision.reference}  ${decision.status.padEnd(10)}  ${decision.file}  ${decision.title}${replaced}`,
    );
    for (const warning of decision.warnings) out.push(`    warning: ${warning}`);
  }
  if (report.skipped?.length) out.push(`Skipped (not decisions): ${report.skipped.join(', ')}`);
  if (report.errors.length) {
    out.push(`Cannot import ${report.errors.length} file(s):`);
    for (const error of report.errors) out.push(`  ${error.file}: ${error.reason}`);
  }
  return out.join('\n');
}

async function importFolder(
  folder: string,
  options: Options & { project?: string; dryRun?: boolean; type?: string },
) {
  const client = clientOf(options);
  const projectId = options.project ? (await findProject(client, options.project)).id : undefined;
  const { files, skipped } = await readFolder(folder);
  let report: ImportReport;
  try {
    report = await client.request<ImportReport>('POST', `${base}/import`, {
      body: { files, dryRun: Boolean(options.dryRun), projectId, decisionType: options.type },
    });
  } catch (error) {
    // A failed import answers 422 with the per-file report: show it, then fail.
    const failed =
      error instanceof ApiError ? (error.problem as { report?: ImportReport }).report : undefined;
    if (!failed) throw error;
    const shown = { ...failed, dryRun: false, skipped };
    printResult(options, shown, () => describeImport(shown));
    throw new Error(`${failed.errors.length} file(s) cannot be imported, so nothing was imported`);
  }
  printResult(options, { ...report, skipped }, () => describeImport({ ...report, skipped }));
  if (report.errors.length) throw new Error(`${report.errors.length} file(s) cannot be imported`);
}

async function listDecisions(options: Options & Record<string, string | string[] | undefined>) {
  const client = clientOf(options);
  const text = (name: string) => options[name] as string | undefined;
  const project = text('project') ? await findProject(client, String(text('project'))) : undefined;
  const found = await client.listAll<Decision>(base, {
    ...filterOf('status', text('status')),
    ...filterOf('decisionType', text('type')),
    ...(options.tag ? { 'filter[tags][all]': (options.tag as string[]).join(',') } : {}),
    ...(text('anyTag') ? { 'filter[tags][any]': text('anyTag') } : {}),
    ...(project ? { 'filter[project]': project.id } : {}),
    ...(text('owner') ? { 'filter[owner]': text('owner') } : {}),
    ...(text('sprint') ? { 'filter[sprintRelease]': text('sprint') } : {}),
    ...(text('since') ? { 'filter[decisionDate][gte]': text('since') } : {}),
    ...(text('until') ? { 'filter[decisionDate][lte]': text('until') } : {}),
    q: text('q'),
  });
  printResult(options, found, () => (found.length ? found.map(line).join('\n') : 'No decisions.'));
}

async function showDecision(id: string, options: Options) {
  const found = await findDecision(clientOf(options), id);
  printResult(options, found, () =>
    [
      line(found),
      `  id: ${found.id}${found.decisionOwner ? `, owner: ${found.decisionOwner}` : ''}`,
      ...(found.tags.length ? [`  tags: ${found.tags.join(', ')}`] : []),
      '',
      '## Context',
      found.context,
      '',
      '## Decision',
      found.decision,
    ].join('\n'),
  );
}

type ExportOptions = Options & { format?: string; out?: string; project?: string; status?: string };

/** The bytes of one decision as MADR, or of all of them as a zip or CSV, and the format given. */
async function exportedBytes(client: ApiClient, id: string | undefined, options: ExportOptions) {
  if (id) {
    if (options.format && options.format !== 'madr') throw new Error('one decision exports as --format madr');
    const decision = await findDecision(client, id);
    return { bytes: await client.download(`${base}/${decision.id}/export`), format: 'madr' };
  }
  if (options.format !== 'zip' && options.format !== 'csv')
    throw new Error('give a decision id, or --format zip or csv to export all decisions');
  if (options.format === 'zip' && !options.out) throw new Error('a zip needs --out <file>');
  const project = options.project ? await findProject(client, options.project) : undefined;
  const bytes = await client.download(`${base}/export`, {
    format: options.format,
    project: project?.id,
    status: options.status,
  });
  return { bytes, format: options.format };
}

async function exportDecisions(id: string | undefined, options: ExportOptions) {
  const { bytes, format } = await exportedBytes(clientOf(options), id, options);
  if (options.out) {
    await writeOutput(options.out, bytes);
    printResult(
      options,
      { format, out: options.out, bytes: bytes.length },
      () => `Wrote ${options.out} (${bytes.length} bytes).`,
    );
  } else if (options.json) {
    printResult(options, { format, content: bytes.toString('utf8') }, () => '');
  } else {
    await writeOutput(undefined, bytes);
  }
}

/** The action of `decisions propose | accept | reject | deprecate`: one step of a decision's life. */
function moveDecision(action: 'propose' | 'accept' | 'reject' | 'deprecate') {
  return async (id: string, options: Options & { reason?: string }) => {
    const client = clientOf(options);
    const current = await findDecision(client, id);
    const moved = await client.request<Decision>('POST', `${base}/${current.id}/${action}`, {
      body: { reason: options.reason, version: current.version },
    });
    printResult(
      options,
      moved,
      () => `${moved.reference} ${moved.title}: ${current.status} → ${moved.status}`,
    );
  };
}

async function supersedeDecision(id: string, options: Options & { by: string; reason?: string }) {
  const client = clientOf(options);
  const current = await findDecision(client, id);
  const replacement = await findDecision(client, options.by);
  const moved = await client.request<Decision>('POST', `${base}/${current.id}/supersede`, {
    body: { supersededBy: replacement.id, reason: options.reason, version: current.version },
  });
  printResult(
    options,
    moved,
    () => `${moved.reference} ${moved.title}: superseded by ${replacement.reference} ${replacement.title}`,
  );
}

/** A `decisions <name>` command that talks to the server. */
const subcommand = (decisions: Command, name: string, description: string) =>
  withConnectionOptions(decisions.command(name).description(description));

/** `decisions import`, `list`, `show` and `export`: decisions in and out. */
function addReadCommands(decisions: Command): void {
  subcommand(
    decisions,
    'import',
    'Import a folder of ADR Markdown files (Nygard, MADR 2/3/4, log4brains): all or nothing',
  )
    .argument('<folder>', 'the folder, e.g. ./docs/adr')
    .option('--project <key or id>', 'the project the decisions belong to')
    .option('--type <type>', 'decision type of files that name none (default architecture)')
    .option('--dry-run', 'only show what would be created')
    .action(importFolder);

  subcommand(decisions, 'list', 'List decisions, newest decision date first')
    .option(
      '--status <status>',
      'draft, proposed, accepted, rejected, deprecated, superseded (comma-separated)',
    )
    .option('--type <type>', 'decision type (comma-separated)')
    .option('--tag <tag...>', 'has every one of these tags')
    .option('--any-tag <tags>', 'has at least one of these comma-separated tags')
    .option('--project <key or id>', 'only the decisions of this project')
    .option('--owner <user id>', 'owned by this member')
    .option('--sprint <sprint>', 'sprint or release')
    .option('--since <date>', 'decided on or after (YYYY-MM-DD)')
    .option('--until <date>', 'decided on or before (YYYY-MM-DD)')
    .option('-q, --q <text>', 'search title, context, decision and consequences')
    .action(listDecisions);

  subcommand(decisions, 'show', 'Show a decision')
    .argument('<id>', 'the decision id, or its reference (ADR-0003)')
    .action(showDecision);

  subcommand(
    decisions,
    'export',
    'One decision as MADR Markdown, or all of them as a zip of Markdown files or CSV',
  )
    .argument('[id]', 'one decision (id or ADR-0003); without it, all decisions')
    .option('--format <format>', 'zip or csv (all decisions); madr (one decision)')
    .option('--project <key or id>', 'all decisions: only this project')
    .option('--status <status>', 'all decisions: only this status')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(exportDecisions);
}

/** `decisions propose | accept | reject | deprecate | supersede`: a decision's status. */
function addWorkflowCommands(decisions: Command): void {
  for (const action of ['propose', 'accept', 'reject', 'deprecate'] as const) {
    subcommand(decisions, action, `${action[0]?.toUpperCase()}${action.slice(1)} a decision`)
      .argument('<id>', 'the decision id, or its reference (ADR-0003)')
      .option('--reason <text>', 'why (kept in the audit trail)')
      .action(moveDecision(action));
  }

  subcommand(decisions, 'supersede', 'Mark an accepted decision as replaced by another accepted one')
    .argument('<id>', 'the decision replaced (id or ADR-0003)')
    .requiredOption('--by <id>', 'the decision that replaces it (id or ADR-0007)')
    .option('--reason <text>', 'why (kept in the audit trail)')
    .action(supersedeDecision);
}

export function registerDecisionCommands(program: Command): void {
  const decisions = program.command('decisions').description('The decision log (ADRs)');
  addReadCommands(decisions);
  addWorkflowCommands(decisions);
}
