import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody } from '../../api/client';
import { decisionKeys } from '../decisions/queries';

/** Workspace and project rules edited on the settings pages, each under its own key. */
export const rulesKeys = {
  all: ['settings-rules'] as const,
  review: (projectId: string) => [...rulesKeys.all, 'prd-review', projectId] as const,
  decisionTypes: decisionKeys.settings,
  disabledChecks: () => [...rulesKeys.all, 'disabled-checks'] as const,
  checks: () => [...rulesKeys.all, 'checks'] as const,
  retention: () => [...rulesKeys.all, 'audit-retention'] as const,
  search: () => [...rulesKeys.all, 'search'] as const,
};

/** Reads `key` with `read`; a save answers the new state, which replaces the cached one. */
function useSaved<Body, Answer>(key: readonly unknown[], save: (body: Body) => Promise<Answer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: save, onSuccess: (answer) => client.setQueryData(key, answer) });
}

export function useReviewRules(projectId: string) {
  return useQuery({
    queryKey: rulesKeys.review(projectId),
    queryFn: () => call('get', '/api/v1/projects/{projectId}/prd-review-settings', { params: { projectId } }),
    enabled: Boolean(projectId),
  });
}

export function useSaveReviewRules(projectId: string) {
  return useSaved(
    rulesKeys.review(projectId),
    (body: RequestBody<'/api/v1/projects/{projectId}/prd-review-settings', 'patch'>) =>
      call('patch', '/api/v1/projects/{projectId}/prd-review-settings', { params: { projectId }, body }),
  );
}

export function useDecisionTypes() {
  return useQuery({
    queryKey: rulesKeys.decisionTypes(),
    queryFn: () => call('get', '/api/v1/decision-logs/settings'),
  });
}

export function useSaveDecisionTypes() {
  return useSaved(rulesKeys.decisionTypes(), (decisionTypes: string[]) =>
    call('put', '/api/v1/decision-logs/settings', { body: { decisionTypes } }),
  );
}

export function useReadinessChecks() {
  return useQuery({
    queryKey: rulesKeys.checks(),
    queryFn: () => call('get', '/api/v1/readiness/checks'),
    staleTime: 300_000,
  });
}

export function useDisabledChecks() {
  return useQuery({
    queryKey: rulesKeys.disabledChecks(),
    queryFn: () => call('get', '/api/v1/readiness/disabled-checks', { query: { limit: 200 } }),
  });
}

/** Disabling or re-enabling a check changes every project's scorecard: those are refreshed too. */
function useChecksMutation<Input>(change: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: rulesKeys.disabledChecks() });
      void client.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useDisableCheck() {
  return useChecksMutation((body: { checkId: string; reason: string }) =>
    call('post', '/api/v1/readiness/disabled-checks', { body }),
  );
}

export function useEnableCheck() {
  return useChecksMutation((id: string) =>
    call('delete', '/api/v1/readiness/disabled-checks/{id}', { params: { id } }),
  );
}

export function useAuditRetention() {
  return useQuery({ queryKey: rulesKeys.retention(), queryFn: () => call('get', '/api/v1/audit/retention') });
}

export function useSaveAuditRetention() {
  return useSaved(rulesKeys.retention(), (body: { hotDays: number; archiveDays: number }) =>
    call('put', '/api/v1/audit/retention', { body }),
  );
}

export function useSearchSettings() {
  return useQuery({ queryKey: rulesKeys.search(), queryFn: () => call('get', '/api/v1/search/settings') });
}

export function useSaveSearchSettings() {
  return useSaved(rulesKeys.search(), (body: RequestBody<'/api/v1/search/settings', 'put'>) =>
    call('put', '/api/v1/search/settings', { body }),
  );
}

export function useReindex() {
  return useMutation({ mutationFn: () => call('post', '/api/v1/search/reindex') });
}
