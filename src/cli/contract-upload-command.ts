import type { Command } from 'commander';
import { zipSync } from 'fflate';
import { runFails } from '../engines/openapi-diff/format/index.ts';
import { type DiffResult, type Finding, type Level, levels } from '../engines/openapi-diff/index.ts';
import {
  type ConnectionOptions,
  createApiClient,
  type RequestOptions,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import {
  emptyResult,
  failOnOf,
  formatOf,
  type RenderSettings,
  renderReport,
  reportFormats,
  UsageError,
  usageExit,
} from './contract-report.ts';
import { type ContractSource, ContractSourceError, readContractSource } from './contract-sources.ts';
import { findProject } from './lookup.ts';

interface UploadOptions extends ConnectionOptions {
  project: string;
  api: string;
  version: string;
  commit?: string;
  entry?: string;
  failOn?: string;
  format?: string;
  rulesUrl?: string;
}

/** What the server answers to an upload: the version it recorded and its diff against the previous one. */
interface UploadAnswer {
  version: { id: string; label?: string };
  /** Null for a contract's first version, which has nothing to be compared with. */
  diff: StoredDiff | null;
  /** The same content as the latest version: nothing new was recorded. */
  unchanged?: boolean;
  /** The server's judgement by the project's failOn setting. */
  verdict?: { outcome: 'pass' | 'fail'; failOn: Level | 'never' };
}

/** A diff as the server stores it: each ERR and WARN change with the registered consumers it reaches. */
type StoredDiff = Omit<DiffResult, 'findings'> & {
  findings: (Finding & { consumers?: { id: string; name: string }[]; unused?: boolean })[];
  /** How many consumers were registered when the diff was computed. */
  consumers?: number;
};

/**
 * Who the changes reach: `checkout-web (1 ERR, 2 WARN), ledger (1 ERR); 2 changes no registered
 * consumer uses`. Empty while the contract has no registered consumer.
 */
export function consumersLine(diff: StoredDiff): string {
  if (!diff.consumers) return '';
  const reached = new Map<string, Record<Level, number>>();
  for (const finding of diff.findings)
    for (const consumer of finding.consumers ?? []) {
      const counts = reached.get(consumer.name) ?? { ERR: 0, WARN: 0, INFO: 0 };
      counts[finding.level]++;
      reached.set(consumer.name, counts);
    }
  const named = [...reached].map(([name, counts]) => {
    const parts = levels.filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${level}`);
    return `${name} (${parts.join(', ')})`;
  });
  const unused = diff.findings.filter((finding) => finding.unused).length;
  const reach =
    named.length > 0 ? `Consumers reached: ${named.join(', ')}` : 'No registered consumer is reached';
  return `${reach}; ${unused} change${unused === 1 ? '' : 's'} at ERR or WARN that no registered consumer uses.`;
}

/** The report's settings once the options are checked; failOn is absent when the project's setting applies. */
type UploadSettings = Omit<RenderSettings, 'color' | 'file' | 'failOn'> & { failOn?: Level };

/** The media type the server reads an archive as, by its magic numbers. */
function archiveType(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'application/zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'application/gzip';
  return 'application/x-tar';
}

/** The media type a text contract is sent as, by its name or, failing that, its first character. */
function textType(name: string, text: string): string {
  if (/\.(graphql|graphqls|gql)$/i.test(name)) return 'application/graphql';
  if (/\.json$/i.test(name) || text.trimStart().startsWith('{')) return 'application/json';
  return 'application/yaml';
}

/**
 * The request that carries a contract as it was read, raw with the version in the query: a single
 * file as itself (its name as `filename`, for the server's messages), a file with the files its
 * `$ref`s reach zipped together with it as the entry, an archive as it is.
 */
export function uploadRequest(source: ContractSource, options: UploadOptions): RequestOptions {
  const query = { version: options.version, commit: options.commit, entry: options.entry };
  const { input } = source;
  if (input.kind === 'archive')
    return { query, rawBody: { contentType: archiveType(input.bytes), data: input.bytes } };
  if (input.kind === 'files') {
    const files = Object.entries(input.files).map(([name, text]) => [name, Buffer.from(text)] as const);
    return {
      query: { ...query, entry: options.entry ?? input.entry },
      rawBody: { contentType: 'application/zip', data: zipSync(Object.fromEntries(files)) },
    };
  }
  const filename = source.entry.path.split('/').at(-1);
  return {
    query: { ...query, filename },
    rawBody: { contentType: textType(input.name, input.text), data: input.text },
  };
}

function describe(answer: UploadAnswer, options: UploadOptions, projectName: string): string {
  const name = `${options.api} ${options.version}`;
  if (answer.unchanged)
    return `${name} is unchanged: the same content as the latest version of ${options.api} in ${projectName}.`;
  if (!answer.diff)
    return `Recorded ${name} in ${projectName}: its first version, with nothing to compare it with.`;
  return `Recorded ${name} in ${projectName}, compared with the previous version:`;
}

/** The level that fails the upload: --fail-on, else the project's setting as the server applied it. */
function failOnFor(answer: UploadAnswer, asked: Level | undefined): Level | 'never' {
  return asked ?? answer.verdict?.failOn ?? 'ERR';
}

function print(
  answer: UploadAnswer,
  source: ContractSource,
  settings: UploadSettings,
  heading: string,
): void {
  if (settings.format === 'json') {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  const failOn = failOnFor(answer, settings.failOn);
  const diff = answer.diff ?? emptyResult('openapi', null, answer.version.label ?? null);
  const file = {
    uri: source.entry.path,
    ...(source.entry.text === undefined ? {} : { text: source.entry.text }),
  };
  const shown = settings.format !== 'text' || answer.diff;
  const report = shown
    ? renderReport(diff, { ...settings, failOn: failOn === 'never' ? 'ERR' : failOn, color: false, file })
    : '';
  const lead = settings.format === 'text' ? `${heading}\n\n` : '';
  const consumers = settings.format === 'text' && answer.diff ? consumersLine(answer.diff) : '';
  process.stdout.write(`${lead}${report}${consumers ? `\n${consumers}` : ''}`.trimEnd().concat('\n'));
}

/** Whether the upload fails the job: judged here with --fail-on, else as the server judged it. */
function uploadFails(answer: UploadAnswer, asked: Level | undefined): boolean {
  if (asked) return answer.diff !== null && runFails(answer.diff, asked);
  if (answer.verdict) return answer.verdict.outcome === 'fail';
  return answer.diff !== null && runFails(answer.diff, 'ERR');
}

/**
 * `shipshape contracts upload`: records a version of a project's API contract on the server, which
 * compares it with the previous version; prints that verdict and exits 1 when it fails.
 */
async function upload(file: string, options: UploadOptions): Promise<void> {
  let source: ContractSource;
  let settings: UploadSettings;
  try {
    settings = {
      format: formatOf(options),
      ...(options.failOn === undefined ? {} : { failOn: failOnOf(options.failOn) }),
      ...(options.rulesUrl === undefined ? {} : { rulesUrl: options.rulesUrl }),
    };
    source = await readContractSource(file);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ContractSourceError)) throw error;
    process.stderr.write(`shipshape: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const answer = await client.request<UploadAnswer>(
    'POST',
    `/api/v1/projects/${project.id}/contracts/${encodeURIComponent(options.api)}/versions`,
    uploadRequest(source, options),
  );
  print(answer, source, settings, describe(answer, options, project.key ?? project.id));
  process.exitCode = uploadFails(answer, settings.failOn) ? 1 : 0;
}

/** Adds `upload` to the `contracts` command. */
export function registerContractUploadCommand(contracts: Command): void {
  withConnectionOptions(
    contracts
      .command('upload')
      .description(
        "Record a version of a project's API contract on the server and print its verdict against the previous version (exit 1 when it fails, 2 on bad input)",
      )
      .argument(
        '<file>',
        'the contract: a file, a folder with an openapi.yaml, a .zip/.tar.gz bundle, or <git-ref>:<path>',
      )
      .requiredOption('--project <key or id>', 'the project the API belongs to')
      .requiredOption('--api <name or id>', "the API contract in the project's plan, e.g. payments")
      .requiredOption('--version <label>', 'the version label, e.g. 2.3.0')
      .option('--commit <sha>', 'the commit the contract comes from')
      .option(
        '--entry <path>',
        "the entry file inside a bundle (default: the bundle's openapi.yaml or the like)",
      )
      .option(
        '--fail-on <level>',
        "the lowest level that fails the run: ERR, WARN or INFO (default: the project's setting)",
      )
      .option('--format <format>', `report format: ${reportFormats.join(', ')}`, 'text')
      .option(
        '--rules-url <url>',
        'where rule ids link to in Markdown and SARIF (default docs/contract-checks.md)',
      ),
  )
    .exitOverride(usageExit)
    .action(upload);
}
