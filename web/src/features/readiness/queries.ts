import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { components } from '../../api/schema';

export type Scorecard = components['schemas']['ReadinessScorecard'];
export type AreaScore = components['schemas']['ReadinessAreaScore'];
export type CheckOutcome = components['schemas']['ReadinessCheckOutcome'];
export type HistoryEntry = components['schemas']['ReadinessHistoryEntry'];
export type Waiver = components['schemas']['ReadinessWaiver'];
export type Level = Scorecard['level'];

const maxPage = 200;
const projectPath = '/api/v1/projects/{projectId}/readiness' as const;
const waiversPath = `${projectPath}/waivers` as const;
const notApplicablePath = `${projectPath}/not-applicable-areas` as const;
const disabledPath = '/api/v1/readiness/disabled-checks' as const;

/**
 * A project's readiness hangs under its key, so one invalidation after a waiver, a not-applicable
 * mark or a disabled check refreshes the scorecard, the history and the lists together.
 */
export const readinessKeys = {
  all: ['readiness'] as const,
  areas: () => [...readinessKeys.all, 'areas'] as const,
  disabled: () => [...readinessKeys.all, 'disabled'] as const,
  project: (projectId: string) => [...readinessKeys.all, 'project', projectId] as const,
  scorecard: (projectId: string) => [...readinessKeys.project(projectId), 'scorecard'] as const,
  history: (projectId: string) => [...readinessKeys.project(projectId), 'history'] as const,
  waivers: (projectId: string) => [...readinessKeys.project(projectId), 'waivers'] as const,
  notApplicable: (projectId: string) => [...readinessKeys.project(projectId), 'not-applicable'] as const,
  waiverCreators: (projectId: string) => [...readinessKeys.waivers(projectId), 'creators'] as const,
};

/** Evaluates every check now; a full evaluation also records the day's score for the trend. */
export function useScorecard(projectId: string) {
  return useQuery({
    queryKey: readinessKeys.scorecard(projectId),
    queryFn: () => call('get', projectPath, { params: { projectId } }),
  });
}

/** The recorded daily scores, newest first (one page of up to 200 days). */
export function useHistory(projectId: string) {
  return useQuery({
    queryKey: readinessKeys.history(projectId),
    queryFn: () =>
      call('get', `${projectPath}/history`, { params: { projectId }, query: { limit: maxPage } }),
  });
}

/** The 25 areas with their tables: fixed for the server's life, so kept for the visit. */
export function usePlanAreas() {
  return useQuery({
    queryKey: readinessKeys.areas(),
    queryFn: () => call('get', '/api/v1/plan/areas'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useWaivers(projectId: string) {
  return useQuery({
    queryKey: readinessKeys.waivers(projectId),
    queryFn: () =>
      call('get', waiversPath, { params: { projectId }, query: { limit: maxPage, sort: 'expiresAt' } }),
  });
}

/** Who gave each waiver: the waiver has no creator field, its creation event in the audit log does. */
export function useWaiverCreators(projectId: string) {
  return useQuery({
    queryKey: readinessKeys.waiverCreators(projectId),
    queryFn: async () => {
      const events = await call('get', '/api/v1/audit/events', {
        query: { aggregateType: 'readiness_waiver', eventType: 'readiness_waiver.created', limit: maxPage },
      });
      return new Map(events.data.map((event) => [event.aggregateId, event.userId]));
    },
  });
}

export function useNotApplicableAreas(projectId: string) {
  return useQuery({
    queryKey: readinessKeys.notApplicable(projectId),
    queryFn: () => call('get', notApplicablePath, { params: { projectId }, query: { limit: maxPage } }),
  });
}

/** The checks the workspace turned off, for every project. */
export function useDisabledChecks() {
  return useQuery({
    queryKey: readinessKeys.disabled(),
    queryFn: () => call('get', disabledPath, { query: { limit: maxPage } }),
  });
}

/** A mutation after which the scorecards, trends and lists are read again. */
function useReadinessChange<Input, Output>(change: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    // A disabled check changes every project's scores, so all readiness is read again.
    onSuccess: () => client.invalidateQueries({ queryKey: readinessKeys.all }),
  });
}

export function useWaive(projectId: string) {
  return useReadinessChange((body: { checkId: string; reason: string; expiresAt: string }) =>
    call('post', waiversPath, { params: { projectId }, body }),
  );
}

export function useRevokeWaiver(projectId: string) {
  return useReadinessChange((id: string) =>
    call('delete', `${waiversPath}/{id}`, { params: { projectId, id } }),
  );
}

export function useMarkNotApplicable(projectId: string) {
  return useReadinessChange((body: { area: string; reason: string }) =>
    call('post', notApplicablePath, { params: { projectId }, body }),
  );
}

export function useUndoNotApplicable(projectId: string) {
  return useReadinessChange((id: string) =>
    call('delete', `${notApplicablePath}/{id}`, { params: { projectId, id } }),
  );
}

export function useDisableCheck() {
  return useReadinessChange((body: { checkId: string; reason: string }) =>
    call('post', disabledPath, { body }),
  );
}

export function useEnableCheck() {
  return useReadinessChange((id: string) => call('delete', `${disabledPath}/{id}`, { params: { id } }));
}

/** Every check's title, area and level: fixed for the server's life, so kept for the visit. */
export function useReadinessChecks() {
  return useQuery({
    queryKey: [...readinessKeys.all, 'checks'],
    queryFn: () => call('get', '/api/v1/readiness/checks'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
