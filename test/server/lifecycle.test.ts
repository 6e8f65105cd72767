// The server as a user runs it: `shipshape serve` in its own process, started, stopped with Ctrl-C
// (SIGINT) and started again on the same database.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonBody } from '../../src/test-support/app.ts';
import {
  type ServerDatabase,
  type ServerProcess,
  serverDatabase,
  startServerProcess,
} from '../../src/test-support/server-process.ts';

const adminToken = 'shp_lifecycle_test_token_0001';

type Started = ServerProcess;

let database: ServerDatabase;

beforeAll(async () => {
  database = await serverDatabase('lifecycle');
});

afterAll(async () => {
  await database.dispose();
});

/** Starts `shipshape serve` and resolves once it prints the address it listens on. */
function serve(extra: Record<string, string> = {}): Promise<Started> {
  return startServerProcess({ ...database.settings, ...extra });
}

async function api(
  started: Started,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: JsonBody }> {
  const response = await fetch(`${started.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Sends a POST whose body arrives in two halves, so it is in flight across `between`. */
function slowCreate(
  started: Started,
  body: unknown,
  between: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  const half = Math.floor(payload.length / 2);
  // One keep-alive connection, opened by a first request, so the server has surely accepted it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const opened = new Promise<void>((resolve, reject) =>
    http
      .get(`${started.url}/healthz`, { agent }, (response) => response.resume().on('end', resolve))
      .on('error', reject),
  );
  return opened.then(
    () =>
      new Promise((resolve, reject) => {
        const request = http.request(`${started.url}/api/v1/projects`, {
          agent,
          method: 'POST',
          headers: {
            authorization: `Bearer ${adminToken}`,
            'content-type': 'application/json',
            'content-length': payload.length,
          },
        });
        request.on('response', (response) => {
          let text = '';
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        request.on('error', reject);
        request.write(payload.subarray(0, half));
        request.flushHeaders();
        between().then(() => request.end(payload.subarray(half)), reject);
      }),
  );
}

describe('running the server', () => {
  it('creates the first workspace and owner on first start, with the token SHIPSHAPE_ADMIN_TOKEN gives', async () => {
    const first = await serve({ SHIPSHAPE_ADMIN_TOKEN: adminToken });
    try {
      await vi.waitFor(() =>
        expect(first.output.join('\n')).toContain('First start: created a workspace and its owner'),
      );
      expect(first.output.join('\n')).toContain(`${first.url}/docs`);
      const created = await api(first, 'POST', '/api/v1/projects', { name: 'Kept', key: 'KEPT' });
      expect(created.status).toBe(201);
      const ready = await fetch(`${first.url}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      first.child.kill('SIGINT');
    }
    expect(await first.exited).toBe(0);
  });

  it('finishes a request in flight when stopped with Ctrl-C, then exits cleanly', async () => {
    const started = await serve();
    const answer = await slowCreate(started, { name: 'In flight', key: 'FLIGHT' }, async () => {
      // Let the first half reach the server, so the request is in progress when the signal arrives.
      await new Promise((resolve) => setTimeout(resolve, 200));
      started.child.kill('SIGINT');
      // Give the signal time to arrive before the rest of the body does.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(answer.status).toBe(201);
    expect(await started.exited).toBe(0);
  });

  it('keeps every project across restarts and does not bootstrap a second time', async () => {
    const again = await serve({ SHIPSHAPE_ADMIN_TOKEN: 'shp_a_different_token_not_used' });
    try {
      expect(again.output.join('\n')).not.toContain('First start');
      const list = await api(again, 'GET', '/api/v1/projects?sort=name');
      expect(list.status).toBe(200);
      expect(list.body.data.map((project: { key: string }) => project.key)).toEqual(['FLIGHT', 'KEPT']);
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await again.exited).toBe(0);
  });

  it('refuses to start with a readable message when the configuration is invalid', async () => {
    await expect(serve({ PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });
});
