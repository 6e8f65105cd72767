import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import { isSettled } from './format';

/** Everything of sagas hangs under one key: an action refreshes the lists, the saga and the approvals. */
export const sagaKeys = {
  all: ['sagas'] as const,
  list: (filters: object) => [...sagaKeys.all, 'list', filters] as const,
  saga: (id: string) => [...sagaKeys.all, 'saga', id] as const,
  approvals: (projectId?: string) => [...sagaKeys.all, 'approvals', projectId ?? ''] as const,
};

const sagaPath = '/api/v1/sagas/{sagaId}' as const;
/** How often an active saga's timeline is asked for again. */
const pollMs = 2000;

export interface SagaFilters {
  type: string;
  status: string;
  projectId: string;
}

/** Sagas newest first, 50 a page, filtered by type, status and project. */
export function useSagas(filters: SagaFilters) {
  return useCursorList({
    queryKey: sagaKeys.list(filters),
    fetchPage: (cursor) =>
      call('get', '/api/v1/sagas', {
        query: {
          cursor,
          limit: 50,
          type: filters.type.trim() || undefined,
          status: filters.status || undefined,
          projectId: filters.projectId || undefined,
        },
      }),
  });
}

/** One saga with every run of its steps; asked for again every 2 s until it settles. */
export function useSaga(id: string) {
  return useQuery({
    queryKey: sagaKeys.saga(id),
    queryFn: () => call('get', sagaPath, { params: { sagaId: id } }),
    refetchInterval: (query) => (query.state.data && !isSettled(query.state.data.status) ? pollMs : false),
  });
}

/** The sagas waiting for an approval the signed-in member may give. */
export function useApprovals(projectId?: string) {
  return useCursorList({
    queryKey: sagaKeys.approvals(projectId),
    fetchPage: (cursor) => call('get', '/api/v1/saga-approvals', { query: { cursor, limit: 20, projectId } }),
  });
}

/** An act on a saga refreshes every saga query; a refusal too (the saga moved on since it was read). */
function useSagaMutation<Input>(send: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: sagaKeys.all });
  return useMutation({ mutationFn: send, onSuccess: refresh, onError: refresh });
}

export function useCancelSaga(id: string) {
  return useSagaMutation((reason: string) =>
    call('post', `${sagaPath}/cancel`, {
      params: { sagaId: id },
      body: { reason: reason.trim() || undefined },
    }),
  );
}

export function useRetrySaga(id: string) {
  return useSagaMutation((_: undefined) => call('post', `${sagaPath}/retry`, { params: { sagaId: id } }));
}

/** Tries the failed undo again, or (skip) records that a person undid the step by hand. */
export function useResumeSaga(id: string) {
  return useSagaMutation((input: { skip: boolean; reason: string }) =>
    call('post', `${sagaPath}/resume`, {
      params: { sagaId: id },
      body: { skip: input.skip || undefined, reason: input.reason.trim() || undefined },
    }),
  );
}

export function useSignalSaga(id: string) {
  return useSagaMutation((input: { name: string; payload: unknown }) =>
    call('post', `${sagaPath}/signals/{name}`, {
      params: { sagaId: id, name: input.name },
      body: { payload: input.payload },
    }),
  );
}

export function useDecideApproval(id: string) {
  return useSagaMutation((input: { approved: boolean; comment: string }) =>
    call('post', `${sagaPath}/approval`, {
      params: { sagaId: id },
      body: { approved: input.approved, comment: input.comment.trim() || undefined },
    }),
  );
}
