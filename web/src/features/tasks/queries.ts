import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import type { GateCondition, NewTask, TaskEvidenceAdd, TaskUpdate } from './types';

/** Everything of one project's tasks hangs under its key, so one invalidation refreshes the board and a task. */
export const taskKeys = {
  all: ['tasks'] as const,
  project: (projectId: string) => [...taskKeys.all, 'project', projectId] as const,
  list: (projectId: string, filters: object) => [...taskKeys.project(projectId), 'list', filters] as const,
  task: (projectId: string, id: string) => [...taskKeys.project(projectId), 'task', id] as const,
  evaluations: (projectId: string, id: string, limit: number) =>
    [...taskKeys.task(projectId, id), 'evaluations', limit] as const,
};

const tasksPath = '/api/v1/projects/{projectId}/tasks' as const;
const taskPath = '/api/v1/projects/{projectId}/tasks/{id}' as const;

export interface TaskFilters {
  sourceKind: string;
  assigneeId: string;
  q: string;
}

/** The project's tasks that match, by number, a page of 100 at a time; the board groups them by status. */
export function useTasks(projectId: string, filters: TaskFilters) {
  return useCursorList({
    queryKey: taskKeys.list(projectId, filters),
    fetchPage: (cursor) =>
      call('get', tasksPath, {
        params: { projectId },
        query: {
          cursor,
          limit: 100,
          sort: 'number',
          'filter[sourceKind]': filters.sourceKind || undefined,
          'filter[assigneeId]': filters.assigneeId || undefined,
          q: filters.q.trim() || undefined,
        },
      }),
  });
}

export function useTask(projectId: string, id: string) {
  return useQuery({
    queryKey: taskKeys.task(projectId, id),
    queryFn: () => call('get', taskPath, { params: { projectId, id } }),
  });
}

/** A task's gate evaluations, newest first: the board's cards ask for the last one only. */
export function useEvaluations(projectId: string, id: string, limit = 20) {
  return useQuery({
    queryKey: taskKeys.evaluations(projectId, id, limit),
    queryFn: () => call('get', `${taskPath}/evaluations`, { params: { projectId, id }, query: { limit } }),
    staleTime: 10_000,
  });
}

function useRefresh(projectId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: taskKeys.project(projectId) });
}

export function useCreateTask(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: NewTask) => call('post', tasksPath, { params: { projectId }, body }),
    onSuccess: refresh,
  });
}

/** Changes a task's title, description, criteria or gates, unless someone changed it since it was read (412). */
export function useUpdateTask(projectId: string, task: { id: string; version: number }) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: TaskUpdate) =>
      call('patch', taskPath, {
        params: { projectId, id: task.id },
        body,
        headers: { 'if-match': `"v${task.version}"` },
      }),
    onSuccess: refresh,
  });
}

/** One task per requirement of an approved PRD and/or per failing readiness check; already made ones are kept. */
export function useGenerateTasks(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: { prdId?: string; checks?: boolean }) =>
      call('post', `${tasksPath}/generate`, { params: { projectId }, body }),
    onSuccess: refresh,
  });
}

/** The task moves each answer the task and refresh the board; a refused one too (it stored an evaluation). */
function useTaskMutation<Input, Output>(projectId: string, send: (input: Input) => Promise<Output>) {
  const refresh = useRefresh(projectId);
  return useMutation({ mutationFn: send, onSuccess: refresh, onError: refresh });
}

export function useClaimTask(projectId: string, id: string) {
  return useTaskMutation(projectId, (leaseSeconds: number | undefined) =>
    call('post', `${taskPath}/claim`, { params: { projectId, id }, body: { leaseSeconds } }),
  );
}

/** Extends the holder's claim: a heartbeat with a new lease. */
export function useExtendClaim(projectId: string, id: string) {
  return useTaskMutation(projectId, (leaseSeconds: number | undefined) =>
    call('post', `${taskPath}/heartbeat`, { params: { projectId, id }, body: { leaseSeconds } }),
  );
}

/** Adds evidence (appended, duplicates ignored): commits, a merge request, test runs, finding sets. */
export function useAddEvidence(projectId: string, id: string) {
  return useTaskMutation(projectId, (body: TaskEvidenceAdd) =>
    call('post', `${taskPath}/evidence`, { params: { projectId, id }, body }),
  );
}

export function useReleaseTask(projectId: string, id: string) {
  return useTaskMutation(projectId, (_: undefined) =>
    call('post', `${taskPath}/release`, { params: { projectId, id } }),
  );
}

export function useCompleteTask(projectId: string, id: string) {
  return useTaskMutation(projectId, (input: { to: 'in_review' | 'done'; overrideReason?: string }) =>
    call('post', `${taskPath}/complete`, {
      params: { projectId, id },
      body: {
        to: input.to,
        ...(input.overrideReason ? { override: { reason: input.overrideReason } } : {}),
      },
    }),
  );
}

export function useTransitionTask(projectId: string, id: string) {
  return useTaskMutation(projectId, (input: { to: 'open' | 'blocked' | 'cancelled'; reason?: string }) =>
    call('post', `${taskPath}/transition`, { params: { projectId, id }, body: input }),
  );
}

/** Evaluates the gates without moving the task: the evaluation is stored and listed on the task. */
export function useEvaluateTask(projectId: string, id: string) {
  return useTaskMutation(projectId, (_: undefined) =>
    call('post', `${taskPath}/evaluate`, { params: { projectId, id } }),
  );
}

/** The failed conditions a refused completion (409) names, if that is what the error is. */
export function refusedConditions(error: unknown): GateCondition[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const conditions = error.problem.conditions;
  return Array.isArray(conditions) ? (conditions as GateCondition[]) : null;
}
