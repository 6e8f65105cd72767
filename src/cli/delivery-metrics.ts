import type { Command } from 'commander';
import { type ConnectionOptions, createApiClient, printResult, resolveConnection } from './api-client.ts';
import type { DeliveryCommand } from './delivery-commands.ts';
import {
  dateTimeOption,
  deliveryBase,
  doraText,
  humanDuration,
  percentileCells,
  rounded,
} from './delivery-format.ts';
import {
  type DoraMetrics,
  type JiraMetrics,
  type MergeRequestMetrics,
  type ReviewerMetrics,
  stageNames,
} from './delivery-types.ts';
import { formatPercent, table } from './test-format.ts';

// `shipshape delivery metrics`: the figures the server computes over the synced data, durations
// humanised in text and left in ms with --json.

type Options = ConnectionOptions & Record<string, unknown>;

/** Each kind of figure and the metrics path that answers it. */
const kinds = { 'lead-time': 'merge-requests', jira: 'jira', dora: 'dora', reviewers: 'reviewers' } as const;
type Kind = keyof typeof kinds;

const isKind = (value: string): value is Kind => Object.hasOwn(kinds, value);

function mergeRequestText(metrics: MergeRequestMetrics): string {
  const stages = stageNames.map((stage) => [stage, ...percentileCells(metrics.overall.stages[stage])]);
  const series = metrics.series.map((point) => [
    point.bucket,
    point.group ?? '—',
    String(point.merged),
    ...stageNames.map((stage) => humanDuration(point.stages[stage].p50)),
  ]);
  return [
    `Merge requests merged ${metrics.from} → ${metrics.to}: ${metrics.overall.merged}`,
    table([['STAGE', 'P50', 'P75', 'P90'], ...stages]),
    '',
    `Per ${metrics.interval}${metrics.groupBy === 'none' ? '' : ` and ${metrics.groupBy}`} (p50):`,
    series.length
      ? table([['BUCKET', 'GROUP', 'MERGED', ...stageNames.map((stage) => stage.toUpperCase())], ...series])
      : '(none)',
  ].join('\n');
}

function jiraText(metrics: JiraMetrics): string {
  const { overall } = metrics;
  const throughput = metrics.throughput.map((point) => [
    point.bucket,
    String(point.done),
    humanDuration(point.lead.p50),
    humanDuration(point.cycle.p50),
  ]);
  const statuses = metrics.timeInStatus.map((row) => [
    row.status,
    String(row.issues),
    humanDuration(row.meanMs),
    humanDuration(row.totalMs),
  ]);
  return [
    `Jira issues done ${metrics.from} → ${metrics.to}: ${overall.done}`,
    table([
      ['', 'P50', 'P75', 'P90'],
      ['lead', ...percentileCells(overall.lead)],
      ['cycle', ...percentileCells(overall.cycle)],
    ]),
    '',
    `Throughput per ${metrics.interval}:`,
    throughput.length ? table([['BUCKET', 'DONE', 'LEAD P50', 'CYCLE P50'], ...throughput]) : '(none)',
    '',
    'Time in status:',
    statuses.length ? table([['STATUS', 'ISSUES', 'MEAN', 'TOTAL'], ...statuses]) : '(none)',
  ].join('\n');
}

function reviewersText(metrics: ReviewerMetrics): string {
  const rows = metrics.reviewers.map((reviewer) => [
    reviewer.handle,
    reviewer.name ?? '—',
    String(reviewer.reviews),
    String(reviewer.comments),
    formatPercent(reviewer.share),
  ]);
  return [
    `Merged ${metrics.from} → ${metrics.to}: ${metrics.merged}, ${metrics.mergedWithoutReview} without review; balance (Gini) ${metrics.balance === null ? '—' : rounded(metrics.balance)}`,
    rows.length ? table([['REVIEWER', 'NAME', 'REVIEWS', 'COMMENTS', 'SHARE'], ...rows]) : '(no reviews)',
  ].join('\n');
}

/** The figures of one kind, read from the API, as text. */
async function readMetrics(kind: Kind, options: Options): Promise<{ data: unknown; text: () => string }> {
  const client = createApiClient(resolveConnection(options));
  const base = await deliveryBase(client, String(options.project));
  const query = {
    from: dateTimeOption(options.from, '--from'),
    to: dateTimeOption(options.to, '--to'),
    ...(kind === 'lead-time' || kind === 'jira'
      ? { interval: options.interval === undefined ? undefined : String(options.interval) }
      : {}),
    ...(kind === 'lead-time' && options.groupBy !== undefined ? { groupBy: String(options.groupBy) } : {}),
  };
  const path = `${base}/delivery/metrics/${kinds[kind]}`;
  switch (kind) {
    case 'lead-time': {
      const data = await client.request<MergeRequestMetrics>('GET', path, { query });
      return { data, text: () => mergeRequestText(data) };
    }
    case 'jira': {
      const data = await client.request<JiraMetrics>('GET', path, { query });
      return { data, text: () => jiraText(data) };
    }
    case 'dora': {
      const data = await client.request<DoraMetrics>('GET', path, { query });
      return { data, text: () => doraText(data) };
    }
    case 'reviewers': {
      const data = await client.request<ReviewerMetrics>('GET', path, { query });
      return { data, text: () => reviewersText(data) };
    }
  }
}

export function registerDeliveryMetricsCommand(delivery: Command, command: DeliveryCommand): void {
  command(delivery, 'metrics', 'The project’s delivery figures: lead time stages, Jira flow, DORA, reviewers')
    .requiredOption('--project <key or id>', 'the project, e.g. PAY')
    .option('--kind <kind>', 'lead-time, jira, dora or reviewers', 'lead-time')
    .option('--from <date>', 'start of the window (default: 90 days before --to)')
    .option('--to <date>', 'end of the window, exclusive (default: now)')
    .option('--interval <interval>', 'lead-time and jira: trend buckets of a week or a month')
    .option('--group-by <field>', 'lead-time: none, label, author, team or targetBranch')
    .action(async (options: Options) => {
      const kind = String(options.kind);
      if (!isKind(kind)) throw new Error(`--kind takes lead-time, jira, dora or reviewers, not ${kind}`);
      const metrics = await readMetrics(kind, options);
      printResult(options, metrics.data, metrics.text);
    });
}
