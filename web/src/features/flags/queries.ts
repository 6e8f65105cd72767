import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import type { FlagValue, Prerequisite, Rule, Variant } from './types';

/** Everything of one project's flags hangs under its key, so one invalidation refreshes it all. */
export const flagKeys = {
  all: ['flags'] as const,
  project: (projectId: string) => [...flagKeys.all, 'project', projectId] as const,
  list: (projectId: string, q: string) => [...flagKeys.project(projectId), 'list', q] as const,
  flag: (projectId: string, key: string) => [...flagKeys.project(projectId), 'flag', key] as const,
  metrics: (projectId: string, key: string, environment: string, bucket: string) =>
    [...flagKeys.flag(projectId, key), 'metrics', environment, bucket] as const,
  schedule: (projectId: string, key: string) => [...flagKeys.flag(projectId, key), 'schedule'] as const,
  stale: (projectId: string, unusedDays: number) =>
    [...flagKeys.project(projectId), 'stale', unusedDays] as const,
  environments: (projectId: string) => [...flagKeys.project(projectId), 'environments'] as const,
  segments: (projectId: string) => [...flagKeys.project(projectId), 'segments'] as const,
  sdkKeys: (projectId: string) => [...flagKeys.project(projectId), 'sdk-keys'] as const,
};

/** The If-Match header for a version the API issued; none for a config not stored yet (version 0). */
export const ifMatch = (version: number): Record<string, string> =>
  version >= 1 ? { 'if-match': `"v${version}"` } : {};

const flagPath = '/api/v1/projects/{projectId}/flags/{key}' as const;
const configPath = '/api/v1/projects/{projectId}/flags/{key}/environments/{environment}' as const;
export type NewFlag = RequestBody<'/api/v1/projects/{projectId}/flags', 'post'>;
export type FlagDetailsUpdate = RequestBody<'/api/v1/projects/{projectId}/flags/{key}', 'patch'>;
/** One environment's configuration as the editor saves it (PUT …/environments/{environment}). */
export interface ConfigBody {
  enabled: boolean;
  rules: Rule[];
  variants: Variant[];
  defaultValue: FlagValue;
}
export type SegmentBody = RequestBody<'/api/v1/projects/{projectId}/flag-segments', 'post'>;
type RampBody = RequestBody<'/api/v1/projects/{projectId}/flags/{key}/schedule/ramp', 'post'>;
type SdkKeyBody = RequestBody<'/api/v1/projects/{projectId}/flag-sdk-keys', 'post'>;

/** Fetches one flag's detail: the flag page and the prerequisite chain read it. */
export function fetchFlag(projectId: string, key: string) {
  return call('get', flagPath, { params: { projectId, key } });
}

function useInvalidateProject(projectId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: flagKeys.project(projectId) });
}

/** The project's flags with their state per environment, page by page. */
export function useFlags(projectId: string, q = '') {
  return useCursorList({
    queryKey: flagKeys.list(projectId, q),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/flags', {
        params: { projectId },
        query: { cursor, limit: 50, q: q || undefined },
      }),
  });
}

export function useFlag(projectId: string, key: string) {
  return useQuery({ queryKey: flagKeys.flag(projectId, key), queryFn: () => fetchFlag(projectId, key) });
}

export function useCreateFlag(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: NewFlag) =>
      call('post', '/api/v1/projects/{projectId}/flags', { params: { projectId }, body }),
    onSuccess: invalidate,
  });
}

/** Turns a flag on or off in one environment (production asks first, on screen). */
export function useToggleFlag(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (input: { key: string; environment: string; enabled: boolean }) =>
      call('patch', configPath, {
        params: { projectId, key: input.key, environment: input.environment },
        body: { enabled: input.enabled },
      }),
    onSuccess: invalidate,
  });
}

/** Replaces one environment's config, unless someone saved it since `version` (412). */
export function useSaveConfig(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (input: { environment: string; version: number; body: ConfigBody }) =>
      call('put', configPath, {
        params: { projectId, key, environment: input.environment },
        body: input.body,
        headers: ifMatch(input.version),
      }),
    onSuccess: invalidate,
  });
}

export function useSavePrerequisites(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (prerequisites: Prerequisite[]) =>
      call('put', `${flagPath}/prerequisites`, { params: { projectId, key }, body: { prerequisites } }),
    onSuccess: invalidate,
  });
}

export function useKillFlag(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (reason: string) =>
      call('post', `${flagPath}/kill`, { params: { projectId, key }, body: { reason } }),
    onSuccess: invalidate,
  });
}

/** A preview evaluation against the environment's live configuration. */
export function useEvaluate(projectId: string, key: string) {
  return useMutation({
    mutationFn: (body: { environment: string; context: Record<string, unknown> }) =>
      call('post', `${flagPath}/evaluate`, { params: { projectId, key }, body }),
  });
}

export function useFlagMetrics(
  projectId: string,
  key: string,
  query: { environment: string; bucket: 'hour' | 'day'; from: string },
) {
  return useQuery({
    queryKey: [...flagKeys.metrics(projectId, key, query.environment, query.bucket), query.from],
    queryFn: () => call('get', `${flagPath}/metrics`, { params: { projectId, key }, query }),
  });
}

export function useSchedule(projectId: string, key: string) {
  return useCursorList({
    queryKey: flagKeys.schedule(projectId, key),
    fetchPage: (cursor) =>
      call('get', `${flagPath}/schedule`, { params: { projectId, key }, query: { cursor, limit: 50 } }),
  });
}

export function useScheduleRamp(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: RampBody) =>
      call('post', `${flagPath}/schedule/ramp`, { params: { projectId, key }, body }),
    onSuccess: invalidate,
  });
}

export function useCancelScheduled(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (id: string) =>
      call('delete', `${flagPath}/schedule/{id}`, { params: { projectId, key, id } }),
    onSuccess: invalidate,
  });
}

export function useStaleFlags(projectId: string, unusedDays: number) {
  return useCursorList({
    queryKey: flagKeys.stale(projectId, unusedDays),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/flags/stale', {
        params: { projectId },
        query: { cursor, limit: 50, unusedDays },
      }),
  });
}

/** The project's environments, in their order; few enough for one page. */
export function useEnvironments(projectId: string) {
  return useQuery({
    queryKey: flagKeys.environments(projectId),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/flag-environments', {
        params: { projectId },
        query: { limit: 200 },
      }),
  });
}

export function useSegments(projectId: string) {
  return useCursorList({
    queryKey: flagKeys.segments(projectId),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/flag-segments', {
        params: { projectId },
        query: { cursor, limit: 100 },
      }),
  });
}

/** Creates a segment, or updates the one given (unless someone changed it since: 412). */
export function useSaveSegment(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (input: { segment?: { id: string; version: number }; body: SegmentBody }) =>
      input.segment
        ? call('patch', '/api/v1/projects/{projectId}/flag-segments/{id}', {
            params: { projectId, id: input.segment.id },
            body: input.body,
            headers: ifMatch(input.segment.version),
          })
        : call('post', '/api/v1/projects/{projectId}/flag-segments', {
            params: { projectId },
            body: input.body,
          }),
    onSuccess: invalidate,
  });
}

export function useSdkKeys(projectId: string) {
  return useCursorList({
    queryKey: flagKeys.sdkKeys(projectId),
    fetchPage: (cursor) =>
      call('get', '/api/v1/projects/{projectId}/flag-sdk-keys', {
        params: { projectId },
        query: { cursor, limit: 50 },
      }),
  });
}

export function useCreateSdkKey(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: SdkKeyBody) =>
      call('post', '/api/v1/projects/{projectId}/flag-sdk-keys', { params: { projectId }, body }),
    onSuccess: invalidate,
  });
}

export function useRevokeSdkKey(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (id: string) =>
      call('delete', '/api/v1/projects/{projectId}/flag-sdk-keys/{id}', { params: { projectId, id } }),
    onSuccess: invalidate,
  });
}

/** Changes what the plan says of the flag (owner, removal date, kind…), unless someone changed it since `version`. */
export function useUpdateFlag(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: FlagDetailsUpdate) => call('patch', flagPath, { params: { projectId, key }, body }),
    onSuccess: invalidate,
  });
}
