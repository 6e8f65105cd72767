import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, type PathWith, type ResponseOf } from '../../api/client';
import { type Anchor, anchorFor } from './anchors';
import { prdTemplate } from './prd-template';

/** A PRD's address: the project it belongs to and its id. */
export type PrdKey = { projectId: string; id: string };
export type Prd = ResponseOf<'/api/v1/projects/{projectId}/prd-reviews/{id}', 'get'>;
export type PrdComment = ResponseOf<
  '/api/v1/projects/{projectId}/prd-reviews/{id}/comments',
  'get'
>['data'][number];
/** The query of a project's PRD list: filters, sort and page size. */
export type PrdListQuery = Record<string, string | number | undefined>;
type PrdPartQuery = Record<string, number>;

/** One PRD and all it has (comments, approval, lint…) hang under its detail key: one invalidation refreshes all. */
export const prdKeys = {
  all: ['prds'] as const,
  lists: (projectId: string) => [...prdKeys.all, 'list', projectId] as const,
  list: (projectId: string, query: PrdListQuery) => [...prdKeys.lists(projectId), query] as const,
  detail: (id: string) => [...prdKeys.all, 'detail', id] as const,
  part: (id: string, part: string, query: PrdPartQuery) => [...prdKeys.detail(id), part, query] as const,
  lookup: (id: string) => [...prdKeys.all, 'lookup', id] as const,
};

/** A project's PRDs (one page), as `query` filters and sorts them; for useQuery or useQueries. */
export function prdListQuery(projectId: string, query: PrdListQuery) {
  return queryOptions({
    queryKey: prdKeys.list(projectId, query),
    queryFn: () => call('get', '/api/v1/projects/{projectId}/prd-reviews', { params: { projectId }, query }),
  });
}

export function usePrdList(projectId: string, query: PrdListQuery, enabled = true) {
  return useQuery({ ...prdListQuery(projectId, query), enabled });
}

export function usePrd(key: PrdKey) {
  return useQuery({
    queryKey: prdKeys.detail(key.id),
    queryFn: () =>
      call('get', '/api/v1/projects/{projectId}/prd-reviews/{id}', {
        params: { projectId: key.projectId, id: key.id },
      }),
  });
}

/** A PRD by id alone, for links from elsewhere that do not know its project. */
export function usePrdLookup(id: string) {
  return useQuery({
    queryKey: prdKeys.lookup(id),
    queryFn: () => call('get', '/api/v1/prd-reviews/{id}', { params: { id } }),
  });
}

type PrdPartPath = Extract<PathWith<'get'>, `/api/v1/projects/{projectId}/prd-reviews/{id}/${string}`>;

/** Something a PRD has, read from `path`; kept under the PRD's key, so refreshing the PRD refreshes it. */
function usePrdPart<P extends PrdPartPath>(key: PrdKey, path: P, query: PrdPartQuery = {}, enabled = true) {
  return useQuery({
    queryKey: prdKeys.part(key.id, path.slice(path.lastIndexOf('/') + 1), query),
    queryFn: () => call('get', path, { params: key, query }),
    enabled,
  });
}

/** The current revision rendered to HTML (sanitized by the server). */
export const usePrdHtml = (key: PrdKey) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/html');

export const usePrdComments = (key: PrdKey) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/comments', { limit: 200 });

/** Who approved the current revision, who asked for changes, who is still to review. */
export const usePrdApproval = (key: PrdKey) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/approval');

/** Every review decision, on every revision. */
export const usePrdReviews = (key: PrdKey) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/reviews', { limit: 200 });

export const usePrdLint = (key: PrdKey) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/lint');

export const usePrdRevisions = (key: PrdKey) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/revisions', { limit: 200 });

/** The line diff between two revisions. */
export const usePrdDiff = (key: PrdKey, from: number, to: number, enabled: boolean) =>
  usePrdPart(key, '/api/v1/projects/{projectId}/prd-reviews/{id}/diff', { from, to }, enabled);

/** Refreshes a PRD, all it has, and its project's lists, after anything changed it. */
export function useRefreshPrd(key: PrdKey) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: prdKeys.detail(key.id) });
    void client.invalidateQueries({ queryKey: prdKeys.lists(key.projectId) });
  };
}

/** Starts a PRD in a project from the template of the usual sections. */
export function useCreatePrd(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (title: string) =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews', {
        params: { projectId },
        body: { title, content: prdTemplate(title) },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: prdKeys.lists(projectId) }),
  });
}

/** Saves a new revision of the title and content, if nobody saved one since `version`. */
export function useSavePrd(key: PrdKey, version: number) {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: (body: { title: string; content: string }) =>
      call('patch', '/api/v1/projects/{projectId}/prd-reviews/{id}', {
        params: key,
        body,
        headers: { 'if-match': `"v${version}"` },
      }),
    onSuccess: refresh,
  });
}

export type Transition = 'submit' | 'withdraw' | 'archive';

/** A workflow step that needs nothing but the version: submit, withdraw, archive. */
export function usePrdTransition(prd: Prd, key: PrdKey) {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: (action: Transition) =>
      call('post', `/api/v1/projects/{projectId}/prd-reviews/{id}/${action}`, {
        params: key,
        body: { version: prd.version },
      }),
    onSuccess: refresh,
  });
}

/** A reviewer's verdict on the current revision, with an optional comment. */
export function useReviewPrd(prd: Prd, key: PrdKey, verdict: 'approve' | 'request-changes') {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: (comment: string) =>
      call('post', `/api/v1/projects/{projectId}/prd-reviews/{id}/${verdict}`, {
        params: key,
        body: { comment: comment || undefined, version: prd.version } as { comment: string },
      }),
    onSuccess: refresh,
  });
}

export function useSupersedePrd(prd: Prd, key: PrdKey) {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: (supersededBy: string) =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews/{id}/supersede', {
        params: key,
        body: { supersededBy, version: prd.version },
      }),
    onSuccess: refresh,
  });
}

/**
 * A comment or a reply. Its anchor is the selection, or else the typed quote found in `content`
 * (failing on the quote field when the document does not contain it).
 */
export function useAddComment(key: PrdKey) {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: (comment: {
      body: string;
      revision: number;
      parentId?: string;
      anchor: Anchor | null;
      typedQuote?: string;
      content?: string;
    }) => {
      const typed = comment.typedQuote?.trim() ?? '';
      const anchor =
        comment.anchor ?? (typed && comment.content !== undefined ? anchorFor(comment.content, typed) : null);
      if (!comment.anchor && typed && !anchor) {
        throw new ApiError(400, { errors: [{ path: 'quote', message: 'is not in the document' }] });
      }
      return call('post', '/api/v1/projects/{projectId}/prd-reviews/{id}/comments', {
        params: key,
        body: {
          body: comment.body,
          ...(comment.parentId ? { parentId: comment.parentId } : {}),
          ...(anchor ? { anchor, revision: comment.revision } : {}),
        },
      });
    },
    onSuccess: refresh,
  });
}

/** Resolves an open thread, or reopens a resolved one. */
export function useToggleThread(key: PrdKey, thread: PrdComment) {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: () =>
      call(
        'post',
        thread.resolvedAt
          ? '/api/v1/projects/{projectId}/prd-reviews/{id}/comments/{commentId}/reopen'
          : '/api/v1/projects/{projectId}/prd-reviews/{id}/comments/{commentId}/resolve',
        { params: { ...key, commentId: thread.id } },
      ),
    onSuccess: refresh,
  });
}

export function useRequestReviews(key: PrdKey) {
  const refresh = useRefreshPrd(key);
  return useMutation({
    mutationFn: (reviewers: string[]) =>
      call('post', '/api/v1/projects/{projectId}/prd-reviews/{id}/review-requests', {
        params: key,
        body: { reviewers },
      }),
    onSuccess: refresh,
  });
}
