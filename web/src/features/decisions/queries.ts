import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody, type ResponseOf } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';

export type Decision = ResponseOf<'/api/v1/decision-logs/{id}', 'get'>;
export type NewDecision = RequestBody<'/api/v1/decision-logs', 'post'>;
export type DecisionChanges = RequestBody<'/api/v1/decision-logs/{id}', 'patch'>;

/** The list's filters as the screen holds them; empty means "any". */
export interface DecisionFilters {
  q: string;
  type: string;
  status: string;
  owner: string;
  project: string;
  tag: string;
  from: string;
  to: string;
}

export const decisionKeys = {
  all: ['decisions'] as const,
  list: (filters: DecisionFilters) => [...decisionKeys.all, 'list', filters] as const,
  accepted: () => [...decisionKeys.all, 'accepted'] as const,
  forProject: (projectId: string) => [...decisionKeys.all, 'project', projectId] as const,
  timeline: (project = '') => [...decisionKeys.all, 'timeline', project] as const,
  settings: () => [...decisionKeys.all, 'settings'] as const,
  detail: (id: string) => [...decisionKeys.all, 'detail', id] as const,
};

export function useDecisionList(filters: DecisionFilters) {
  return useCursorList({
    queryKey: decisionKeys.list(filters),
    fetchPage: (cursor) =>
      call('get', '/api/v1/decision-logs', {
        query: {
          q: filters.q || undefined,
          'filter[decisionType]': filters.type || undefined,
          'filter[status]': filters.status || undefined,
          'filter[owner]': filters.owner || undefined,
          'filter[project]': filters.project || undefined,
          'filter[tags][contains]': filters.tag || undefined,
          'filter[decisionDate][gte]': filters.from || undefined,
          'filter[decisionDate][lte]': filters.to || undefined,
          cursor,
          limit: 50,
        },
      }),
  });
}

/** The workspace's decision settings: the decision types to choose from. */
export function useDecisionSettings() {
  return useQuery({
    queryKey: decisionKeys.settings(),
    queryFn: () => call('get', '/api/v1/decision-logs/settings'),
  });
}

/** Every decision's date, status and supersession chain (of one project, if given), for the chart and the chains. */
export function useDecisionTimeline(project = '') {
  return useQuery({
    queryKey: decisionKeys.timeline(project),
    queryFn: () =>
      call('get', '/api/v1/decision-logs/timeline', { query: { limit: 200, project: project || undefined } }),
  });
}

/** Accepted decisions, the ones another may supersede. */
export function useAcceptedDecisions(enabled: boolean) {
  return useQuery({
    queryKey: decisionKeys.accepted(),
    queryFn: () =>
      call('get', '/api/v1/decision-logs', { query: { 'filter[status]': 'accepted', limit: 100 } }),
    enabled,
  });
}

/** A project's latest decisions. */
export function useProjectDecisions(projectId: string) {
  return useQuery({
    queryKey: decisionKeys.forProject(projectId),
    queryFn: () =>
      call('get', '/api/v1/decision-logs', { query: { 'filter[project]': projectId, limit: 20 } }),
  });
}

/** One decision; nothing is asked without an id (a new decision). */
export function useDecision(id: string | undefined) {
  return useQuery({
    queryKey: decisionKeys.detail(id ?? ''),
    queryFn: () => call('get', '/api/v1/decision-logs/{id}', { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** Creates a decision, or changes `decision` if nobody changed it since its version. */
export function useSaveDecision(decision?: Decision) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDecision | DecisionChanges) =>
      decision
        ? call('patch', '/api/v1/decision-logs/{id}', {
            params: { id: decision.id },
            body: body as DecisionChanges,
            headers: { 'if-match': `"v${decision.version}"` },
          })
        : call('post', '/api/v1/decision-logs', { body: body as NewDecision }),
    onSuccess: () => void client.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

/** A lifecycle step (propose, accept, reject, deprecate, supersede), with a reason for the audit trail. */
export function useDecisionAction(decision: Decision) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: string; reason: string; supersededBy: string }) =>
      call('post', `/api/v1/decision-logs/{id}/${input.action as 'accept'}`, {
        params: { id: decision.id },
        body: {
          reason: input.reason || undefined,
          version: decision.version,
          ...(input.action === 'supersede' ? { supersededBy: input.supersededBy } : {}),
        },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

export type ImportRequest = RequestBody<'/api/v1/decision-logs/import', 'post'>;
export type ImportReport = ResponseOf<'/api/v1/decision-logs/import', 'post'>;

/** Reads a folder of ADR files: in a dry run, what each file would become; else creates them all. */
export function useImportDecisions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportRequest) => call('post', '/api/v1/decision-logs/import', { body }),
    onSuccess: (report) => {
      if (!report.dryRun) void client.invalidateQueries({ queryKey: decisionKeys.all });
    },
  });
}
