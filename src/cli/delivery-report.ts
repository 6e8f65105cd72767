import type { DeliveryReport, MergeRequestStage, Percentiles } from '../engines/delivery/index.ts';
import { doraText, humanDuration } from './delivery-format.ts';
import { table } from './test-format.ts';

// The offline delivery report as people read it: merge request stages, Jira lead and cycle times,
// DORA's keys and each person's month.

const stageLabels: [MergeRequestStage, string][] = [
  ['codingMs', 'coding'],
  ['pickupMs', 'pickup'],
  ['reviewMs', 'review'],
  ['deployMs', 'deploy'],
  ['leadMs', 'lead'],
  ['changeLeadMs', 'change lead'],
];

const figureRow = (label: string, figures: Percentiles) => [
  label,
  humanDuration(figures.p50),
  humanDuration(figures.p75),
  humanDuration(figures.p90),
  String(figures.sample),
];

const header = ['', 'P50', 'P75', 'P90', 'SAMPLE'];

function contributionsText(report: DeliveryReport): string[] {
  if (report.contributions.length === 0) return [];
  const rows = report.contributions.map((row) => [
    row.personKey,
    row.month,
    String(row.mrsOpened),
    String(row.mrsMerged),
    String(row.reviews),
    String(row.comments),
    String(row.commits),
    String(row.issuesResolved),
  ]);
  return [
    '',
    'Contributions:',
    table([['PERSON', 'MONTH', 'OPENED', 'MERGED', 'REVIEWS', 'COMMENTS', 'COMMITS', 'RESOLVED'], ...rows]),
  ];
}

export function deliveryReportText(report: DeliveryReport): string {
  const { mergeRequests, jira } = report;
  const stages = stageLabels.map(([stage, label]) => figureRow(label, mergeRequests.stages[stage]));
  const throughput = jira.throughput.map((month) => `${month.month}: ${month.done}`).join(', ');
  return [
    `Delivery report as of ${report.asOf}`,
    '',
    `Merge requests: ${mergeRequests.count}, ${mergeRequests.merged} merged`,
    table([header, ...stages]),
    '',
    `Jira issues: ${jira.count}, ${jira.done} done`,
    table([header, figureRow('lead', jira.leadMs), figureRow('cycle', jira.cycleMs)]),
    `Done per month: ${throughput || '—'}`,
    '',
    doraText(report.dora),
    ...contributionsText(report),
  ].join('\n');
}
