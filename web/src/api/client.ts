import type { paths } from './schema';

/** One field's validation message, keyed by the body path the API names (`name`, `tags.0`). */
export type FieldErrors = Record<string, string>;

/** An RFC 9457 problem the API answered with, turned into something a form can show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fields: FieldErrors;
  readonly allowed: string[] | undefined;
  /** The problem as answered, with the members a route adds (a loader's `file`, `line`, `column`). */
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.status = status;
    this.code = problem.code;
    this.allowed = problem.allowed;
    this.problem = { ...problem };
    this.fields = {};
    for (const error of problem.errors ?? []) {
      // Keep the first message per field; the rest usually repeat it.
      if (!(error.path in this.fields)) this.fields[error.path] = error.message;
    }
  }
}

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  allowed?: string[];
  errors?: { path: string; message: string }[];
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = paths[P][M];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<O> = O extends { responses: infer R }
  ? 200 extends keyof R
    ? JsonOf<R[200]>
    : 201 extends keyof R
      ? JsonOf<R[201]>
      : undefined
  : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

/** The paths that answer a given method. */
export type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined | never ? never : P;
}[keyof paths];

/** What a successful call of method M on path P answers. */
export type ResponseOf<P extends keyof paths, M extends Method> = Success<Operation<P, M>>;
export type RequestBody<P extends keyof paths, M extends Method> = BodyOf<Operation<P, M>>;

interface CallOptions<P extends keyof paths, M extends Method> {
  params?: Record<string, string | number>;
  query?: QueryOf<Operation<P, M>> | Record<string, string | number | boolean | undefined>;
  body?: BodyOf<Operation<P, M>>;
  headers?: Record<string, string>;
}

/** Session state every call needs: the CSRF token for writes and the chosen workspace. */
export const session = {
  csrfToken: null as string | null,
  workspaceId: (typeof localStorage !== 'undefined' && localStorage.getItem('shipshape.workspace')) || null,
  onUnauthenticated: () => {},
};

const signedInKey = 'shipshape.signedIn';

/**
 * Whether this browser signed in and has not signed out since. The session cookie is HttpOnly, so
 * this hint spares a first visit the 401 of asking /me without a session.
 */
export const signedInHint = {
  get: () => localStorage.getItem(signedInKey) === '1',
  set: (value: boolean) =>
    value ? localStorage.setItem(signedInKey, '1') : localStorage.removeItem(signedInKey),
};

export function chooseWorkspace(id: string | null): void {
  session.workspaceId = id;
  if (id) localStorage.setItem('shipshape.workspace', id);
  else localStorage.removeItem('shipshape.workspace');
}

/** Fills `{name}` placeholders and appends the query (arrays as repeated keys are not needed here). */
export function urlFor(
  path: string,
  params: Record<string, string | number> = {},
  query: object = {},
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/**
 * Calls the API with the session cookie, the CSRF token on writes and the chosen workspace; answers
 * the parsed body or throws an ApiError built from the problem+json.
 */
export async function call<P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  options: CallOptions<P, M> = {},
): Promise<ResponseOf<P, M>> {
  const json = options.body === undefined ? undefined : JSON.stringify(options.body);
  return send(method, path as string, {
    params: options.params,
    query: options.query ?? {},
    headers: { ...options.headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json,
  }) as Promise<ResponseOf<P, M>>;
}

/**
 * Posts a file as the request body itself (a YAML document, a zip archive) under its media type,
 * with the same session headers and errors as `call`: for routes that take a raw upload.
 */
export async function upload<P extends PathWith<'post'>>(
  path: P,
  options: {
    params?: Record<string, string | number>;
    query?: Record<string, string | number | boolean | undefined>;
    headers?: Record<string, string>;
    body: Blob;
    contentType: string;
  },
): Promise<ResponseOf<P, 'post'>> {
  return send('post', path as string, {
    params: options.params,
    query: options.query ?? {},
    headers: { ...options.headers, 'content-type': options.contentType },
    body: options.body,
  }) as Promise<ResponseOf<P, 'post'>>;
}

async function send(
  method: Method,
  path: string,
  request: {
    params: Record<string, string | number> | undefined;
    query: object;
    headers: Record<string, string>;
    body: BodyInit | undefined;
  },
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (method !== 'get' && session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  if (session.workspaceId) headers['x-workspace-id'] = session.workspaceId;
  const response = await fetch(urlFor(path, request.params, request.query), {
    method: method.toUpperCase(),
    credentials: 'same-origin',
    headers,
    body: request.body,
  });
  if (response.status === 204) return undefined;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/auth/login') session.onUnauthenticated();
    throw new ApiError(response.status, (parsed ?? { title: response.statusText }) as Problem);
  }
  return parsed;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

/** A short message for any error a query or mutation may throw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/**
 * Fetches a file the API answers (a zip, a CSV, Markdown) with the session's headers, for the
 * browser to save: its bytes and the name the server suggests in Content-Disposition, if any.
 */
export async function fetchFile(
  path: PathWith<'get'>,
  options: { params?: Record<string, string | number>; query?: object } = {},
): Promise<{ blob: Blob; fileName: string | undefined }> {
  const headers: Record<string, string> = {};
  if (session.workspaceId) headers['x-workspace-id'] = session.workspaceId;
  const response = await fetch(urlFor(path, options.params, options.query), {
    credentials: 'same-origin',
    headers,
  });
  if (!response.ok) {
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    throw new ApiError(response.status, (parsed ?? { title: response.statusText }) as Problem);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName };
}
