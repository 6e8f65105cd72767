// GitLab REST v4: who the token is, and merge requests (with their commits and notes) and deployments
// updated since a time, page by page (https://docs.gitlab.com/api/rest/#pagination).
import { z } from 'zod';
import { createRemotePolicy, getJson, type RemotePolicyOptions } from './http.ts';
import { isObject, listIn, mapConcurrently, type RemoteGet, type RemotePage } from './paging.ts';
import { RemoteError } from './remote-error.ts';

export interface GitlabConnection {
  id: string;
  baseUrl: string;
  token: string;
}

export interface RemoteClientOptions {
  policy?: RemotePolicyOptions;
  /** Requests in flight at once for a page's commits and notes. */
  concurrency?: number;
}

export interface GitlabPageQuery {
  /** ISO 8601; only what was updated at or after it. */
  updatedAfter: string | null;
  /** A `next` from the previous page; null for the first. */
  cursor: string | null;
}

const userSchema = z.object({ username: z.string(), name: z.string().nullish() });
const tokenSchema = z.object({ scopes: z.array(z.string()) });
const projectSchema = z.object({ id: z.number().int() });

/** The page to ask for next: X-Next-Page, else the page of the Link header's rel="next" URL. */
export function nextPageOf(headers: Headers): string | null {
  const header = headers.get('x-next-page')?.trim();
  if (header) return header;
  for (const link of (headers.get('link') ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
    if (match?.[1]) return new URL(match[1]).searchParams.get('page');
  }
  return null;
}

/** A project id, or its full path URL-encoded as one segment (encoded once, whether or not it came encoded). */
const projectSegment = (project: string) => encodeURIComponent(decodeURIComponent(project));

type Params = Record<string, string>;

async function listPage(
  get: RemoteGet,
  path: string,
  params: Params,
  query: GitlabPageQuery,
  signal?: AbortSignal,
) {
  const search = new URLSearchParams({ ...params, order_by: 'updated_at', sort: 'asc', per_page: '100' });
  if (query.updatedAfter) search.set('updated_after', query.updatedAfter);
  search.set('page', query.cursor ?? '1');
  const { body, headers } = await get(`${path}?${search}`, signal);
  return { items: listIn(body, `GitLab GET ${path}`), next: nextPageOf(headers) };
}

async function allPages(get: RemoteGet, path: string, params: Params, signal?: AbortSignal) {
  const items: unknown[] = [];
  for (let page: string | null = '1'; page; ) {
    const search = new URLSearchParams({ ...params, per_page: '100', page });
    const { body, headers } = await get(`${path}?${search}`, signal);
    items.push(...listIn(body, `GitLab GET ${path}`));
    page = nextPageOf(headers);
  }
  return items;
}

/** The merge request with all its commits and notes, as the engine's bundle expects. */
async function bundle(get: RemoteGet, project: string, mergeRequest: unknown, signal: AbortSignal) {
  if (!isObject(mergeRequest) || typeof mergeRequest.iid !== 'number') return mergeRequest;
  const path = `/api/v4/projects/${projectSegment(project)}/merge_requests/${mergeRequest.iid}`;
  const commits = await allPages(get, `${path}/commits`, {}, signal);
  const notes = await allPages(get, `${path}/notes`, { sort: 'asc', order_by: 'created_at' }, signal);
  return { ...mergeRequest, commits, notes };
}

/** The token's scopes where GitLab tells them (personal, project and group access tokens). */
async function tokenScopes(get: RemoteGet, signal?: AbortSignal): Promise<string[] | null> {
  try {
    const { body } = await get('/api/v4/personal_access_tokens/self', signal);
    return tokenSchema.safeParse(body).data?.scopes ?? null;
  } catch (error) {
    if (error instanceof RemoteError) return null;
    throw error;
  }
}

export function gitlabClient(connection: GitlabConnection, options: RemoteClientOptions = {}) {
  const policy = createRemotePolicy(connection.id, options.policy);
  const base = connection.baseUrl.replace(/\/+$/, '');
  const concurrency = options.concurrency ?? 8;
  const get: RemoteGet = (path, signal) =>
    getJson(policy, `${base}${path}`, {
      headers: { authorization: `Bearer ${connection.token}` },
      signal,
      source: 'GitLab',
    });

  return {
    async currentUser(signal?: AbortSignal) {
      const { body } = await get('/api/v4/user', signal);
      const user = userSchema.safeParse(body);
      if (!user.success)
        throw new RemoteError('malformed', 'GitLab answered GET /api/v4/user without a username');
      return {
        username: user.data.username,
        name: user.data.name ?? null,
        scopes: await tokenScopes(get, signal),
      };
    },

    /** The project's numeric id (deployments do not carry it; merge requests do). */
    async projectId(project: string, signal?: AbortSignal): Promise<number> {
      const path = `/api/v4/projects/${projectSegment(project)}`;
      const parsed = projectSchema.safeParse((await get(path, signal)).body);
      if (!parsed.success) throw new RemoteError('malformed', `GitLab answered GET ${path} without an id`);
      return parsed.data.id;
    },

    async mergeRequestPage(
      project: string,
      query: GitlabPageQuery,
      signal?: AbortSignal,
    ): Promise<RemotePage> {
      const path = `/api/v4/projects/${projectSegment(project)}/merge_requests`;
      const page = await listPage(get, path, { scope: 'all', state: 'all' }, query, signal);
      const items = await mapConcurrently(page.items, concurrency, signal, (item, itemSignal) =>
        bundle(get, project, item, itemSignal),
      );
      return { items, next: page.next };
    },

    async deploymentPage(project: string, query: GitlabPageQuery, signal?: AbortSignal): Promise<RemotePage> {
      const path = `/api/v4/projects/${projectSegment(project)}/deployments`;
      try {
        return await listPage(get, path, {}, query, signal);
      } catch (error) {
        // Deployments answer 403/404 where the project has the feature turned off: it has none.
        if (error instanceof RemoteError && (error.kind === 'not_found' || error.kind === 'forbidden')) {
          return { items: [], next: null };
        }
        throw error;
      }
    },
  };
}

export type GitlabClient = ReturnType<typeof gitlabClient>;
