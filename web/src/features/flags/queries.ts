import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callPath } from '../../api/client';
import { useCursorList } from '../../components/cursor-list';
import type {
  Constraint,
  Evaluation,
  FlagDetail,
  FlagEnvironment,
  FlagSummary,
  FlagValue,
  Metrics,
  Page,
  Prerequisite,
  Rule,
  ScheduledChange,
  SdkKey,
  Segment,
  StaleFlag,
  Variant,
} from './types';

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

const enc = encodeURIComponent;
/** The API path of a project's flags, or of one flag, with further segments appended. */
export function flagsPath(projectId: string, key?: string, ...rest: string[]): string {
  const base = `/api/v1/projects/${enc(projectId)}/flags`;
  return [key === undefined ? base : `${base}/${enc(key)}`, ...rest.map(enc)].join('/');
}
const projectPath = (projectId: string, resource: string) => `/api/v1/projects/${enc(projectId)}/${resource}`;
/** The If-Match header for a version the API issued; none for a config not stored yet (version 0). */
export const ifMatch = (version: number): Record<string, string> =>
  version >= 1 ? { 'if-match': `"v${version}"` } : {};

function useInvalidateProject(projectId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: flagKeys.project(projectId) });
}

/** The project's flags with their state per environment, page by page. */
export function useFlags(projectId: string, q = '') {
  return useCursorList({
    queryKey: flagKeys.list(projectId, q),
    fetchPage: (cursor) =>
      callPath('get', flagsPath(projectId), { query: { cursor, limit: 50, q: q || undefined } }) as Promise<
        Page<FlagSummary>
      >,
  });
}

export function useFlag(projectId: string, key: string) {
  return useQuery({
    queryKey: flagKeys.flag(projectId, key),
    queryFn: () => callPath('get', flagsPath(projectId, key)) as Promise<FlagDetail>,
  });
}

export interface NewFlag {
  key: string;
  kind: string;
  valueType: string;
  owner?: string | null;
  removalDate?: string | null;
  critical?: boolean;
  description?: string | null;
}

export function useCreateFlag(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: NewFlag) => callPath('post', flagsPath(projectId), { body }) as Promise<FlagDetail>,
    onSuccess: invalidate,
  });
}

/** Turns a flag on or off in one environment (production asks first, on screen). */
export function useToggleFlag(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (input: { key: string; environment: string; enabled: boolean }) =>
      callPath('patch', flagsPath(projectId, input.key, 'environments', input.environment), {
        body: { enabled: input.enabled },
      }),
    onSuccess: invalidate,
  });
}

export interface ConfigBody {
  enabled: boolean;
  rules: Rule[];
  variants: Variant[];
  defaultValue: FlagValue;
}

/** Replaces one environment's config, unless someone saved it since `version` (412). */
export function useSaveConfig(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (input: { environment: string; version: number; body: ConfigBody }) =>
      callPath('put', flagsPath(projectId, key, 'environments', input.environment), {
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
      callPath('put', flagsPath(projectId, key, 'prerequisites'), { body: { prerequisites } }),
    onSuccess: invalidate,
  });
}

export function useKillFlag(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (reason: string) => callPath('post', flagsPath(projectId, key, 'kill'), { body: { reason } }),
    onSuccess: invalidate,
  });
}

/** A preview evaluation against the environment's live configuration. */
export function useEvaluate(projectId: string, key: string) {
  return useMutation({
    mutationFn: (body: { environment: string; context: Record<string, unknown> }) =>
      callPath('post', flagsPath(projectId, key, 'evaluate'), { body }) as Promise<Evaluation>,
  });
}

export function useFlagMetrics(
  projectId: string,
  key: string,
  query: { environment: string; bucket: 'hour' | 'day'; from: string },
) {
  return useQuery({
    queryKey: [...flagKeys.metrics(projectId, key, query.environment, query.bucket), query.from],
    queryFn: () => callPath('get', flagsPath(projectId, key, 'metrics'), { query }) as Promise<Metrics>,
  });
}

export function useSchedule(projectId: string, key: string) {
  return useCursorList({
    queryKey: flagKeys.schedule(projectId, key),
    fetchPage: (cursor) =>
      callPath('get', flagsPath(projectId, key, 'schedule'), { query: { cursor, limit: 50 } }) as Promise<
        Page<ScheduledChange>
      >,
  });
}

export function useScheduleRamp(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: {
      environment: string;
      ruleId: string;
      steps: { at: string; percentage: number }[];
    }) => callPath('post', flagsPath(projectId, key, 'schedule', 'ramp'), { body }),
    onSuccess: invalidate,
  });
}

export function useCancelScheduled(projectId: string, key: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (id: string) => callPath('delete', flagsPath(projectId, key, 'schedule', id)),
    onSuccess: invalidate,
  });
}

export function useStaleFlags(projectId: string, unusedDays: number) {
  return useCursorList({
    queryKey: flagKeys.stale(projectId, unusedDays),
    fetchPage: (cursor) =>
      callPath('get', flagsPath(projectId, undefined, 'stale'), {
        query: { cursor, limit: 50, unusedDays },
      }) as Promise<Page<StaleFlag>>,
  });
}

/** The project's environments, in their order; few enough for one page. */
export function useEnvironments(projectId: string) {
  return useQuery({
    queryKey: flagKeys.environments(projectId),
    queryFn: () =>
      callPath('get', projectPath(projectId, 'flag-environments'), { query: { limit: 200 } }) as Promise<
        Page<FlagEnvironment>
      >,
  });
}

export function useSegments(projectId: string) {
  return useCursorList({
    queryKey: flagKeys.segments(projectId),
    fetchPage: (cursor) =>
      callPath('get', projectPath(projectId, 'flag-segments'), { query: { cursor, limit: 100 } }) as Promise<
        Page<Segment>
      >,
  });
}

export interface SegmentBody {
  name: string;
  description: string | null;
  constraints: Constraint[];
}

/** Creates a segment, or updates `segment` when given (unless someone changed it since: 412). */
export function useSaveSegment(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (input: { segment?: Segment; body: SegmentBody }) =>
      input.segment
        ? callPath('patch', `${projectPath(projectId, 'flag-segments')}/${enc(input.segment.id)}`, {
            body: input.body,
            headers: ifMatch(input.segment.version),
          })
        : callPath('post', projectPath(projectId, 'flag-segments'), { body: input.body }),
    onSuccess: invalidate,
  });
}

export function useSdkKeys(projectId: string) {
  return useCursorList({
    queryKey: flagKeys.sdkKeys(projectId),
    fetchPage: (cursor) =>
      callPath('get', projectPath(projectId, 'flag-sdk-keys'), { query: { cursor, limit: 50 } }) as Promise<
        Page<SdkKey>
      >,
  });
}

export function useCreateSdkKey(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (body: { environment: string; kind: 'server' | 'client'; name: string }) =>
      callPath('post', projectPath(projectId, 'flag-sdk-keys'), { body }) as Promise<
        SdkKey & { secret: string }
      >,
    onSuccess: invalidate,
  });
}

export function useRevokeSdkKey(projectId: string) {
  const invalidate = useInvalidateProject(projectId);
  return useMutation({
    mutationFn: (id: string) => callPath('delete', `${projectPath(projectId, 'flag-sdk-keys')}/${enc(id)}`),
    onSuccess: invalidate,
  });
}
