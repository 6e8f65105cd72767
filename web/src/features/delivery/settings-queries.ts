import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody } from '../../api/client';
import { isSyncing } from './format';
import { deliveryKeys } from './queries';
import type { SyncRun } from './types';

const sourcesPath = '/api/v1/projects/{projectId}/delivery-sources' as const;
const connectionsPath = '/api/v1/delivery-connections' as const;
/** How often the runs list is asked again while a sync is queued or running. */
const pollMs = 2000;

export type SourceInput = RequestBody<typeof sourcesPath, 'post'>;
export type SettingsInput = RequestBody<'/api/v1/projects/{projectId}/delivery/settings', 'patch'>;
export type ConnectionInput = RequestBody<typeof connectionsPath, 'post'>;

/** A change to a project's delivery set-up refreshes everything the project shows of delivery. */
function useProjectMutation<Input, Answer>(projectId: string, send: (input: Input) => Promise<Answer>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: deliveryKeys.project(projectId) }),
  });
}

/** The project's sources (a project has a handful: one page of 100 holds them). */
export function useSources(projectId: string) {
  return useQuery({
    queryKey: deliveryKeys.sources(projectId),
    queryFn: () => call('get', sourcesPath, { params: { projectId }, query: { limit: 100 } }),
  });
}

export function useAddSource(projectId: string) {
  return useProjectMutation(projectId, (body: SourceInput) =>
    call('post', sourcesPath, { params: { projectId }, body }),
  );
}

export function useSetSourceEnabled(projectId: string) {
  return useProjectMutation(projectId, (input: { id: string; enabled: boolean }) =>
    call('patch', `${sourcesPath}/{id}`, {
      params: { projectId, id: input.id },
      body: { enabled: input.enabled },
    }),
  );
}

export function useDeleteSource(projectId: string) {
  return useProjectMutation(projectId, (id: string) =>
    call('delete', `${sourcesPath}/{id}`, { params: { projectId, id } }),
  );
}

/** The latest sync runs; asked again every 2 s while one is queued or running. */
export function useSyncRuns(projectId: string) {
  return useQuery({
    queryKey: deliveryKeys.runs(projectId),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/delivery-sync-runs', {
        params: { projectId },
        query: { limit: 20, sort: '-createdAt' },
      }),
    refetchInterval: (query) => (query.state.data && anySyncing(query.state.data.data) ? pollMs : false),
  });
}

function anySyncing(runs: readonly SyncRun[]): boolean {
  return runs.some((run) => isSyncing(run.status));
}

/** Starts a sync of every enabled source, or of one. */
export function useSyncNow(projectId: string) {
  return useProjectMutation(projectId, (sourceId: string | undefined) =>
    call('post', '/api/v1/projects/{projectId}/delivery/sync', { params: { projectId }, body: { sourceId } }),
  );
}

export function useDeliverySettings(projectId: string) {
  return useQuery({
    queryKey: deliveryKeys.settings(projectId),
    queryFn: () => call('get', '/api/v1/projects/{projectId}/delivery/settings', { params: { projectId } }),
  });
}

export function useSaveDeliverySettings(projectId: string) {
  return useProjectMutation(projectId, (body: SettingsInput) =>
    call('patch', '/api/v1/projects/{projectId}/delivery/settings', { params: { projectId }, body }),
  );
}

/** The workspace's connections (a handful: one page of 100 holds them). */
export function useConnections() {
  return useQuery({
    queryKey: deliveryKeys.connections(),
    queryFn: () => call('get', connectionsPath, { query: { limit: 100 } }),
  });
}

function useConnectionMutation<Input, Answer>(send: (input: Input) => Promise<Answer>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: deliveryKeys.connections() }),
  });
}

export function useAddConnection() {
  return useConnectionMutation((body: ConnectionInput) => call('post', connectionsPath, { body }));
}

export function useDeleteConnection() {
  return useConnectionMutation((id: string) => call('delete', `${connectionsPath}/{id}`, { params: { id } }));
}

/** Asks the source who the token belongs to; the answer (or the exact error) is shown, not stored. */
export function useTestConnection() {
  return useMutation({
    mutationFn: (id: string) => call('post', `${connectionsPath}/{id}/test`, { params: { id } }),
  });
}
