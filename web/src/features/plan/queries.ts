import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, callPath } from '../../api/client';
import type { components } from '../../api/schema';
import { useCursorList } from '../../components/cursor-list';
import { downloadFrom } from '../../components/download';
import type { PlanRow } from './form-fields';
import type { TableDescription } from './types';

export type PlanCounts = components['schemas']['PlanCounts'];
export type PlanImport = components['schemas']['PlanImport'];

/** Where one table of a project's plan lives. */
export interface TableKey {
  projectId: string;
  area: string;
  table: string;
}

/** A project's plan data hangs under the project's key, so one invalidation refreshes counts and rows. */
export const planKeys = {
  all: ['plan'] as const,
  areas: () => [...planKeys.all, 'areas'] as const,
  area: (area: string) => [...planKeys.all, 'area', area] as const,
  project: (projectId: string) => [...planKeys.all, 'project', projectId] as const,
  counts: (projectId: string) => [...planKeys.project(projectId), 'counts'] as const,
  table: (key: TableKey) => [...planKeys.project(key.projectId), key.area, key.table] as const,
  rows: (key: TableKey, query: object) => [...planKeys.table(key), 'rows', query] as const,
  row: (key: TableKey, id: string) => [...planKeys.table(key), 'row', id] as const,
  choices: (key: TableKey) => [...planKeys.table(key), 'choices'] as const,
};

const tablePath = (key: TableKey) =>
  `/api/v1/projects/${encodeURIComponent(key.projectId)}/plan/${encodeURIComponent(key.area)}/${encodeURIComponent(key.table)}`;

/** The planning areas: fixed for the server's life, so kept for the visit. */
export function usePlanAreas() {
  return useQuery({
    queryKey: planKeys.areas(),
    queryFn: () => call('get', '/api/v1/plan/areas'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** An area's tables and fields, which the editor is built from. */
export function useAreaDescription(area: string) {
  return useQuery({
    queryKey: planKeys.area(area),
    queryFn: () => call('get', '/api/v1/plan/areas/{area}', { params: { area } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePlanCounts(projectId: string) {
  return useQuery({
    queryKey: planKeys.counts(projectId),
    queryFn: () => call('get', '/api/v1/projects/{projectId}/plan/counts', { params: { projectId } }),
  });
}

interface RowPage {
  data: PlanRow[];
  nextCursor: string | null;
}

function isRow(value: unknown): value is PlanRow {
  return typeof value === 'object' && value !== null && 'id' in value && 'version' in value;
}

function rowOf(value: unknown): PlanRow {
  if (!isRow(value)) throw new Error('The server answered something that is not a plan row.');
  return value;
}

function pageOf(value: unknown): RowPage {
  const page = typeof value === 'object' && value !== null ? value : {};
  const data = 'data' in page && Array.isArray(page.data) ? page.data.map(rowOf) : [];
  const next = 'nextCursor' in page && typeof page.nextCursor === 'string' ? page.nextCursor : null;
  return { data, nextCursor: next };
}

/** A table's rows, newest first, searched and filtered, page by page. */
export function useRowPages(key: TableKey, query: Record<string, string>) {
  return useCursorList({
    queryKey: planKeys.rows(key, query),
    fetchPage: async (cursor) =>
      pageOf(await callPath('get', tablePath(key), { query: { ...query, cursor, limit: 50 } })),
  });
}

export function usePlanRow(key: TableKey, id: string | null) {
  return useQuery({
    queryKey: planKeys.row(key, id ?? ''),
    queryFn: async () => rowOf(await callPath('get', `${tablePath(key)}/${encodeURIComponent(id ?? '')}`)),
    enabled: Boolean(id),
  });
}

/** The rows a reference may point to, by name (the first 200). */
export function useReferenceChoices(key: TableKey, target: TableDescription | undefined) {
  return useQuery({
    queryKey: planKeys.choices(key),
    queryFn: async () => {
      const sortable = target?.fields.some((field) => field.name === target.nameField && field.sortable);
      const query = { limit: 200, ...(sortable ? { sort: target?.nameField } : {}) };
      return pageOf(await callPath('get', tablePath(key), { query })).data;
    },
    enabled: Boolean(target),
  });
}

/** Creates, changes (unless someone changed the row since it was read: 412) and deletes rows. */
export function useRowMutations(key: TableKey) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: planKeys.project(key.projectId) });
  const create = useMutation({
    mutationFn: async (body: Record<string, unknown>) =>
      rowOf(await callPath('post', tablePath(key), { body })),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async (input: { row: PlanRow; body: Record<string, unknown> }) =>
      rowOf(
        await callPath('patch', `${tablePath(key)}/${encodeURIComponent(input.row.id)}`, {
          body: input.body,
          headers: { 'if-match': `"v${input.row.version}"` },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (row: PlanRow) => callPath('delete', `${tablePath(key)}/${encodeURIComponent(row.id)}`),
    onSuccess: refresh,
  });
  return { create, update, remove };
}

/** Reads a picked file as an import's body, or says why it cannot be one (the API checks its shape). */
async function planFileOf(file: File): Promise<PlanImport> {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(`${file.name} is not JSON.`);
  }
}

/** Adds the rows of a plan file, all or none. */
export function useImportPlan(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      call('post', '/api/v1/projects/{projectId}/plan/import', {
        params: { projectId },
        body: await planFileOf(file),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: planKeys.project(projectId) }),
  });
}

/** Saves the plan as Markdown (for agents) or JSON. */
export function useExportPlan(projectId: string) {
  return useMutation({
    mutationFn: (format: 'md' | 'json') =>
      downloadFrom('/api/v1/projects/{projectId}/plan', `plan.${format}`, {
        params: { projectId },
        query: { format },
      }),
  });
}
