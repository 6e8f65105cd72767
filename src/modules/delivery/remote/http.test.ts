import { randomUUID } from 'node:crypto';
import { ConstantBackoff } from 'cockatiel';
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryReplay, startDeliveryReplay } from '../../../test-support/delivery-replay/index.ts';
import {
  createRemotePolicy,
  getJson,
  type RemotePolicyOptions,
  serverAwareBackoff,
  serverWaitMs,
} from './http.ts';
import { RemoteError } from './remote-error.ts';

const token = 'glpat-test';
const dataset = {
  gitlab: { token, projects: {} },
  jira: { token: 'jira-test', issues: [] },
};
const fast: RemotePolicyOptions = { initialDelayMs: 1, maxDelayMs: 4, timeoutMs: 5_000 };
const headers = { 'private-token': token };

let replay: DeliveryReplay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

async function setup(options: RemotePolicyOptions = fast) {
  replay = await startDeliveryReplay(dataset);
  const policy = createRemotePolicy(randomUUID(), options);
  const delays: number[] = [];
  policy.onRetry(({ delay }) => delays.push(delay));
  const user = (signal?: AbortSignal) =>
    getJson(policy, `${replay?.url}/api/v4/user`, { headers, signal, source: 'GitLab' });
  return { replay, policy, delays, user };
}

const failure = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('serverWaitMs', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it('reads Retry-After in seconds or as a date, and RateLimit-Reset only on a 429', () => {
    expect(serverWaitMs(new Headers({ 'retry-after': '7' }), 503, now)).toBe(7_000);
    expect(serverWaitMs(new Headers({ 'retry-after': 'Sat, 01 Mar 2025 12:00:30 GMT' }), 429, now)).toBe(
      30_000,
    );
    const reset = new Headers({ 'ratelimit-reset': String(now / 1000 + 12) });
    expect(serverWaitMs(reset, 429, now)).toBe(12_000);
    expect(serverWaitMs(reset, 503, now)).toBeNull();
    expect(serverWaitMs(new Headers(), 429, now)).toBeNull();
  });
});

describe('serverAwareBackoff', () => {
  const context = (error: Error) => ({ attempt: 1, signal: new AbortController().signal, result: { error } });
  it('waits what the server asked, capped, else the fallback backoff', () => {
    const backoff = serverAwareBackoff(new ConstantBackoff(7), 60_000);
    const asked = new RemoteError('rate_limited', 'slow down', { status: 429, retryAfterMs: 2_000 });
    const first = backoff.next(context(asked));
    expect(first.duration).toBe(2_000);
    expect(first.next(context(new RemoteError('unavailable', 'down'))).duration).toBe(7);
    const tooLong = new RemoteError('rate_limited', 'slow down', { retryAfterMs: 90_000 });
    expect(backoff.next(context(tooLong)).duration).toBe(60_000);
  });
});

describe('getJson against the replay server', () => {
  it('honours Retry-After on a 429 and then succeeds', async () => {
    const { replay, delays, user } = await setup();
    replay.setFaults({ rateLimit: { everyNth: 2, retryAfterSeconds: 1 } });
    await user();
    const { body } = await user();
    expect(body).toMatchObject({ username: 'replay-bot' });
    expect(delays).toEqual([1_000]);
    expect(replay.requests).toHaveLength(3);
  });

  it('retries a burst of 503s', async () => {
    const { replay, delays, user } = await setup();
    replay.setFaults({ serverErrors: { onRequests: [1, 2, 3] } });
    expect((await user()).body).toMatchObject({ username: 'replay-bot' });
    expect(replay.requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('retries a connection reset in the middle of the body', async () => {
    const { replay, user } = await setup();
    replay.setFaults({ resetOnRequest: [1] });
    expect((await user()).body).toMatchObject({ username: 'replay-bot' });
    expect(replay.requests).toHaveLength(2);
  });

  it('retries malformed JSON, and reports it once it persists', async () => {
    const { replay, user } = await setup();
    replay.setFaults({ malformedOnRequest: [1] });
    expect((await user()).body).toMatchObject({ username: 'replay-bot' });
    replay.setFaults({ malformedOnRequest: [1, 2, 3, 4, 5] });
    const error = await failure(user());
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ kind: 'malformed' });
    expect(String(error)).toContain('GitLab answered GET /api/v4/user with malformed JSON');
    expect(replay.requests).toHaveLength(2 + 5);
  });

  it('does not retry a revoked token and says so', async () => {
    const { replay, user } = await setup();
    replay.setFaults({ revoked: true });
    const error = await failure(user());
    expect(error).toMatchObject({
      kind: 'auth',
      status: 401,
      message:
        'GitLab answered 401 Unauthorized to GET /api/v4/user: the token is invalid, expired or revoked',
    });
    expect(replay.requests).toHaveLength(1);
  });

  it('opens the circuit after 5 consecutive failures and then sends nothing', async () => {
    const { replay, user } = await setup();
    replay.setFaults({ serverErrors: { onRequests: [1, 2, 3, 4, 5] } });
    expect(await failure(user())).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(replay.requests).toHaveLength(5);
    const error = await failure(user());
    expect(error).toMatchObject({ kind: 'circuit_open' });
    expect(String(error)).toContain('GET /api/v4/user was not sent');
    expect(replay.requests).toHaveLength(5);
  });

  it('times an attempt out', async () => {
    const { replay, user } = await setup({ ...fast, timeoutMs: 50, retries: 0 });
    replay.setFaults({ slowMs: 300 });
    expect(await failure(user())).toMatchObject({
      kind: 'timeout',
      message: 'GitLab did not answer GET /api/v4/user within 50 ms',
    });
  });

  it('stops waiting for a retry as soon as the signal aborts', async () => {
    const { replay, policy, user } = await setup();
    // A minute-long Retry-After: the test would time out if the abort did not cut the wait short.
    replay.setFaults({ rateLimit: { everyNth: 1, retryAfterSeconds: 60 } });
    const controller = new AbortController();
    policy.onRetry(() => controller.abort(new Error('shutting down')));
    const error = await failure(user(controller.signal));
    expect(error).toMatchObject({ message: 'shutting down' });
    expect(replay.requests).toHaveLength(1);
  });
});
