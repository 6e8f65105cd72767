// The release tests' harness: a local HTTP server playing the deploy, rollback and health
// endpoints (what it was asked, and what it answers next per path), a test app, and helpers that
// define, run and settle release workflows through the API.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { sagaSteps, workflowSagas } from '../../../core/sagas/tables.ts';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../../test-support/app.ts';

export interface Hit {
  method: string;
  path: string;
  body: JsonBody;
  headers: IncomingMessage['headers'];
}

/** What the local server was asked, and what it answers next per path (status codes, in turn). */
export const hits: Hit[] = [];
export const scripted = new Map<string, number[]>();

function answerFor(path: string): number {
  const queue = scripted.get(path);
  if (!queue?.length) return 200;
  return queue.length === 1 ? (queue[0] ?? 200) : (queue.shift() ?? 200);
}

let server: Server;
export let base = '';
export let t: TestApp;
export let owner: Caller;
let sequence = 0;

/** Starts the local deploy service and a test app for the calling test file, and resets what it was asked before each test. */
export function useReleaseHarness(): void {
  beforeAll(async () => {
    server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => {
        raw += chunk;
      });
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://local');
        const path = `${url.pathname}${url.search}`;
        const body = raw ? JSON.parse(raw) : null;
        hits.push({ method: request.method ?? '', path, body, headers: request.headers });
        if (url.pathname === '/slow') {
          setTimeout(() => response.end('late'), 1500).unref();
          return;
        }
        if (url.pathname === '/moved') {
          response.writeHead(302, { location: 'http://elsewhere.example/deploy' }).end();
          return;
        }
        const status = answerFor(url.pathname);
        response.writeHead(status, { 'content-type': 'application/json', 'x-deploy-id': 'd-1' });
        response.end(JSON.stringify({ ok: status < 300, echo: request.headers.authorization ?? null, body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await createTestApp();
    owner = t.owner;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits.length = 0;
    scripted.clear();
  });
}

export const project = async (caller: Caller = owner, allowLocal = true) => {
  sequence += 1;
  const answer = await caller.post('/api/v1/projects', {
    name: `Release ${sequence}`,
    key: `REL${sequence}${Date.now() % 10000}`,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const id: string = answer.body.id;
  if (allowLocal) {
    const host = await caller.post(`/api/v1/projects/${id}/release-allowed-hosts`, {
      host: new URL(base).host,
    });
    expect(host.status, JSON.stringify(host.body)).toBe(201);
  }
  return id;
};

export const workflows = (projectId: string, rest = '') =>
  `/api/v1/projects/${projectId}/release-workflows${rest}`;

export const deployStep = (wave: string, extra: Record<string, unknown> = {}) => ({
  name: `deploy-${wave}`,
  kind: 'http',
  url: `${base}/deploy/${wave}`,
  body: { wave, version: '{{inputs.version}}' },
  retry: { attempts: 2, backoffMs: 5 },
  saveHeaders: ['x-deploy-id'],
  compensate: { url: `${base}/rollback/${wave}`, body: { wave } },
  ...extra,
});

export async function defineAndRun(
  projectId: string,
  steps: unknown[],
  inputs: Record<string, unknown> = {},
) {
  const key = `wf-${++sequence}`;
  const created = await owner.post(workflows(projectId), {
    key,
    name: `Workflow ${sequence}`,
    definition: { inputs: { version: { default: '1.0.0' } }, steps },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const run = await owner.post(workflows(projectId, `/${key}/runs`), { inputs });
  expect(run.status, JSON.stringify(run.body)).toBe(202);
  return run.body;
}

export const sagaNow = async (id: string) => {
  const [saga] = await t.services.tenancy
    .bind(owner.workspaceId)
    .read((db) => db.select().from(workflowSagas).where(eq(workflowSagas.id, id)));
  if (!saga) throw new Error('saga gone');
  return saga;
};

export const settle = async (id: string, statuses: readonly string[]) => {
  for (let round = 0; round < 1000; round += 1) {
    t.services.sagas.kick();
    await t.services.sagas.idle();
    const saga = await sagaNow(id);
    if (statuses.includes(saga.status) && !saga.leaseOwner) return saga;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`saga ${id} did not reach ${statuses.join('/')}: ${(await sagaNow(id)).status}`);
};

export const stepsOf = (id: string) =>
  t.services.tenancy
    .bind(owner.workspaceId)
    .read((db) =>
      db
        .select()
        .from(sagaSteps)
        .where(eq(sagaSteps.sagaId, id))
        .orderBy(asc(sagaSteps.startedAt), asc(sagaSteps.stepIndex), asc(sagaSteps.attempt)),
    );

export const paths = () => hits.map((hit) => `${hit.method} ${hit.path}`);
