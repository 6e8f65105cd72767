import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody, type ResponseOf } from '../../api/client';
import type { components } from '../../api/schema';
import { useCursorList } from '../../components/cursor-list';

export type LintReport = components['schemas']['MigrationLintReport'];
export type FileReport = LintReport['files'][number];
export type Finding = FileReport['findings'][number];
export type LintRule = components['schemas']['MigrationLintRule'];
export type LintRequest = RequestBody<'/api/v1/projects/{projectId}/migrations/lint', 'post'>;
export type LintRunRequest = RequestBody<'/api/v1/projects/{projectId}/migrations/lint-runs', 'post'>;
export type LintSettings = ResponseOf<'/api/v1/projects/{projectId}/migrations/lint-settings', 'get'>;
export type MigrationRisk = ResponseOf<
  '/api/v1/projects/{projectId}/plan/database-migrations/migration-risks/{id}',
  'get'
>;

/** The PostgreSQL major versions the linter judges for (the API accepts 10 to 18), newest first. */
export const pgVersions = [18, 17, 16, 15, 14, 13, 12, 11, 10] as const;

/** Everything of one project's migrations hangs under its key, so one invalidation refreshes it all. */
export const migrationKeys = {
  all: ['migrations'] as const,
  rules: () => [...migrationKeys.all, 'rules'] as const,
  project: (projectId: string) => [...migrationKeys.all, 'project', projectId] as const,
  runs: (projectId: string) => [...migrationKeys.project(projectId), 'runs'] as const,
  run: (projectId: string, runId: string) => [...migrationKeys.project(projectId), 'run', runId] as const,
  openRisks: (projectId: string) => [...migrationKeys.project(projectId), 'open-risks'] as const,
  settings: (projectId: string) => [...migrationKeys.project(projectId), 'settings'] as const,
  strategies: (projectId: string) => [...migrationKeys.project(projectId), 'strategies'] as const,
};

/** The rule catalogue: a fixed list, so it is kept for the whole visit. */
export function useLintRules() {
  return useQuery({
    queryKey: migrationKeys.rules(),
    queryFn: () => call('get', '/api/v1/migrations/rules'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A lookup from rule id to the catalogue's rule, empty until the catalogue has loaded. */
export function useRulesById(): Map<string, LintRule> {
  const rules = useLintRules();
  return new Map((rules.data?.data ?? []).map((rule) => [rule.id, rule]));
}

/** The project's lint runs, newest first, page by page. */
export function useLintRuns(projectId: string) {
  return useCursorList({
    queryKey: migrationKeys.runs(projectId),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/migrations/lint-runs', {
        params: { projectId },
        query: { cursor, limit: 20 },
      }),
  });
}

/** One recorded run, with its report. */
export function useLintRun(projectId: string, runId: string) {
  return useQuery({
    queryKey: migrationKeys.run(projectId, runId),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/migrations/lint-runs/{runId}', {
        params: { projectId, runId },
      }),
  });
}

/** The plan's migration risks the linter found and nobody has resolved yet, newest first. */
export function useOpenLintRisks(projectId: string) {
  return useCursorList({
    queryKey: migrationKeys.openRisks(projectId),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/plan/database-migrations/migration-risks', {
        params: { projectId },
        query: {
          'filter[ruleId][isNull]': 'false',
          'filter[resolvedAt][isNull]': 'true',
          sort: '-createdAt',
          cursor,
          limit: 50,
        },
      }),
  });
}

/** The project's migration strategies, to name a run's strategy and choose the default one. */
export function useMigrationStrategies(projectId: string) {
  return useQuery({
    queryKey: migrationKeys.strategies(projectId),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/plan/database-migrations/migration-strategies', {
        params: { projectId },
        query: { limit: 200, sort: 'name' },
      }),
  });
}

export function useLintSettings(projectId: string) {
  return useQuery({
    queryKey: migrationKeys.settings(projectId),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/migrations/lint-settings', { params: { projectId } }),
  });
}

/** Replaces the project's lint settings, unless someone saved them since `version` (412). */
export function useSaveLintSettings(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      pgVersion: number;
      disabledRules: string[];
      defaultStrategyId: string | null;
      version: number;
    }) =>
      call('put', '/api/v1/projects/{projectId}/migrations/lint-settings', { params: { projectId }, body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: migrationKeys.project(projectId) }),
  });
}

/** Marks a lint risk as dealt with now, through the plan's table API. */
export function useResolveRisk(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (risk: { id: string; version: number }) =>
      call('patch', '/api/v1/projects/{projectId}/plan/database-migrations/migration-risks/{id}', {
        params: { projectId, id: risk.id },
        body: { resolvedAt: new Date().toISOString() },
        headers: { 'if-match': `"v${risk.version}"` },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: migrationKeys.openRisks(projectId) }),
  });
}

/** Lints SQL and answers the report; the server stores nothing. */
export function useCheckSql(projectId: string) {
  return useMutation({
    mutationFn: (body: LintRequest) =>
      call('post', '/api/v1/projects/{projectId}/migrations/lint', { params: { projectId }, body }),
  });
}

/** Lints SQL and records the run, its findings becoming the plan's migration risks. */
export function useRecordLintRun(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: LintRunRequest; idempotencyKey: string }) =>
      call('post', '/api/v1/projects/{projectId}/migrations/lint-runs', {
        params: { projectId },
        body: input.body,
        headers: { 'idempotency-key': input.idempotencyKey },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: migrationKeys.project(projectId) }),
  });
}
