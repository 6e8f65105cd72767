import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ResponseOf } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import { toIso } from './local-time';

export type AuditEvent = ResponseOf<'/api/v1/audit/aggregates/{type}/{id}/history', 'get'>['data'][number];

/** The event list's filters as the screen holds them: dates are `YYYY-MM-DD` in the reader's zone. */
export interface EventFilters {
  type: string;
  eventType: string;
  actor: string;
  from: string;
  to: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  events: () => [...auditKeys.all, 'events'] as const,
  eventList: (filters: EventFilters) => [...auditKeys.events(), 'list', filters] as const,
  recent: (limit: number) => [...auditKeys.events(), 'recent', limit] as const,
  entity: (type: string, id: string) => [...auditKeys.all, 'entity', type, id] as const,
  history: (type: string, id: string) => [...auditKeys.entity(type, id), 'history'] as const,
  at: (type: string, id: string, asOf: string) => [...auditKeys.entity(type, id), 'at', asOf] as const,
  projects: () => [...auditKeys.all, 'projects'] as const,
  verify: () => [...auditKeys.all, 'verify'] as const,
  find: (typed: string) => [...auditKeys.all, 'find', typed] as const,
};

/** The API's query for the events the filters select (days are whole days in the reader's zone). */
export function exportQuery(filters: EventFilters) {
  return {
    aggregateType: filters.type || undefined,
    eventType: filters.eventType.trim() || undefined,
    actor: filters.actor || undefined,
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
  };
}

/** The workspace's events, newest first, page by page. */
export function useEventList(filters: EventFilters) {
  return useCursorList({
    queryKey: auditKeys.eventList(filters),
    fetchPage: (cursor) =>
      call('get', '/api/v1/audit/events', { query: { ...exportQuery(filters), cursor, limit: 50 } }),
  });
}

/** The latest events, newest first. */
export function useRecentEvents(limit: number) {
  return useQuery({
    queryKey: auditKeys.recent(limit),
    queryFn: () => call('get', '/api/v1/audit/events', { query: { limit } }),
  });
}

/** Every event of one entity, oldest first (up to 200). */
export function useEntityHistory(type: string, id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: auditKeys.history(type, id),
    queryFn: () =>
      call('get', '/api/v1/audit/aggregates/{type}/{id}/history', {
        params: { type, id },
        query: { limit: 200 },
      }),
  });
}

/**
 * An entity's state as of a local time (`datetime-local` text), or now when `asOf` is empty; a list
 * naming many items may take an answer up to `staleTime` old.
 */
export function useEntityAt(
  type: string,
  id: string,
  asOf: string,
  options: { staleTime?: number; enabled?: boolean } = {},
) {
  return useQuery({
    ...options,
    queryKey: auditKeys.at(type, id, asOf),
    queryFn: () =>
      call('get', '/api/v1/audit/aggregates/{type}/{id}', {
        params: { type, id },
        query: { at: asOf ? toIso(asOf) : undefined },
      }),
  });
}

/** Every project, archived ones too, to name the projects audited items belong to. */
export function useAllProjects() {
  return useQuery({
    queryKey: auditKeys.projects(),
    queryFn: () => call('get', '/api/v1/projects', { query: { limit: 200 } }),
    staleTime: 60_000,
  });
}

/** Whether the workspace's hash chain recomputes and matches its signed checkpoints. */
export function useChainStatus() {
  return useQuery({
    queryKey: auditKeys.verify(),
    queryFn: () => call('get', '/api/v1/audit/verify'),
  });
}

/** Signs a checkpoint of the chain as it stands now. */
export function useSignCheckpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('post', '/api/v1/audit/checkpoints', { body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: auditKeys.verify() }),
  });
}
