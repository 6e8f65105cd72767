import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import type { Finding, FindingStatus } from './types';

/** Everything of one project's findings hangs under its key, so marking a finding refreshes every list. */
export const findingKeys = {
  all: ['findings'] as const,
  project: (projectId: string) => [...findingKeys.all, 'project', projectId] as const,
  list: (projectId: string, filters: object) => [...findingKeys.project(projectId), 'list', filters] as const,
  sets: (projectId: string, filters: object) => [...findingKeys.project(projectId), 'sets', filters] as const,
  set: (projectId: string, setId: string) => [...findingKeys.project(projectId), 'set', setId] as const,
  setFindings: (projectId: string, setId: string) =>
    [...findingKeys.set(projectId, setId), 'findings'] as const,
};

const findingsPath = '/api/v1/projects/{projectId}/plan/code-review-automation/review-findings' as const;
const setsPath = '/api/v1/projects/{projectId}/finding-sets' as const;

export interface FindingFilters {
  severity: string;
  status: string;
  ruleId: string;
  stream: string;
  q: string;
}

/** The project's findings that match, newest first, page by page. */
export function useFindings(projectId: string, filters: FindingFilters) {
  return useCursorList({
    queryKey: findingKeys.list(projectId, filters),
    fetchPage: (cursor) =>
      call('get', findingsPath, {
        params: { projectId },
        query: {
          cursor,
          limit: 50,
          'filter[severity]': filters.severity || undefined,
          'filter[status]': filters.status || undefined,
          'filter[ruleId]': filters.ruleId.trim() || undefined,
          'filter[stream]': filters.stream.trim() || undefined,
          q: filters.q.trim() || undefined,
        },
      }),
  });
}

/** The SARIF runs uploaded to the project, newest first. */
export function useFindingSets(projectId: string, filters: { tool: string; stream: string }) {
  return useCursorList({
    queryKey: findingKeys.sets(projectId, filters),
    fetchPage: (cursor) =>
      call('get', setsPath, {
        params: { projectId },
        query: {
          cursor,
          limit: 50,
          sort: '-createdAt',
          'filter[tool]': filters.tool.trim() || undefined,
          'filter[stream]': filters.stream.trim() || undefined,
        },
      }),
  });
}

export function useFindingSet(projectId: string, setId: string) {
  return useQuery({
    queryKey: findingKeys.set(projectId, setId),
    queryFn: () => call('get', `${setsPath}/{id}`, { params: { projectId, id: setId } }),
  });
}

/** The findings one upload reported. */
export function useSetFindings(projectId: string, setId: string) {
  return useCursorList({
    queryKey: findingKeys.setFindings(projectId, setId),
    fetchPage: (cursor) =>
      call('get', `${setsPath}/{id}/findings`, {
        params: { projectId, id: setId },
        query: { cursor, limit: 50 },
      }),
  });
}

/**
 * Marks a finding accepted, a false positive or open again, unless someone changed it since it was
 * read (412): the lists refresh either way so the reader sees where it stands now.
 */
export function useMarkFinding(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { finding: Finding; status: FindingStatus }) =>
      call('patch', `${findingsPath}/{id}`, {
        params: { projectId, id: input.finding.id },
        body: { status: input.status },
        headers: { 'if-match': `"v${input.finding.version}"` },
      }),
    onSettled: () => void client.invalidateQueries({ queryKey: findingKeys.project(projectId) }),
  });
}
