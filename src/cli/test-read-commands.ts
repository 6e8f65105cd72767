import type { Command } from 'commander';
import {
  type ApiClient,
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { filterOf, findProject } from './lookup.ts';
import { findRun, projectPath, wholeNumber } from './test-client.ts';
import { formatDuration, formatPercent, passRate, table } from './test-format.ts';
import { runDetails, runReport } from './test-run-report.ts';
import type {
  BranchPage,
  FlakyTest,
  HistoryEntry,
  Page,
  QuarantinedTest,
  TestRun,
  TrendPoint,
} from './test-types.ts';

interface PageOptions extends ConnectionOptions {
  project: string;
  limit: number;
  cursor?: string;
  all?: boolean;
}

/** One page (with where the next one starts), or with --all every page. */
async function readPages<T>(
  client: ApiClient,
  path: string,
  query: Record<string, string | number | undefined>,
  options: PageOptions,
): Promise<Page<T>> {
  if (options.all) return { data: await client.listAll<T>(path, query), nextCursor: null };
  return client.request<Page<T>>('GET', path, {
    query: { ...query, limit: options.limit, cursor: options.cursor },
  });
}

/** Pages of a list that also says the branch it looked at. */
async function readBranchPages<T>(
  client: ApiClient,
  path: string,
  query: Record<string, string | number | undefined>,
  options: PageOptions,
): Promise<BranchPage<T>> {
  const first = await client.request<BranchPage<T>>('GET', path, {
    query: { ...query, limit: options.all ? 200 : options.limit, cursor: options.cursor },
  });
  let page = first;
  while (options.all && page.nextCursor) {
    page = await client.request<BranchPage<T>>('GET', path, {
      query: { ...query, limit: 200, cursor: page.nextCursor },
    });
    first.data.push(...page.data);
  }
  return options.all ? { ...first, nextCursor: null } : first;
}

function withMore(lines: string[], page: Page<unknown>): string {
  if (page.data.length === 0) lines.push('(none)');
  if (page.nextCursor) lines.push(`More: --cursor ${page.nextCursor} (or --all)`);
  return lines.join('\n');
}

const shortId = (id: string) => id.slice(0, 13);

async function listRuns(options: PageOptions & { branch?: string; status?: string }): Promise<void> {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const page = await readPages<TestRun>(
    client,
    `${projectPath(project.id)}/test-runs`,
    { ...filterOf('branch', options.branch), ...filterOf('status', options.status) },
    options,
  );
  printResult(options, page, () => {
    const rows = page.data.map((run) => [
      run.createdAt.slice(0, 16).replace('T', ' '),
      run.id,
      run.status,
      run.branch ?? '—',
      run.commitSha?.slice(0, 8) ?? '—',
      `${run.totals.total} tests`,
      `${formatPercent(passRate(run.totals))} pass`,
      formatDuration(run.durationMs),
      run.name,
    ]);
    return withMore(rows.length > 0 ? [table(rows)] : [], page);
  });
}

/** A run in full: totals, failures by category, new and fixed failures, the slowest tests. */
async function showRun(runId: string, options: ConnectionOptions & { project?: string; top: number }) {
  const client = createApiClient(resolveConnection(options));
  const run = await findRun(client, runId, options.project);
  const details = await runDetails(client, run, options.top);
  printResult(options, details, () => runReport(details, options.top));
}

function flakyLines(page: BranchPage<FlakyTest>, runs: number | undefined): string {
  const rows = page.data.map((test) => [
    formatPercent(test.flipRate),
    `${test.flips}/${test.runsConsidered}`,
    String(test.retriedPasses),
    test.lastStatus,
    test.lastFlipAt ? test.lastFlipAt.slice(0, 10) : '—',
    `${test.fullName}  (${test.historyId})`,
  ]);
  const heading = `Flaky tests on ${page.branch ?? 'no branch'} over its last ${runs ?? 30} imported runs:`;
  const header = ['flip rate', 'flips/runs', 'retried passes', 'last', 'last flip', 'test'];
  return withMore([heading, ...(rows.length > 0 ? [table([header, ...rows])] : [])], page);
}

function quarantinedLines(page: BranchPage<QuarantinedTest>): string {
  const rows = page.data.map((test) => [
    test.status,
    [test.quarantined && 'quarantined', test.muted && 'muted'].filter(Boolean).join(', '),
    `${test.fullName}  (${test.historyId})`,
  ]);
  return withMore(
    [`Quarantined tests on ${page.branch ?? 'no branch'}:`, ...(rows.length > 0 ? [table(rows)] : [])],
    page,
  );
}

async function listFlaky(options: PageOptions & { branch?: string; runs?: number; quarantined?: boolean }) {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const query = { branch: options.branch, runs: options.runs };
  const path = `${projectPath(project.id)}/${options.quarantined ? 'quarantined-tests' : 'flaky-tests'}`;
  if (options.quarantined) {
    const page = await readBranchPages<QuarantinedTest>(client, path, query, options);
    printResult(options, page, () => quarantinedLines(page));
  } else {
    const page = await readBranchPages<FlakyTest>(client, path, query, options);
    printResult(options, page, () => flakyLines(page, options.runs));
  }
}

async function showHistory(historyId: string, options: PageOptions & { branch?: string }) {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const page = await readPages<HistoryEntry>(
    client,
    `${projectPath(project.id)}/tests/${encodeURIComponent(historyId)}/history`,
    { 'filter[branch]': options.branch },
    options,
  );
  printResult(options, page, () => {
    const rows = page.data.map((entry) => [
      entry.createdAt.slice(0, 16).replace('T', ' '),
      entry.status,
      formatDuration(entry.durationMs),
      entry.branch ?? '—',
      entry.commitSha?.slice(0, 8) ?? '—',
      `${entry.runName} (${shortId(entry.runId)}…)`,
    ]);
    return withMore(rows.length > 0 ? [table(rows)] : [], page);
  });
}

async function showTrends(
  options: ConnectionOptions & {
    project: string;
    branch?: string;
    interval?: string;
    from?: string;
    to?: string;
  },
) {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const answer = await client.request<TrendPoint[] | { data: TrendPoint[] }>(
    'GET',
    `${projectPath(project.id)}/test-trends`,
    {
      query: { branch: options.branch, interval: options.interval, from: options.from, to: options.to },
    },
  );
  const points = Array.isArray(answer) ? answer : answer.data;
  printResult(options, points, () => {
    const rows = points.map((point) => [
      point.period.slice(0, 10),
      point.branch ?? '—',
      `${point.runs} runs`,
      `${point.tests} tests`,
      `${formatPercent(point.passRate)} pass`,
      `avg ${formatDuration(point.avgDurationMs)}`,
    ]);
    return rows.length > 0 ? table(rows) : '(no imported runs in that period)';
  });
}

const pageOptions = (command: Command) =>
  command
    .option('--limit <n>', 'items per page (at most 200)', wholeNumber, 50)
    .option('--cursor <cursor>', 'the next page, as the previous answer gave it')
    .option('--all', 'every page');

/** `shipshape tests runs | show | flaky | history | trends`. */
export function registerTestReadCommands(tests: Command): void {
  withConnectionOptions(
    pageOptions(
      tests
        .command('runs')
        .description("A project's test runs, newest first")
        .requiredOption('--project <key or id>', 'the project')
        .option('--branch <name>', 'only this branch (comma-separated for several)')
        .option('--status <status>', 'uploading, queued, importing, imported or failed (comma-separated)'),
    ),
  ).action(listRuns);

  withConnectionOptions(
    tests
      .command('show')
      .description('A test run: totals, failures by category, new failures, the slowest tests')
      .argument('<runId>', 'the run id (tests upload and tests runs print it)')
      .option('--project <key or id>', "the run's project (default: looked for in every project)")
      .option('--top <n>', 'how many new failures and slowest tests', wholeNumber, 10),
  ).action(showRun);

  withConnectionOptions(
    pageOptions(
      tests
        .command('flaky')
        .description(
          'Flaky tests: status flips between passing and failing over the last runs of a branch, ranked by flip rate',
        )
        .requiredOption('--project <key or id>', 'the project')
        .option('--branch <name>', "the branch (default: the latest run's)")
        .option(
          '--runs <n>',
          'how many of the latest imported runs to look at (default 30, at most 500)',
          wholeNumber,
        )
        .option('--quarantined', 'list the quarantined tests instead'),
    ),
  ).action(listFlaky);

  withConnectionOptions(
    pageOptions(
      tests
        .command('history')
        .description("One test's result in every imported run, newest first")
        .argument('<historyId>', "the test's history id (tests show --json and flaky print it)")
        .requiredOption('--project <key or id>', 'the project')
        .option('--branch <name>', 'only runs of this branch'),
    ),
  ).action(showHistory);

  withConnectionOptions(
    tests
      .command('trends')
      .description('Pass rate and duration of imported runs per day or week, by branch')
      .requiredOption('--project <key or id>', 'the project')
      .option('--branch <name>', 'only this branch')
      .option('--interval <interval>', 'day (default) or week')
      .option('--from <date>', 'ISO 8601 start (default: 30 days ago)')
      .option('--to <date>', 'ISO 8601 end (default: now)'),
  ).action(showTrends);
}
