import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type RequestBody, type ResponseOf, upload } from '../../api/client';
import type { components } from '../../api/schema';
import { useCursorList } from '../../components/cursor-list';

export type ApiContract = components['schemas']['PlanApiContracts'];
export type ContractVersion = components['schemas']['ContractVersion'];
export type VersionDiff = components['schemas']['ContractVersionDiff'];
export type Change = components['schemas']['ContractImpactedFinding'];
export type ChangeLevel = Change['level'];
export type Consumer = components['schemas']['ContractConsumer'];
export type ConsumerUses = components['schemas']['ContractConsumerUses'];
export type Uploaded = components['schemas']['ContractVersionUploaded'];
export type DeprecationSchedule = components['schemas']['PlanDeprecationSchedules'];
export type ContractRule = ResponseOf<'/api/v1/contracts/rules', 'get'>['data'][number];
export type NewContract = RequestBody<
  '/api/v1/projects/{projectId}/plan/breaking-change-management/api-contracts',
  'post'
>;
type VersionUpload = Extract<
  RequestBody<'/api/v1/projects/{projectId}/contracts/{contract}/versions', 'post'>,
  object
>;
type NewConsumer = RequestBody<'/api/v1/projects/{projectId}/contracts/{contract}/consumers', 'post'>;
type ConsumerChange = RequestBody<
  '/api/v1/projects/{projectId}/contracts/{contract}/consumers/{consumerId}',
  'patch'
>;

/** The levels of a change, most serious first: ERR breaks clients, WARN may, INFO does not. */
export const changeLevels: readonly ChangeLevel[] = ['ERR', 'WARN', 'INFO'];

/** The kinds of contract the diff engine reads; the plan knows others it cannot check. */
export const checkedKinds = ['openapi', 'graphql'] as const;

/** Where one contract of a project lives: the plan row's id names it in every route. */
export interface ContractKey {
  projectId: string;
  contractId: string;
}

const contractsPath = '/api/v1/projects/{projectId}/plan/breaking-change-management/api-contracts' as const;
const maxPage = 200;

/** A contract's data hangs under the project's key, so one invalidation refreshes all of it. */
export const contractKeys = {
  all: ['contracts'] as const,
  rules: () => [...contractKeys.all, 'rules'] as const,
  project: (projectId: string) => [...contractKeys.all, 'project', projectId] as const,
  list: (projectId: string) => [...contractKeys.project(projectId), 'list'] as const,
  contract: (key: ContractKey) =>
    [...contractKeys.project(key.projectId), 'contract', key.contractId] as const,
  versions: (key: ContractKey) => [...contractKeys.contract(key), 'versions'] as const,
  latest: (key: ContractKey) => [...contractKeys.contract(key), 'latest'] as const,
  version: (key: ContractKey, versionId: string) =>
    [...contractKeys.contract(key), 'version', versionId] as const,
  diff: (key: ContractKey, versionId: string) => [...contractKeys.version(key, versionId), 'diff'] as const,
  guide: (key: ContractKey, versionId: string) => [...contractKeys.version(key, versionId), 'guide'] as const,
  compare: (key: ContractKey, from: string, to: string) =>
    [...contractKeys.contract(key), 'compare', from, to] as const,
  consumers: (key: ContractKey) => [...contractKeys.contract(key), 'consumers'] as const,
  deprecations: (key: ContractKey) => [...contractKeys.contract(key), 'deprecations'] as const,
};

/** The rule catalogue (OpenAPI and GraphQL): fixed for the server's life, so kept for the visit. */
export function useContractRules() {
  return useQuery({
    queryKey: contractKeys.rules(),
    queryFn: () => call('get', '/api/v1/contracts/rules'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The project's API contracts (the plan's rows), by name. */
export function useContracts(projectId: string) {
  return useQuery({
    queryKey: contractKeys.list(projectId),
    queryFn: () =>
      call('get', contractsPath, { params: { projectId }, query: { limit: maxPage, sort: 'name' } }),
  });
}

export function useContract(key: ContractKey) {
  return useQuery({
    queryKey: contractKeys.contract(key),
    queryFn: () =>
      call('get', `${contractsPath}/{id}`, { params: { projectId: key.projectId, id: key.contractId } }),
  });
}

/** Registers an API in the plan, so that its versions can be uploaded. */
export function useCreateContract(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewContract) => call('post', contractsPath, { params: { projectId }, body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: contractKeys.list(projectId) }),
  });
}

const versionsPath = '/api/v1/projects/{projectId}/contracts/{contract}/versions' as const;
const versionPath = `${versionsPath}/{versionId}` as const;
const paramsOf = (key: ContractKey) => ({ projectId: key.projectId, contract: key.contractId });

/** A contract's versions, newest first, page by page: the timeline. */
export function useVersionPages(key: ContractKey) {
  return useCursorList({
    queryKey: [...contractKeys.versions(key), 'pages'],
    fetchPage: (cursor) => call('get', versionsPath, { params: paramsOf(key), query: { cursor, limit: 50 } }),
  });
}

/** The newest 200 versions at once: the choices of a comparison. */
export function useVersionChoices(key: ContractKey) {
  return useQuery({
    queryKey: [...contractKeys.versions(key), 'choices'],
    queryFn: () => call('get', versionsPath, { params: paramsOf(key), query: { limit: maxPage } }),
  });
}

/** The newest version only, for the project's list of APIs. */
export function useLatestVersion(key: ContractKey) {
  return useQuery({
    queryKey: contractKeys.latest(key),
    queryFn: async () =>
      (await call('get', versionsPath, { params: paramsOf(key), query: { limit: 1 } })).data[0] ?? null,
  });
}

export function useVersion(key: ContractKey, versionId: string) {
  return useQuery({
    queryKey: contractKeys.version(key, versionId),
    queryFn: () => call('get', versionPath, { params: { ...paramsOf(key), versionId } }),
  });
}

/** The diff stored at upload against the version before (a first version has none: 404). */
export function useStoredDiff(key: ContractKey, versionId: string) {
  return useQuery({
    queryKey: contractKeys.diff(key, versionId),
    queryFn: () => call('get', `${versionPath}/diff`, { params: { ...paramsOf(key), versionId } }),
  });
}

/** Two versions compared now, with today's settings and consumers; nothing is stored. */
export function useComparison(key: ContractKey, from: string, to: string) {
  return useQuery({
    queryKey: contractKeys.compare(key, from, to),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/contracts/{contract}/diffs', {
        params: paramsOf(key),
        query: { from, to },
      }),
    enabled: Boolean(from && to),
  });
}

/** How clients move from the version before to this one, as Markdown (a first version has none: 404). */
export function useMigrationGuide(key: ContractKey, versionId: string) {
  return useQuery({
    queryKey: contractKeys.guide(key, versionId),
    queryFn: () => call('get', `${versionPath}/migration-guide`, { params: { ...paramsOf(key), versionId } }),
  });
}

/** What the upload form gives: the label, the commit and the picked file. */
export interface VersionFile {
  label: string;
  commit: string;
  file: File;
}

/** Media types of the bundles the server unpacks, by the file name's ending. */
const archiveTypes: readonly [RegExp, string][] = [
  [/\.zip$/i, 'application/zip'],
  [/\.(tar\.gz|tgz)$/i, 'application/gzip'],
  [/\.tar$/i, 'application/x-tar'],
];

/** The media type to send a bundle under, or null for a document read as text. */
export function archiveTypeOf(name: string): string | null {
  return archiveTypes.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * Uploads a version: a YAML, JSON or GraphQL document goes as text in JSON (so that a bad label is
 * named under its field), a bundle as the body itself under its media type.
 */
async function sendVersion(key: ContractKey, input: VersionFile): Promise<Uploaded> {
  const commit = input.commit.trim() || undefined;
  const archive = archiveTypeOf(input.file.name);
  if (archive) {
    return upload(versionsPath, {
      params: paramsOf(key),
      query: { version: input.label.trim(), commit },
      body: input.file,
      contentType: archive,
    });
  }
  const body: VersionUpload = {
    version: input.label.trim(),
    content: await input.file.text(),
    filename: input.file.name,
    ...(commit ? { commit } : {}),
  };
  return call('post', versionsPath, { params: paramsOf(key), body });
}

export function useUploadVersion(key: ContractKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: VersionFile) => sendVersion(key, input),
    // The plan changed too: the contract's current version, its breaking changes and deprecations.
    onSuccess: () => void client.invalidateQueries({ queryKey: contractKeys.project(key.projectId) }),
  });
}

/** Accepts or rejects a version's breaking changes, unless someone changed it since `version` (412). */
export function useReviewVersion(key: ContractKey, versionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: 'accepted' | 'rejected'; note?: string; version: number }) =>
      call('post', `${versionPath}/review`, { params: { ...paramsOf(key), versionId }, body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: contractKeys.project(key.projectId) }),
  });
}

const consumersPath = '/api/v1/projects/{projectId}/contracts/{contract}/consumers' as const;
const consumerPath = `${consumersPath}/{consumerId}` as const;

export function useConsumers(key: ContractKey) {
  return useQuery({
    queryKey: contractKeys.consumers(key),
    queryFn: () =>
      call('get', consumersPath, { params: paramsOf(key), query: { limit: maxPage, sort: 'name' } }),
  });
}

export function useCreateConsumer(key: ContractKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewConsumer) => call('post', consumersPath, { params: paramsOf(key), body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: contractKeys.consumers(key) }),
  });
}

/** Changes a consumer, unless someone changed it since `version` (412). */
export function useUpdateConsumer(key: ContractKey, consumer: Pick<Consumer, 'id' | 'version'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ConsumerChange, 'version'>) =>
      call('patch', consumerPath, {
        params: { ...paramsOf(key), consumerId: consumer.id },
        body: { ...body, version: consumer.version },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: contractKeys.consumers(key) }),
  });
}

/** Replaces what a consumer uses by what its Pact file's interactions exercise. */
export function useUploadPact(key: ContractKey, consumerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pact: Record<string, unknown>) =>
      call('post', `${consumerPath}/pact`, { params: { ...paramsOf(key), consumerId }, body: pact }),
    onSuccess: () => void client.invalidateQueries({ queryKey: contractKeys.consumers(key) }),
  });
}

/** The plan's deprecation schedules of one contract (uploads add one per newly deprecated operation). */
export function useDeprecations(key: ContractKey) {
  return useQuery({
    queryKey: contractKeys.deprecations(key),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/plan/breaking-change-management/deprecation-schedules', {
        params: { projectId: key.projectId },
        query: { 'filter[contractId]': key.contractId, limit: maxPage },
      }),
  });
}
