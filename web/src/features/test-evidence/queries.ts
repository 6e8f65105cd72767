import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { call, upload } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import { isSettling } from './format';
import type { RunStatus } from './types';

/** How often a run that is still being imported is asked again. */
const pollMs = 1500;

/** Everything of one project's test evidence hangs under its key, so one invalidation refreshes it all. */
export const testKeys = {
  all: ['test-evidence'] as const,
  project: (projectId: string) => [...testKeys.all, 'project', projectId] as const,
  runs: (projectId: string, filters: object) => [...testKeys.project(projectId), 'runs', filters] as const,
  run: (projectId: string, runId: string) => [...testKeys.project(projectId), 'run', runId] as const,
  scenarios: (projectId: string, runId: string, filters: object) =>
    [...testKeys.run(projectId, runId), 'scenarios', filters] as const,
  scenario: (projectId: string, runId: string, scenarioId: string) =>
    [...testKeys.run(projectId, runId), 'scenario', scenarioId] as const,
  categories: (projectId: string, runId: string) =>
    [...testKeys.run(projectId, runId), 'categories'] as const,
  history: (projectId: string, historyId: string) =>
    [...testKeys.project(projectId), 'history', historyId] as const,
  trends: (projectId: string, query: object) => [...testKeys.project(projectId), 'trends', query] as const,
  flaky: (projectId: string, query: object) => [...testKeys.project(projectId), 'flaky', query] as const,
  quarantined: (projectId: string) => [...testKeys.project(projectId), 'quarantined'] as const,
  gates: (projectId: string) => [...testKeys.project(projectId), 'quality-gates'] as const,
};

const runPath = '/api/v1/projects/{projectId}/test-runs/{runId}' as const;

export interface RunFilters {
  branch: string;
  status: string;
  q: string;
}

/**
 * Trends, flaky tests and gates count only imported runs, so when a run this page watched finishes
 * importing, what was derived from the runs before it is asked again.
 */
function useRefreshWhenSettled(projectId: string, settling: boolean) {
  const client = useQueryClient();
  const wasSettling = useRef(settling);
  useEffect(() => {
    if (wasSettling.current && !settling)
      void client.invalidateQueries({ queryKey: testKeys.project(projectId) });
    wasSettling.current = settling;
  }, [client, projectId, settling]);
}

/**
 * The run just uploaded may have finished importing before this page first saw its status, so the
 * page refreshes what the runs feed once it sees the run settled, whether or not it saw it settling.
 */
export function useRefreshOnceSettled(projectId: string, runId: string, settled: boolean) {
  const client = useQueryClient();
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!settled || refreshedFor.current === runId) return;
    refreshedFor.current = runId;
    void client.invalidateQueries({ queryKey: testKeys.project(projectId) });
  }, [client, projectId, runId, settled]);
}

/** The project's runs, newest first, page by page; asked again while one of them is being imported. */
export function useTestRuns(projectId: string, filters: RunFilters) {
  const runs = useInfiniteQuery({
    queryKey: testKeys.runs(projectId, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call('get', '/api/v1/projects/{projectId}/test-runs', {
        params: { projectId },
        query: {
          cursor: pageParam,
          limit: 20,
          sort: '-createdAt',
          'filter[branch]': filters.branch.trim() || undefined,
          'filter[status]': filters.status || undefined,
          q: filters.q.trim() || undefined,
        },
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data && anySettling(query.state.data.pages) ? pollMs : false),
  });
  useRefreshWhenSettled(projectId, runs.data !== undefined && anySettling(runs.data.pages));
  return runs;
}

function anySettling(pages: readonly { data: readonly { status: RunStatus }[] }[]): boolean {
  return pages.some((page) => page.data.some((run) => isSettling(run.status)));
}

/** One run; asked again until its import has ended. */
export function useTestRun(projectId: string, runId: string | undefined) {
  const run = useQuery({
    queryKey: testKeys.run(projectId, runId ?? ''),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/test-runs/{id}', { params: { projectId, id: runId ?? '' } }),
    enabled: Boolean(runId),
    refetchInterval: (query) => (query.state.data && isSettling(query.state.data.status) ? pollMs : false),
  });
  useRefreshWhenSettled(projectId, run.data !== undefined && isSettling(run.data.status));
  return run;
}

/** Pass rate and mean duration per day or week, over the last 30 days by default. */
export function useTestTrends(projectId: string, query: { branch: string; interval: 'day' | 'week' }) {
  return useQuery({
    queryKey: testKeys.trends(projectId, query),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/test-trends', {
        params: { projectId },
        query: { branch: query.branch.trim() || undefined, interval: query.interval },
      }).then((answer) => answer.data),
  });
}

export interface ScenarioFilters {
  status?: string;
  category?: string;
  change?: 'new-failure' | 'fixed' | 'still-failing';
  flaky?: boolean;
  sort?: 'fullName' | '-durationMs' | 'status';
  q?: string;
}

function scenarioQuery(filters: ScenarioFilters) {
  return {
    'filter[status]': filters.status || undefined,
    'filter[category]': filters.category || undefined,
    'filter[change]': filters.change,
    'filter[flaky]': filters.flaky === undefined ? undefined : String(filters.flaky),
    sort: filters.sort,
    q: filters.q?.trim() || undefined,
  };
}

/** A run's scenarios that match, page by page. */
export function useScenarios(projectId: string, runId: string, filters: ScenarioFilters, limit = 50) {
  return useCursorList({
    queryKey: testKeys.scenarios(projectId, runId, { ...filters, limit }),
    fetchPage: (cursor) =>
      call('get', `${runPath}/scenarios`, {
        params: { projectId, runId },
        query: { ...scenarioQuery(filters), cursor, limit },
      }),
  });
}

export function useScenario(projectId: string, runId: string, scenarioId: string) {
  return useQuery({
    queryKey: testKeys.scenario(projectId, runId, scenarioId),
    queryFn: () =>
      call('get', `${runPath}/scenarios/{scenarioId}`, { params: { projectId, runId, scenarioId } }),
  });
}

/** A run's failures grouped by category. */
export function useCategories(projectId: string, runId: string, enabled: boolean) {
  return useQuery({
    queryKey: testKeys.categories(projectId, runId),
    queryFn: () =>
      call('get', `${runPath}/categories`, { params: { projectId, runId } }).then((answer) => answer.data),
    enabled,
  });
}

/** A test's results in the latest runs, newest first. */
export function useTestHistory(projectId: string, historyId: string | undefined, limit = 20) {
  return useQuery({
    queryKey: [...testKeys.history(projectId, historyId ?? ''), limit],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/tests/{historyId}/history', {
        params: { projectId, historyId: historyId ?? '' },
        query: { limit },
      }),
    enabled: Boolean(historyId),
  });
}

export function useFlakyTests(projectId: string, query: { branch: string; runs: number }) {
  return useCursorList({
    queryKey: testKeys.flaky(projectId, query),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/flaky-tests', {
        params: { projectId },
        query: { branch: query.branch.trim() || undefined, runs: query.runs, cursor, limit: 50 },
      }),
  });
}

export function useQuarantinedTests(projectId: string) {
  return useCursorList({
    queryKey: testKeys.quarantined(projectId),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/quarantined-tests', {
        params: { projectId },
        query: { cursor, limit: 50 },
      }),
  });
}

/** The plan's quality gates of the project, whose thresholds a run can be judged by. */
export function useQualityGates(projectId: string) {
  return useQuery({
    queryKey: testKeys.gates(projectId),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/plan/code-review-automation/quality-gates', {
        params: { projectId },
        query: { limit: 200, sort: 'name' },
      }),
  });
}

/**
 * Judges a run by a gate (a condition list, or a quality gate's id or name). The server stores each
 * evaluation, and a named quality gate records its result, so the plan's gates refresh too.
 */
export function useEvaluateGate(projectId: string, runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (gate: string) =>
      call('get', `${runPath}/gate`, { params: { projectId, runId }, query: { gate } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: testKeys.gates(projectId) }),
  });
}

export interface UploadInput {
  file: File;
  name: string;
  commit: string;
  branch: string;
  pipelineUrl: string;
  environment: string;
  skipInvalid: boolean;
}

/** Media types of what the upload route takes, by the file name's ending. */
const uploadTypes: readonly [RegExp, string][] = [
  [/\.zip$/i, 'application/zip'],
  [/\.(tar\.gz|tgz)$/i, 'application/gzip'],
  [/\.tar$/i, 'application/x-tar'],
  [/\.xml$/i, 'application/xml'],
];

/** The media type to send a results file under, or null for a file the server would refuse (415). */
export function uploadTypeOf(name: string): string | null {
  return uploadTypes.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/** The run id of the upload route's answer (202 with the run). */
function runIdOf(answer: unknown): string {
  if (typeof answer === 'object' && answer !== null && 'id' in answer && typeof answer.id === 'string')
    return answer.id;
  throw new Error('The server accepted the upload but did not name the run.');
}

/**
 * Sends the picked file itself as the request body: the browser streams it from disk, so a large
 * results archive is never read into the page's memory. Answers the new run's id.
 */
export function useUploadRun(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: UploadInput) => {
      const contentType = uploadTypeOf(input.file.name);
      if (!contentType) throw new Error(`${input.file.name} is not a .zip, .tar.gz, .tar or .xml file.`);
      const answer: unknown = await upload('/api/v1/projects/{projectId}/test-runs', {
        params: { projectId },
        query: {
          name: input.name.trim() || undefined,
          commit: input.commit.trim() || undefined,
          branch: input.branch.trim() || undefined,
          pipelineUrl: input.pipelineUrl.trim() || undefined,
          environment: input.environment.trim() || undefined,
          skipInvalid: input.skipInvalid ? 'true' : undefined,
        },
        body: input.file,
        contentType,
      });
      return runIdOf(answer);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: testKeys.project(projectId) }),
  });
}
