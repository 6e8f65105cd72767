// /mcp over HTTP itself: bearer tokens only, Host and Origin checked against DNS rebinding, sessions
// per the spec (Mcp-Session-Id, DELETE, idle expiry) and bound to the token that opened them.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { callOk, connectHttp } from './support.ts';

let t: TestApp;
let url: string;
let agent: Caller;

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const listTools = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}
const bearer = (caller: Caller) => ({ authorization: `Bearer ${caller.token}` });

/** A POST with a Host header of our choosing (fetch will not send one). */
function postWithHost(host: string): Promise<{ status: number; body: string }> {
  const target = new URL(`${url}/mcp`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: '/mcp',
        method: 'POST',
        headers: {
          host,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...bearer(agent),
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(initialize));
  });
}

beforeAll(async () => {
  process.env.MCP_ALLOWED_ORIGINS = 'https://agents.example.test';
  process.env.MCP_SESSION_IDLE_SECONDS = '1';
  try {
    t = await createTestApp();
  } finally {
    delete process.env.MCP_ALLOWED_ORIGINS;
    delete process.env.MCP_SESSION_IDLE_SECONDS;
  }
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  agent = await t.newMember(t.owner, 'agent');
});
afterAll(() => t.close());

describe('/mcp', () => {
  it('answers 401 problems without a token, with an unknown one, and to a session cookie alone', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer shp_not_a_token' },
      { cookie: 'shipshape_session=x' },
    ];
    for (const headers of attempts) {
      const answer = await post(initialize, headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('refuses a Host it does not serve and an Origin it does not know: DNS rebinding gets nowhere', async () => {
    const rebound = await postWithHost(`attacker.example:${new URL(url).port}`);
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ code: 'mcp.host_refused' });
    const foreign = await post(initialize, { ...bearer(agent), origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: 'mcp.origin_refused' });
    for (const origin of ['https://agents.example.test', url]) {
      const allowed = await post(initialize, { ...bearer(agent), origin });
      expect(allowed.status, origin).toBe(200);
    }
    expect((await postWithHost(`localhost:${new URL(url).port}`)).status).toBe(200);
  });

  it('opens a session per initialize, answers without one only to initialize, never caches', async () => {
    const opened = await post(initialize, bearer(agent));
    expect(opened.status).toBe(200);
    expect(opened.headers.get('mcp-session-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(opened.headers.get('cache-control')).toContain('no-store');
    expect(opened.headers.get('x-request-id')).toBeTruthy();
    expect((await post(listTools, bearer(agent))).status).toBe(400);
  });

  it('binds a session to the token that opened it: another token gets 404', async () => {
    const mine = await connectHttp(url, agent);
    try {
      const sessionId = String(mine.transport.sessionId);
      await callOk(mine.client, 'list_projects', {});
      const someoneElse = await t.newMember(t.owner, 'admin');
      const stolen = await post(listTools, { ...bearer(someoneElse), 'mcp-session-id': sessionId });
      expect(stolen.status).toBe(404);
      const again = await post(listTools, { ...bearer(agent), 'mcp-session-id': sessionId });
      expect(again.status).toBe(200);
    } finally {
      await mine.close();
    }
  });

  it('ends a session on DELETE, and closes one left idle', async () => {
    const ended = await connectHttp(url, agent);
    const endedId = String(ended.transport.sessionId);
    await ended.transport.terminateSession();
    expect((await post(listTools, { ...bearer(agent), 'mcp-session-id': endedId })).status).toBe(404);
    await ended.close();

    const idle = await connectHttp(url, agent);
    const idleId = String(idle.transport.sessionId);
    expect((await post(listTools, { ...bearer(agent), 'mcp-session-id': idleId })).status).toBe(200);
    await sleep(1500);
    expect((await post(listTools, { ...bearer(agent), 'mcp-session-id': idleId })).status).toBe(404);
    await idle.close();
  });
});
