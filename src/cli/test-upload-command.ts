import type { Command } from 'commander';
import {
  ApiError,
  type Connection,
  type ConnectionOptions,
  createApiClient,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { findProject } from './lookup.ts';
import { projectPath } from './test-client.ts';
import { originOf, problemLines, totalsLine } from './test-format.ts';
import { createPhaseProgress, formatBytes } from './test-progress.ts';
import type { TestRun } from './test-types.ts';
import { postStream, type StreamAnswer } from './test-upload-http.ts';
import { openUploadSource, type UploadSource, UploadSourceError } from './test-upload-source.ts';
import { waitForImport } from './test-wait.ts';

export interface UploadOptions extends ConnectionOptions {
  project: string;
  commit?: string;
  branch?: string;
  name?: string;
  pipelineUrl?: string;
  environment?: string;
  skipInvalid?: boolean;
  junit?: string;
  wait: boolean;
  timeout: number;
}

/** The problem body of a refused upload, whatever part of it the server sent. */
function problemOf({ status, statusText, text }: StreamAnswer): ApiError {
  let problem: ConstructorParameters<typeof ApiError>[1] = { detail: text || statusText };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') problem = parsed;
  } catch {
    // not JSON: the text is the reason
  }
  return new ApiError(status, problem);
}

/**
 * POSTs the upload as a stream: the body is read from disk, or packed, only as fast as the server
 * takes it. A server that refuses early (413, 422) is answered as it said.
 */
async function send(connection: Connection, projectId: string, source: UploadSource, options: UploadOptions) {
  const target = new URL(`${connection.url}${projectPath(projectId)}/test-runs`);
  const query = {
    name: options.name,
    commit: options.commit,
    branch: options.branch,
    pipelineUrl: options.pipelineUrl,
    environment: options.environment,
    skipInvalid: options.skipInvalid ? 'true' : undefined,
  };
  for (const [name, value] of Object.entries(query)) if (value) target.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': source.contentType };
  if (source.contentLength !== undefined) headers['content-length'] = String(source.contentLength);
  if (connection.token) headers.authorization = `Bearer ${connection.token}`;
  let answer: StreamAnswer;
  try {
    answer = await postStream(target, headers, source.body);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`upload to ${connection.url} failed: ${typeof code === 'string' ? code : reason}`);
  }
  if (answer.status < 200 || answer.status > 299) throw problemOf(answer);
  return parseRun(answer.text);
}

/** The run the server answered with (the CLI trusts the server's shapes, as its client does). */
function parseRun(text: string): TestRun {
  return JSON.parse(text);
}

/** What the terminal shows while the bytes go: bytes read of the expected total, and sent. */
function sendingLine(source: UploadSource) {
  return (read: number, total: number | null) => {
    const sent = source.kind === 'folder' ? `, ${formatBytes(source.counters.sent)} sent (gzip)` : '';
    const of = total ? ` of ${formatBytes(total)}` : '';
    const verb = source.kind === 'folder' ? 'packed' : 'sent';
    return `${verb} ${formatBytes(read)}${of}${sent}`;
  };
}

function printOutcome(run: TestRun, options: UploadOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
  } else if (run.status === 'imported') {
    const lines = [`Imported test run ${run.id} "${run.name}" (${run.format}, ${originOf(run)})`];
    lines.push(`  ${totalsLine(run.totals)}`);
    if (run.skippedFiles.length > 0) {
      lines.push(
        `  Skipped ${run.skippedFiles.length} invalid file(s):`,
        ...problemLines(run.skippedFiles, '    '),
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } else if (run.status === 'failed') {
    const lines = [`Test run ${run.id} "${run.name}" failed to import:`, ...problemLines(run.importErrors)];
    process.stdout.write(`${lines.join('\n')}\n`);
  } else {
    process.stdout.write(`Uploaded test run ${run.id} "${run.name}": ${run.status}\n`);
  }
  if (run.status === 'failed') {
    const count = run.importErrors.length;
    const first = run.importErrors[0];
    process.stderr.write(
      `shipshape: test run ${run.id} failed to import${first ? `: ${first.file}: ${first.message}` : ''}${count > 1 ? ` (and ${count - 1} more)` : ''}\n`,
    );
    process.exitCode = 1;
  }
}

/**
 * `shipshape tests upload`: streams a results folder (packed as it goes), an archive of one, or a
 * JUnit report to the server, then follows the import until the run is imported or failed.
 */
async function upload(target: string | undefined, options: UploadOptions): Promise<void> {
  const path = options.junit ?? target;
  if (!path || (options.junit && target))
    throw new UploadSourceError('give a results folder, a .zip/.tar.gz/.tar of one, or --junit <report.xml>');
  const connection = resolveConnection(options);
  const client = createApiClient(connection);
  const project = await findProject(client, options.project);
  const quiet = Boolean(options.json);
  const stream = quiet ? { write: () => true, isTTY: false } : process.stderr;
  let describeSending: ReturnType<typeof sendingLine> = () => '';
  const sending = createPhaseProgress((done, total) => describeSending(done, total), { stream });
  const source = await openUploadSource(path, Boolean(options.junit), (counters) =>
    sending.update(counters.read, source.expectedBytes),
  );
  describeSending = sendingLine(source);
  let queued: TestRun;
  try {
    queued = await send(connection, project.id, source, options);
  } finally {
    sending.finish();
  }
  if (!quiet)
    process.stderr.write(
      `Uploaded ${formatBytes(queued.uploadBytes || source.counters.sent)} to ${project.key ?? project.id}: run ${queued.id} ${queued.status}\n`,
    );
  const run = options.wait
    ? await waitForImport(client, queued, { stream, timeoutSeconds: options.timeout })
    : queued;
  printOutcome(run, options);
}

/** Adds `upload` to the `tests` command. */
export function registerTestUploadCommand(tests: Command): void {
  withConnectionOptions(
    tests
      .command('upload')
      .description(
        'Upload a test run — an Allure results folder (packed as it streams), a .zip/.tar.gz/.tar of one, or a JUnit report — and wait for its import (exit 1 when it fails)',
      )
      .argument('[results]', 'an Allure results folder, or a .zip, .tar.gz or .tar of one')
      .requiredOption('--project <key or id>', 'the project the run belongs to')
      .option('--junit <report.xml>', 'a JUnit XML report instead of Allure results')
      .option('--commit <sha>', 'the commit tested (7 to 64 hex digits)')
      .option('--branch <name>', 'the branch tested; new failures and flaky tests compare runs of one branch')
      .option('--name <name>', 'the run name (default: branch and short commit)')
      .option('--pipeline-url <url>', 'the CI pipeline that ran the tests')
      .option('--environment <name>', 'where the tests ran (staging, chromium, …)')
      .option(
        '--skip-invalid',
        'import the valid files and list the invalid ones, instead of refusing the run',
      )
      .option('--no-wait', 'answer once the upload is queued, without following the import')
      .option(
        '--timeout <seconds>',
        'give up following the import after this long (the import goes on)',
        (value) => {
          const seconds = Number(value);
          if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`not a number of seconds: ${value}`);
          return seconds;
        },
        1800,
      ),
  ).action(upload);
}
