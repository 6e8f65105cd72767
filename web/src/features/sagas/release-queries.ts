import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import { sagaKeys } from './queries';

const workflowsPath = '/api/v1/projects/{projectId}/release-workflows' as const;
const workflowPath = '/api/v1/projects/{projectId}/release-workflows/{key}' as const;
const hostsPath = '/api/v1/projects/{projectId}/release-allowed-hosts' as const;
const secretsPath = '/api/v1/projects/{projectId}/release-secrets' as const;

export const releaseKeys = {
  project: (projectId: string) => ['release', projectId] as const,
  workflows: (projectId: string) => [...releaseKeys.project(projectId), 'workflows'] as const,
  workflow: (projectId: string, key: string) => [...releaseKeys.project(projectId), 'workflow', key] as const,
  versions: (projectId: string, key: string) =>
    [...releaseKeys.workflow(projectId, key), 'versions'] as const,
  hosts: (projectId: string) => [...releaseKeys.project(projectId), 'hosts'] as const,
  secrets: (projectId: string) => [...releaseKeys.project(projectId), 'secrets'] as const,
};

export type WorkflowCreate = RequestBody<typeof workflowsPath, 'post'>;

function useRefresh(projectId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: releaseKeys.project(projectId) });
}

export function useWorkflows(projectId: string) {
  return useCursorList({
    queryKey: releaseKeys.workflows(projectId),
    fetchPage: (cursor) =>
      call('get', workflowsPath, { params: { projectId }, query: { cursor, limit: 50 } }),
  });
}

export function useWorkflow(projectId: string, key: string) {
  return useQuery({
    queryKey: releaseKeys.workflow(projectId, key),
    queryFn: () => call('get', workflowPath, { params: { projectId, key } }),
  });
}

export function useWorkflowVersions(projectId: string, key: string) {
  return useCursorList({
    queryKey: releaseKeys.versions(projectId, key),
    fetchPage: (cursor) =>
      call('get', `${workflowPath}/versions`, { params: { projectId, key }, query: { cursor, limit: 20 } }),
  });
}

export function useCreateWorkflow(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: WorkflowCreate) => call('post', workflowsPath, { params: { projectId }, body }),
    onSuccess: refresh,
  });
}

/** A new version of the definition, unless someone saved one since it was read (412). */
export function useUpdateWorkflow(projectId: string, workflow: { key: string; version: number }) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (definition: string) =>
      call('patch', workflowPath, {
        params: { projectId, key: workflow.key },
        body: { definition: parseJsonOrYaml(definition) },
        headers: { 'if-match': `"v${workflow.version}"` },
      }),
    onSuccess: refresh,
  });
}

/** JSON text goes as JSON; anything else as the YAML string the API also reads. */
export function parseJsonOrYaml(text: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ...value };
  } catch {
    // not JSON: the server reads it as YAML
  }
  return text;
}

/** The saga id of the run route's answer (202 with the saga). */
function sagaIdOf(answer: unknown): string {
  if (typeof answer === 'object' && answer !== null && 'id' in answer && typeof answer.id === 'string')
    return answer.id;
  throw new Error('The server started the run but did not name its saga.');
}

/** Starts a run with the given inputs; answers the new saga's id. */
export function useRunWorkflow(projectId: string, key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (inputs: Record<string, string>) => {
      const answer: unknown = await call('post', `${workflowPath}/runs`, {
        params: { projectId, key },
        body: { inputs },
      });
      return sagaIdOf(answer);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: sagaKeys.all }),
  });
}

export function useAllowedHosts(projectId: string) {
  return useQuery({
    queryKey: releaseKeys.hosts(projectId),
    queryFn: () => call('get', hostsPath, { params: { projectId }, query: { limit: 200 } }),
  });
}

export function useAddHost(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: { host: string; note: string }) =>
      call('post', hostsPath, { params: { projectId }, body }),
    onSuccess: refresh,
  });
}

export function useRemoveHost(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (id: string) => call('delete', `${hostsPath}/{id}`, { params: { projectId, id } }),
    onSuccess: refresh,
  });
}

export function useSecrets(projectId: string) {
  return useQuery({
    queryKey: releaseKeys.secrets(projectId),
    queryFn: () => call('get', secretsPath, { params: { projectId }, query: { limit: 200 } }),
  });
}

/** Stores a secret; its value is never answered back. */
export function useAddSecret(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: { name: string; value: string }) =>
      call('post', secretsPath, { params: { projectId }, body }),
    onSuccess: refresh,
  });
}

export function useRemoveSecret(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (id: string) => call('delete', `${secretsPath}/{id}`, { params: { projectId, id } }),
    onSuccess: refresh,
  });
}
