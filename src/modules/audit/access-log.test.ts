import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { createProject } from './test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function accessLog(
  caller: Awaited<ReturnType<TestApp['newWorkspace']>>,
  query: Record<string, string> = {},
) {
  const answer = await caller.get('/api/v1/audit/access-logs', { query });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

describe('the access log', () => {
  it('records each authenticated request with actor, method, route pattern, status and request id', async () => {
    const owner = await t.newWorkspace();
    const project = await createProject(owner);
    await owner.get(`/api/v1/projects/${project.id}`, {
      headers: { 'x-request-id': 'req-one', 'user-agent': 'ua/1' },
    });
    await owner.get('/api/v1/projects/0190b3a2-0000-7000-8000-000000000000');
    const page = await accessLog(owner, { order: 'asc' });
    expect(
      page.data.map((entry: { method: string; route: string; status: number }) => [
        entry.method,
        entry.route,
        entry.status,
      ]),
    ).toEqual([
      ['POST', '/api/v1/projects', 201],
      ['GET', '/api/v1/projects/:id', 200],
      ['GET', '/api/v1/projects/:id', 404],
    ]);
    expect(page.data[1]).toMatchObject({
      userId: owner.userId,
      requestId: 'req-one',
      userAgent: 'ua/1',
      sourceAddress: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(page.data[1]).not.toHaveProperty('workspaceId');
  });

  it('does not record requests without valid credentials, and never another workspace’s', async () => {
    const owner = await t.newWorkspace();
    await t.anonymous.get('/api/v1/projects');
    await t.anonymous.get('/api/v1/projects', {
      headers: { authorization: 'Bearer shp_not_a_real_token_at_all' },
    });
    const stranger = await t.newWorkspace();
    await stranger.get('/api/v1/projects');
    expect((await accessLog(owner)).data).toEqual([]);
  });

  it('records refused requests of known callers (403, 400)', async () => {
    const owner = await t.newWorkspace();
    const viewer = await t.newMember(owner, 'viewer');
    expect((await viewer.post('/api/v1/projects', { name: 'No', key: 'NOPE' })).status).toBe(403);
    expect((await viewer.get('/api/v1/projects', { query: { limit: '0' } })).status).toBe(400);
    const page = await accessLog(owner, { actor: viewer.userId, order: 'asc' });
    expect(page.data.map((entry: { status: number }) => entry.status)).toEqual([403, 400]);
  });

  it('filters by actor, method, route, status and time, and pages with cursors', async () => {
    const owner = await t.newWorkspace();
    const editor = await t.newMember(owner, 'editor');
    for (let index = 0; index < 3; index += 1) await createProject(editor);
    await owner.get('/api/v1/projects');
    const byEditor = await accessLog(owner, { actor: editor.userId });
    expect(byEditor.data).toHaveLength(3);
    expect((await accessLog(owner, { method: 'POST' })).data).toHaveLength(3);
    expect((await accessLog(owner, { route: '/api/v1/projects', status: '200' })).data).toHaveLength(1);
    const first = byEditor.data.at(-1).occurredAt;
    expect((await accessLog(owner, { actor: editor.userId, to: first })).data).toEqual([]);
    expect((await accessLog(owner, { actor: editor.userId, from: first })).data).toHaveLength(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await accessLog(owner, {
        actor: editor.userId,
        limit: '1',
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.data.map((entry: { id: string }) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(byEditor.data.map((entry: { id: string }) => entry.id));
  });

  it('rejects bad filters with 400 naming the field', async () => {
    const answer = await t.owner.get('/api/v1/audit/access-logs', {
      query: { status: '42', method: 'FETCH', cursor: 'x', archive: 'maybe' },
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['query.archive', 'query.method', 'query.status']);
    const cursor = await t.owner.get('/api/v1/audit/access-logs', { query: { cursor: 'not-a-cursor' } });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].path).toBe('query.cursor');
  });

  it('exports as NDJSON and CSV', async () => {
    const owner = await t.newWorkspace();
    await createProject(owner);
    await owner.get('/api/v1/projects');
    const ndjson = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/access-logs/export?format=ndjson',
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(ndjson.statusCode).toBe(200);
    const lines = ndjson.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => `${line.method} ${line.route}`)).toEqual([
      'POST /api/v1/projects',
      'GET /api/v1/projects',
    ]);
    const csv = await owner.get('/api/v1/audit/access-logs/export', {
      query: { format: 'csv', method: 'GET', route: '/api/v1/projects' },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = String(csv.body).split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(
      'occurred_at,user_id,token_id,method,route,status,duration_ms,source_address,user_agent,request_id,id',
    );
    expect(rows).toHaveLength(2);
  });
});
