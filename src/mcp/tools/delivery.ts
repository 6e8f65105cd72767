import { z } from 'zod';
import { asObject, expectOk, isRecord, projectPath } from '../api.ts';
import { resolveProject } from '../project-ref.ts';
import { defineTool, projectInput, withJson } from '../tool.ts';

// Delivery figures for agents, read-only: the project's metrics (merge request stages, Jira flow,
// DORA, reviewers) and its merge requests with their stage durations. Durations are milliseconds.

const metricPaths = {
  leadTime: 'merge-requests',
  jira: 'jira',
  dora: 'dora',
  reviewers: 'reviewers',
} as const;

const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), value);

/** `5400000 ms (1.5 h)`: exact for a program, readable for a person. */
function duration(value: unknown): string {
  return typeof value === 'number' ? `${Math.round(value)} ms (${(value / 3_600_000).toFixed(1)} h)` : 'none';
}

/** One line of the figures that matter most of each kind. */
function metricsSummary(kind: keyof typeof metricPaths, body: Record<string, unknown>): string {
  const window = `${String(body.from)} → ${String(body.to)}`;
  switch (kind) {
    case 'leadTime':
      return `${String(field(body, 'overall', 'merged'))} merge request(s) merged ${window}; lead time p50 ${duration(field(body, 'overall', 'stages', 'lead', 'p50'))}, pickup p50 ${duration(field(body, 'overall', 'stages', 'pickup', 'p50'))}`;
    case 'jira':
      return `${String(field(body, 'overall', 'done'))} Jira issue(s) done ${window}; lead p50 ${duration(field(body, 'overall', 'lead', 'p50'))}, cycle p50 ${duration(field(body, 'overall', 'cycle', 'p50'))}`;
    case 'dora': {
      const tier = (name: string) => String(field(body, name, 'tier') ?? 'no tier');
      return `DORA ${window}: ${String(field(body, 'deploymentFrequency', 'value') ?? 'no')} deploys/day (${tier('deploymentFrequency')}), lead time ${duration(field(body, 'leadTimeForChanges', 'value'))} (${tier('leadTimeForChanges')}), change failure rate ${String(field(body, 'changeFailureRate', 'value') ?? 'none')} (${tier('changeFailureRate')}), time to restore ${duration(field(body, 'timeToRestore', 'value'))} (${tier('timeToRestore')})`;
    }
    case 'reviewers':
      return `${String(body.merged)} merged ${window}, ${String(body.mergedWithoutReview)} without review; review balance (Gini) ${String(body.balance ?? 'none')}`;
  }
}

export const getDeliveryMetrics = defineTool({
  name: 'get_delivery_metrics',
  title: 'Read delivery metrics',
  description:
    "A project's delivery figures over a window: `leadTime` (merge request stages coding, pickup, review, deploy, lead as p50/p75/p90 with a trend), `jira` (lead and cycle time, throughput, time in status), `dora` (the four keys with their tiers) or `reviewers` (who reviews, and how evenly). Durations are milliseconds.",
  input: {
    project: projectInput,
    kind: z.enum(['leadTime', 'jira', 'dora', 'reviewers']),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Start of the window; 90 days before `to` by default'),
    to: z.iso.datetime({ offset: true }).optional().describe('End of the window (exclusive); now by default'),
    interval: z.enum(['week', 'month']).optional().describe('Trend buckets (leadTime and jira)'),
  },
  output: { from: z.string(), to: z.string() },
  readOnly: true,
  run: async ({ project, kind, from, to, interval }, api) => {
    const base = projectPath(await resolveProject(api, project));
    const trend = kind === 'leadTime' || kind === 'jira';
    const body = asObject(
      await expectOk(api, 'GET', `${base}/delivery/metrics/${metricPaths[kind]}`, {
        query: { from, to, ...(trend ? { interval } : {}) },
      }),
    );
    return { data: body, text: withJson(metricsSummary(kind, body), body) };
  },
});

/** One line about a merge request: reference, state, title and its lead time. */
function describeMergeRequest(row: Record<string, unknown>): string {
  return `!${String(row.iid)} [${String(row.state)}] ${String(row.title)} by ${String(row.authorHandle)} · lead ${duration(row.leadMs)} (${String(row.mrKey)})`;
}

export const listDeliveryMergeRequests = defineTool({
  name: 'list_delivery_merge_requests',
  title: 'List merge requests with their stages',
  description:
    "A project's synced GitLab merge requests, each with when it was opened, first reviewed, merged and first deployed, and its stage durations in ms (coding, pickup, review, deploy, lead).",
  input: {
    project: projectInput,
    state: z.enum(['opened', 'closed', 'merged', 'locked']).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  },
  output: { data: z.array(z.unknown()), nextCursor: z.string().nullable().optional() },
  readOnly: true,
  run: async ({ project, state, limit, cursor }, api) => {
    const base = projectPath(await resolveProject(api, project));
    const body = asObject(
      await expectOk(api, 'GET', `${base}/delivery/merge-requests`, {
        query: { 'filter[state]': state, limit, cursor },
      }),
    );
    const rows = Array.isArray(body.data) ? body.data.filter(isRecord) : [];
    return {
      data: body,
      text: withJson(`${rows.length} merge request(s):\n${rows.map(describeMergeRequest).join('\n')}`, body),
    };
  },
});

export const deliveryTools = [getDeliveryMetrics, listDeliveryMergeRequests];
