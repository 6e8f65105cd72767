import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';

export type PrdKey = { projectId: string; id: string };

/** The PRD itself; every PRD sub-resource hangs under the same key so one invalidation refreshes all. */
export function usePrd(key: PrdKey) {
  return useQuery({
    queryKey: ['prd', key.id],
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}', {
        params: { projectId: key.projectId, id: key.id },
      }),
  });
}

export function usePrdPart<T>(key: PrdKey, part: string, fetcher: () => Promise<T>, enabled = true) {
  return useQuery({ queryKey: ['prd', key.id, part], queryFn: fetcher, enabled });
}

export function useRefreshPrd(key: PrdKey) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['prd', key.id] });
    void client.invalidateQueries({ queryKey: ['prd-reviews', key.projectId] });
  };
}
