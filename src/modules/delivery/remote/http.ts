// One resilient JSON GET for the GitLab and Jira clients: a per-connection cockatiel policy (retry with
// jittered backoff that defers to the server's own Retry-After, a circuit breaker, a per-attempt
// timeout) and errors that say which source failed on which request, and why.
import {
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
  isBrokenCircuitError,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import {
  circuitOpenError,
  isTransient,
  malformedError,
  networkError,
  RemoteError,
  type RequestLabel,
  statusError,
  timeoutError,
} from './remote-error.ts';

export interface RemotePolicyOptions {
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** The longest wait a Retry-After or RateLimit-Reset header may impose. */
  maxServerWaitMs?: number;
  breakAfterFailures?: number;
  halfOpenAfterMs?: number;
}

const defaults: Required<RemotePolicyOptions> = {
  timeoutMs: 30_000,
  retries: 4,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxServerWaitMs: 60_000,
  breakAfterFailures: 5,
  halfOpenAfterMs: 30_000,
};

function composePolicy(settings: Required<RemotePolicyOptions>) {
  const jittered = new ExponentialBackoff({
    initialDelay: settings.initialDelayMs,
    maxDelay: settings.maxDelayMs,
  });
  // The retry timer is unreferenced so an aborted call leaves nothing holding the process open;
  // getJson holds it open itself while a call is in flight.
  const retrying = retry(handleWhen(isTransient), {
    maxAttempts: settings.retries,
    backoff: serverAwareBackoff(jittered, settings.maxServerWaitMs),
  }).dangerouslyUnref();
  // A rate limit means the server is up and pacing us, so it does not count towards opening the circuit.
  const breaker = circuitBreaker(
    handleWhen((error) => isTransient(error) && error.kind !== 'rate_limited'),
    { breaker: new ConsecutiveBreaker(settings.breakAfterFailures), halfOpenAfter: settings.halfOpenAfterMs },
  );
  const perAttempt = timeout(settings.timeoutMs, TimeoutStrategy.Cooperative);
  return { pipeline: wrap(retrying, breaker, perAttempt), onRetry: retrying.onRetry };
}

export interface RemotePolicy extends ReturnType<typeof composePolicy> {
  readonly connectionId: string;
  readonly settings: Required<RemotePolicyOptions>;
}

// Per connection, so one failing GitLab does not open the circuit for another, and every client
// built for a connection shares its breaker.
const policies = new Map<string, RemotePolicy>();

/** The connection's policy; the first call's options stand until `forgetRemotePolicy`. */
export function createRemotePolicy(connectionId: string, options: RemotePolicyOptions = {}): RemotePolicy {
  const existing = policies.get(connectionId);
  if (existing) return existing;
  const settings = { ...defaults, ...options };
  const policy = { connectionId, settings, ...composePolicy(settings) };
  policies.set(connectionId, policy);
  return policy;
}

/** Drops a connection's policy (and its breaker state), e.g. when its settings change or it is deleted. */
export function forgetRemotePolicy(connectionId: string): void {
  policies.delete(connectionId);
}

/**
 * Backoff that waits what the failed attempt's server asked for (capped), else the jittered
 * exponential delay. The exponential chain advances either way so later waits keep growing.
 */
export function serverAwareBackoff(
  jittered: IBackoffFactory<unknown>,
  capMs: number,
  previous?: IBackoff<unknown>,
): IBackoffFactory<IRetryBackoffContext<unknown>> {
  return {
    next(context) {
      const step = previous ? previous.next(context) : jittered.next(context);
      const failure = 'error' in context.result ? context.result.error : null;
      const asked = failure instanceof RemoteError ? failure.retryAfterMs : null;
      const duration = asked === null ? step.duration : Math.min(asked, capMs);
      return { duration, next: serverAwareBackoff(jittered, capMs, step).next };
    },
  };
}

/**
 * The wait a response asks for: Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), else,
 * on a 429, GitLab's RateLimit-Reset, a Unix time in seconds
 * (https://docs.gitlab.com/user/gitlab_com/#gitlabcom-specific-rate-limits).
 */
export function serverWaitMs(headers: Headers, status: number, now = Date.now()): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = status === 429 ? headers.get('ratelimit-reset')?.trim() : undefined;
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

export interface GetJsonOptions {
  headers?: Record<string, string>;
  /** Stops the request in flight and any wait between attempts at once. */
  signal?: AbortSignal;
  /** Names the remote in error messages, e.g. "GitLab"; defaults to the URL's host. */
  source?: string;
}

export interface JsonResponse {
  body: unknown;
  headers: Headers;
}

export async function getJson(
  policy: RemotePolicy,
  url: string,
  options: GetJsonOptions = {},
): Promise<JsonResponse> {
  const { pathname, host } = new URL(url);
  const request: RequestLabel = { source: options.source ?? host, method: 'GET', path: pathname };
  const { signal } = options;
  signal?.throwIfAborted();
  try {
    const execution = policy.pipeline.execute(
      (context) =>
        fetchJson(url, request, options.headers ?? {}, context.signal, signal, policy.settings.timeoutMs),
      signal,
    );
    return await untilAborted(execution, signal);
  } catch (error) {
    if (isBrokenCircuitError(error)) {
      throw circuitOpenError(request, policy.connectionId, policy.settings.halfOpenAfterMs);
    }
    throw error;
  }
}

async function fetchJson(
  url: string,
  request: RequestLabel,
  headers: Record<string, string>,
  attemptSignal: AbortSignal,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<JsonResponse> {
  const { response, text } = await fetchText(url, headers, attemptSignal).catch((error: unknown) => {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (attemptSignal.aborted) throw timeoutError(request, timeoutMs);
    throw networkError(request, error);
  });
  if (!response.ok) {
    throw statusError(request, response.status, text, serverWaitMs(response.headers, response.status));
  }
  try {
    return { body: JSON.parse(text), headers: response.headers };
  } catch (error) {
    throw malformedError(request, error);
  }
}

async function fetchText(url: string, headers: Record<string, string>, signal: AbortSignal) {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal });
  return { response, text: await response.text() };
}

// Cockatiel's wait between retries does not listen to the signal, so the caller stops waiting here.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
