import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import type { Interval, JiraIssue } from './types';

/** Everything of one project's delivery hangs under its key, so a sync or import refreshes it all. */
export const deliveryKeys = {
  all: ['delivery'] as const,
  project: (projectId: string) => [...deliveryKeys.all, 'project', projectId] as const,
  metrics: (projectId: string, kind: string, query: object) =>
    [...deliveryKeys.project(projectId), 'metrics', kind, query] as const,
  doneIssues: (projectId: string, window: object) =>
    [...deliveryKeys.project(projectId), 'done-issues', window] as const,
  contributions: (projectId: string, month: string) =>
    [...deliveryKeys.project(projectId), 'contributions', month] as const,
  sources: (projectId: string) => [...deliveryKeys.project(projectId), 'sources'] as const,
  runs: (projectId: string) => [...deliveryKeys.project(projectId), 'sync-runs'] as const,
  settings: (projectId: string) => [...deliveryKeys.project(projectId), 'settings'] as const,
  connections: () => [...deliveryKeys.all, 'connections'] as const,
};

const project = '/api/v1/projects/{projectId}/delivery' as const;

export interface MetricsWindow {
  from: string;
  to: string;
}

/** DORA's four keys over the window. */
export function useDora(projectId: string, window: MetricsWindow) {
  return useQuery({
    queryKey: deliveryKeys.metrics(projectId, 'dora', window),
    queryFn: () => call('get', `${project}/metrics/dora`, { params: { projectId }, query: window }),
  });
}

/** Merge request stages, overall and per bucket. */
export function useMergeRequestMetrics(projectId: string, window: MetricsWindow, interval: Interval) {
  const query = { ...window, interval, groupBy: 'none' as const };
  return useQuery({
    queryKey: deliveryKeys.metrics(projectId, 'merge-requests', query),
    queryFn: () => call('get', `${project}/metrics/merge-requests`, { params: { projectId }, query }),
  });
}

/** Jira lead and cycle times, throughput per bucket and time in status. */
export function useJiraMetrics(projectId: string, window: MetricsWindow, interval: Interval) {
  const query = { ...window, interval };
  return useQuery({
    queryKey: deliveryKeys.metrics(projectId, 'jira', query),
    queryFn: () => call('get', `${project}/metrics/jira`, { params: { projectId }, query }),
  });
}

/** Who reviewed the window's merge requests, and how evenly. */
export function useReviewerMetrics(projectId: string, window: MetricsWindow) {
  return useQuery({
    queryKey: deliveryKeys.metrics(projectId, 'reviewers', window),
    queryFn: () => call('get', `${project}/metrics/reviewers`, { params: { projectId }, query: window }),
  });
}

/** The scatter shows at most this many issues: enough to read a spread, few enough to draw at once. */
export const scatterLimit = 500;

/** Issues done within the window, newest first, up to `scatterLimit` (pages of 200, the API's most). */
export function useDoneIssues(projectId: string, window: MetricsWindow) {
  return useQuery({
    queryKey: deliveryKeys.doneIssues(projectId, window),
    queryFn: async () => {
      const issues: JiraIssue[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('get', `${project}/jira-issues`, {
          params: { projectId },
          query: {
            'filter[statusCategory]': 'done',
            'filter[doneAt][gte]': window.from,
            'filter[doneAt][lte]': window.to,
            limit: Math.min(200, scatterLimit - issues.length),
            cursor,
          },
        });
        issues.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && issues.length < scatterLimit);
      return issues;
    },
  });
}

/** Each person's contributions in one month (`YYYY-MM`), page by page. */
export function useContributions(projectId: string, month: string) {
  return useCursorList({
    queryKey: deliveryKeys.contributions(projectId, month),
    fetchPage: (cursor) =>
      call('get', `${project}/contributions`, {
        params: { projectId },
        query: { 'filter[month]': month, sort: 'personKey', limit: 100, cursor },
      }),
  });
}
