import type { Command } from 'commander';
import { zipSync } from 'fflate';
import { runFails } from '../engines/openapi-diff/format/index.ts';
import type { DiffResult } from '../engines/openapi-diff/index.ts';
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
  version: { id: string; [field: string]: unknown };
  /** Null for a contract's first version, which has nothing to be compared with. */
  diff: DiffResult | null;
  /** The same content as the latest version: nothing new was recorded. */
  unchanged?: boolean;
}

/** The media type the server reads an archive as, by its magic numbers. */
function archiveType(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'application/zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'application/gzip';
  return 'application/x-tar';
}

/**
 * The request that carries a contract as it was read: a single JSON or YAML file as itself, a file
 * with the files its `$ref`s reach zipped together with its name as the entry, an archive as it is,
 * and GraphQL SDL (which has no media type the server reads raw) in the JSON form.
 */
export function uploadRequest(source: ContractSource, options: UploadOptions): RequestOptions {
  const query = { version: options.version, commit: options.commit, entry: options.entry };
  const { input } = source;
  if (input.kind === 'archive')
    return { query, rawBody: { contentType: archiveType(input.bytes), data: input.bytes } };
  if (input.kind === 'files') {
    const zipped = zipSync(
      Object.fromEntries(Object.entries(input.files).map(([name, text]) => [name, Buffer.from(text)])),
    );
    return {
      query: { ...query, entry: options.entry ?? input.entry },
      rawBody: { contentType: 'application/zip', data: zipped },
    };
  }
  if (/\.(graphql|graphqls|gql)$/i.test(input.name))
    return {
      body: {
        version: options.version,
        content: input.text,
        filename: input.name.split(/[\\/:]/).at(-1),
        ...(options.commit ? { commit: options.commit } : {}),
      },
    };
  const json = /\.json$/i.test(input.name) || input.text.trimStart().startsWith('{');
  return {
    query,
    rawBody: { contentType: json ? 'application/json' : 'application/yaml', data: input.text },
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

/**
 * `shipshape contracts upload`: records a version of a project's API contract on the server, which
 * compares it with the previous version; prints that verdict and exits 1 when it fails.
 */
async function upload(file: string, options: UploadOptions): Promise<void> {
  let source: ContractSource;
  let settings: Omit<RenderSettings, 'color' | 'file'>;
  try {
    settings = {
      format: formatOf(options),
      failOn: failOnOf(options.failOn),
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
  const diff = answer.diff ?? emptyResult('openapi', null, options.version);
  if (settings.format === 'json') process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  else {
    const heading =
      settings.format === 'text' ? `${describe(answer, options, project.key ?? project.id)}\n\n` : '';
    const file = {
      uri: source.entry.path,
      ...(source.entry.text === undefined ? {} : { text: source.entry.text }),
    };
    const report =
      answer.diff || settings.format !== 'text'
        ? renderReport(diff, { ...settings, color: false, file })
        : '';
    process.stdout.write(`${heading}${report}`.trimEnd().concat('\n'));
  }
  process.exitCode = runFails(diff, settings.failOn) ? 1 : 0;
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
      .option('--fail-on <level>', 'the lowest level that fails the run: ERR, WARN or INFO', 'ERR')
      .option('--format <format>', `report format: ${reportFormats.join(', ')}`, 'text')
      .option(
        '--rules-url <url>',
        'where rule ids link to in Markdown and SARIF (default docs/contract-checks.md)',
      ),
  )
    .exitOverride(usageExit)
    .action(upload);
}
