import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';

export type Project = ResponseOf<'/api/v1/projects/{id}', 'get'>;

export interface ProjectFilters {
  q: string;
  status: string;
  tag: string;
}

/** What a project form edits (and, for an existing project, its id and version). */
export interface ProjectValues {
  id?: string;
  version?: number;
  name: string;
  key: string;
  description: string;
  tags: string[];
}

export const projectKeys = {
  all: ['projects'] as const,
  list: (filters: ProjectFilters) => [...projectKeys.all, 'list', filters] as const,
  /** Active projects, to choose one from. */
  choices: () => [...projectKeys.all, 'choices'] as const,
  /** Active projects, most recently updated first. */
  recent: () => [...projectKeys.all, 'recent'] as const,
  detail: (id: string) => [...projectKeys.all, 'detail', id] as const,
};

export function useProjectList(filters: ProjectFilters) {
  return useCursorList({
    queryKey: projectKeys.list(filters),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects', {
        query: {
          q: filters.q || undefined,
          'filter[status]': filters.status || undefined,
          'filter[tags][contains]': filters.tag.trim() || undefined,
          cursor,
          limit: 25,
        },
      }),
  });
}

export function useProjectChoices() {
  return useQuery({
    queryKey: projectKeys.choices(),
    queryFn: () => call('get', '/api/v1/projects', { query: { limit: 200, 'filter[status]': 'active' } }),
  });
}

export function useRecentProjects() {
  return useQuery({
    queryKey: projectKeys.recent(),
    queryFn: () =>
      call('get', '/api/v1/projects', {
        query: { limit: 50, 'filter[status]': 'active', sort: '-updatedAt' },
      }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => call('get', '/api/v1/projects/{id}', { params: { id } }),
  });
}

/** Creates a project (active), or saves an existing one if nobody changed it since its version. */
export function useSaveProject(project?: ProjectValues) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; key: string; description: string; tags: string[] }) =>
      project?.id
        ? call('patch', '/api/v1/projects/{id}', {
            params: { id: project.id },
            body,
            headers: project.version ? { 'if-match': `"v${project.version}"` } : {},
          })
        : call('post', '/api/v1/projects', { body: { ...body, status: 'active' } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

/** Archives or restores a project. */
export function useSetProjectStatus(project: { id: string; version: number }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: 'active' | 'archived') =>
      call('patch', '/api/v1/projects/{id}', {
        params: { id: project.id },
        body: { status },
        headers: { 'if-match': `"v${project.version}"` },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}
