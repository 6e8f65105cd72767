// A local HTTP server that replays GitLab and Jira from an in-memory dataset, with injectable faults,
// so the delivery clients are tested against real sockets, headers and paging.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryDataset, ReplayFaults, ReplayResponse } from './dataset.ts';
import { gitlabRoute } from './gitlab-routes.ts';
import { jiraRoute } from './jira-routes.ts';

export interface DeliveryReplay {
  url: string;
  close(): Promise<void>;
  /** Every request received, in order; `path` includes the query string. */
  requests: { method: string; path: string }[];
  /** Replaces the faults and restarts the request count they refer to. */
  setFaults(faults: ReplayFaults): void;
}

export async function startDeliveryReplay(
  dataset: DeliveryDataset,
  faults: ReplayFaults = {},
): Promise<DeliveryReplay> {
  const requests: DeliveryReplay['requests'] = [];
  let active = faults;
  let counted = 0;
  const server = createServer((request, response) => {
    counted += 1;
    requests.push({ method: request.method ?? 'GET', path: request.url ?? '/' });
    void handle(dataset, active, counted, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the replay server has no TCP port');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFaults(next) {
      active = next;
      counted = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  dataset: DeliveryDataset,
  faults: ReplayFaults,
  count: number,
  request: IncomingMessage,
  response: ServerResponse,
) {
  if (faults.slowMs) await sleep(faults.slowMs);
  if (response.destroyed) return;
  const answer = faultFor(faults, count) ?? route(dataset, request);
  const text = JSON.stringify(answer.body);
  const headers = { 'content-type': 'application/json', ...answer.headers };
  if (faults.resetOnRequest?.includes(count)) {
    response.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => response.destroy());
    return;
  }
  const sent = faults.malformedOnRequest?.includes(count)
    ? text.slice(0, Math.max(1, text.length - 3))
    : text;
  response.writeHead(answer.status, headers).end(sent);
}

function faultFor(faults: ReplayFaults, count: number): ReplayResponse | null {
  if (faults.revoked) return { status: 401, body: { message: '401 Unauthorized' } };
  if (faults.rateLimit && count % faults.rateLimit.everyNth === 0) {
    const retryAfter = String(faults.rateLimit.retryAfterSeconds);
    return { status: 429, body: { message: 'Retry later' }, headers: { 'retry-after': retryAfter } };
  }
  if (faults.serverErrors?.onRequests.includes(count))
    return { status: 503, body: { message: '503 Service Unavailable' } };
  return null;
}

function route(dataset: DeliveryDataset, request: IncomingMessage): ReplayResponse {
  const url = new URL(request.url ?? '/', 'http://replay.invalid');
  // Split before decoding: a project's full path arrives URL-encoded as one segment.
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const authorization = request.headers.authorization ?? '';
  if (segments[0] === 'api' && segments[1] === 'v4') {
    const { token } = dataset.gitlab;
    if (request.headers['private-token'] !== token && authorization !== `Bearer ${token}`) {
      return { status: 401, body: { message: '401 Unauthorized' } };
    }
    return gitlabRoute(dataset, segments.slice(2), url);
  }
  if (segments[0] === 'rest' && segments[1] === 'api') {
    const { email, token } = dataset.jira;
    const basic = email === undefined ? null : `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
    if (authorization !== `Bearer ${token}` && authorization !== basic) {
      return { status: 401, body: { errorMessages: ['You are not authenticated.'] } };
    }
    return jiraRoute(dataset, segments.slice(2), url);
  }
  return { status: 404, body: { message: '404 Not Found' } };
}
