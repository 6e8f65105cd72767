// The delivery metric endpoints over a year of synced data, each called the same number of times.

import { type ApiCaller, expectStatus } from './delivery-measure.ts';
import { percentile } from './timed-process.ts';

export const metricWindow = { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' };

export interface QueryFigures {
  endpoint: string;
  calls: number;
  p50: number;
  p95: number;
  max: number;
}

interface MetricQuery {
  label: string;
  path: string;
  query: Record<string, string>;
}

/** Every metric endpoint and variant the brief names, over the window (checks has no window: last 30 days). */
function metricQueries(projectId: string): MetricQuery[] {
  const base = `/api/v1/projects/${projectId}/delivery`;
  const queries: MetricQuery[] = [];
  for (const interval of ['week', 'month'])
    for (const groupBy of ['none', 'label', 'author', 'team'])
      queries.push({
        label: `metrics/merge-requests ${interval} by ${groupBy}`,
        path: `${base}/metrics/merge-requests`,
        query: { ...metricWindow, interval, groupBy },
      });
  for (const interval of ['week', 'month'])
    queries.push({
      label: `metrics/jira ${interval}`,
      path: `${base}/metrics/jira`,
      query: { ...metricWindow, interval },
    });
  queries.push(
    { label: 'metrics/dora', path: `${base}/metrics/dora`, query: metricWindow },
    { label: 'metrics/reviewers', path: `${base}/metrics/reviewers`, query: metricWindow },
    { label: 'checks (last 30 days)', path: `${base}/checks`, query: {} },
    {
      label: 'contributions (2024, first 100)',
      path: `${base}/contributions`,
      query: { 'filter[month][gte]': '2024-01', 'filter[month][lte]': '2024-12', limit: '100' },
    },
  );
  return queries;
}

/** Calls each endpoint once to warm it (not counted), then `calls` times one after another. */
export async function measureQueries(
  api: ApiCaller,
  projectId: string,
  calls: number,
): Promise<QueryFigures[]> {
  const figures: QueryFigures[] = [];
  for (const { label, path, query } of metricQueries(projectId)) {
    expectStatus(await api.get(path, query), 200, `GET ${label}`);
    const latencies: number[] = [];
    for (let index = 0; index < calls; index += 1) {
      const at = performance.now();
      const answer = await api.get(path, query);
      latencies.push(performance.now() - at);
      expectStatus(answer, 200, `GET ${label}`);
    }
    figures.push({
      endpoint: label,
      calls,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
    });
  }
  return figures;
}
