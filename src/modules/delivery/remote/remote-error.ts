// The one error type the GitLab and Jira clients throw, so the sync saga can decide what to tell the
// user and whether to try again later without parsing messages.
import { STATUS_CODES } from 'node:http';

export type RemoteErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  /** Any other 4xx, e.g. Jira rejecting a JQL query: retrying cannot help. */
  | 'rejected'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'circuit_open';

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  readonly kind: RemoteErrorKind;
  readonly status: number | undefined;
  /** How long the server asked us to wait before the next attempt (Retry-After, RateLimit-Reset). */
  readonly retryAfterMs: number | null;

  constructor(
    kind: RemoteErrorKind,
    message: string,
    details: { status?: number; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/** Failures a later attempt may not meet; auth, permission and lookup failures will repeat. */
export const isTransient = (error: unknown): error is RemoteError =>
  error instanceof RemoteError &&
  ['rate_limited', 'unavailable', 'timeout', 'network', 'malformed'].includes(error.kind);

/** What the request was, for messages: never the query string's secrets nor any header. */
export interface RequestLabel {
  source: string;
  method: string;
  path: string;
}

const describe = (request: RequestLabel) => `${request.method} ${request.path}`;

const statusExplanations: Record<number, [RemoteErrorKind, string]> = {
  401: ['auth', 'the token is invalid, expired or revoked'],
  403: ['forbidden', 'the token lacks the permission or scope for this resource'],
  404: ['not_found', 'the resource does not exist or the token cannot see it'],
  429: ['rate_limited', 'too many requests; the server asked us to slow down'],
};

/** The error for a response whose status is not 2xx. */
export function statusError(
  request: RequestLabel,
  status: number,
  responseText: string,
  retryAfterMs: number | null,
): RemoteError {
  const reason = STATUS_CODES[status] ?? 'Unknown Status';
  const [kind, explanation] =
    statusExplanations[status] ??
    (status >= 500
      ? ['unavailable', 'the server is failing or unavailable']
      : ['rejected', `the server refused the request (${responseText.slice(0, 200).trim() || 'no detail'})`]);
  const message = `${request.source} answered ${status} ${reason} to ${describe(request)}: ${explanation}`;
  return new RemoteError(kind, message, { status, retryAfterMs });
}

export const malformedError = (request: RequestLabel, cause: unknown) =>
  new RemoteError(
    'malformed',
    `${request.source} answered ${describe(request)} with malformed JSON: ${messageOf(cause)}`,
    { cause },
  );

export const timeoutError = (request: RequestLabel, timeoutMs: number) =>
  new RemoteError('timeout', `${request.source} did not answer ${describe(request)} within ${timeoutMs} ms`);

export const networkError = (request: RequestLabel, cause: unknown) =>
  new RemoteError(
    'network',
    `${request.source} could not be reached for ${describe(request)}: ${messageOf(cause)}`,
    {
      cause,
    },
  );

export const circuitOpenError = (request: RequestLabel, connectionId: string, halfOpenAfterMs: number) =>
  new RemoteError(
    'circuit_open',
    `${request.source} failed too many times in a row on connection ${connectionId}; ` +
      `${describe(request)} was not sent, calls resume within ${Math.ceil(halfOpenAfterMs / 1000)} s`,
  );

/** The error and its causes, e.g. "fetch failed (connect ECONNREFUSED 127.0.0.1:9)". */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${messageOf(error.cause)})` : '';
  return `${error.message}${cause}`;
}
