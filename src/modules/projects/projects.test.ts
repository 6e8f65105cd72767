import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

let keySequence = 0;
/** A fresh valid project key, so tests never collide. */
function nextKey(prefix = 'P'): string {
  keySequence += 1;
  return `${prefix}${keySequence.toString().padStart(3, '0')}`;
}

async function createProject(caller: Caller, fields: Record<string, unknown> = {}, expectedStatus = 201) {
  const answer = await caller.post('/api/v1/projects', { name: 'Project', key: nextKey(), ...fields });
  expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
  return answer.body;
}

describe('creating a project', () => {
  it('answers 201 with the project, its ETag and its Location', async () => {
    const answer = await owner.post('/api/v1/projects', {
      name: 'Payments',
      key: 'PAY',
      tags: ['core', 'money'],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'Payments',
      key: 'PAY',
      description: '',
      status: 'active',
      tags: ['core', 'money'],
      version: 1,
    });
    expect(answer.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(answer.body.createdAt).toISOString()).toBe(answer.body.createdAt);
    expect(answer.headers.etag).toBe('"v1"');
    expect(answer.headers.location).toBe(`/api/v1/projects/${answer.body.id}`);
    expect(answer.body).not.toHaveProperty('workspaceId');
  });

  it('refuses a key that is already taken in the workspace with 409 naming the field', async () => {
    const key = nextKey('DUP');
    await createProject(owner, { key });
    const answer = await owner.post('/api/v1/projects', { name: 'Again', key });
    expect(answer.status).toBe(409);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 409, code: 'unique_violation', errors: [{ path: 'key' }] });
  });

  it('lets another workspace use the same key', async () => {
    const key = nextKey('SHR');
    await createProject(owner, { key });
    const other = await t.newWorkspace();
    await createProject(other, { key });
  });

  it('rejects invalid input with every field error and creates nothing', async () => {
    const before = await owner.get('/api/v1/projects', { query: { limit: '200' } });
    const answer = await owner.post('/api/v1/projects', {
      name: '',
      key: 'lower-case',
      status: 'deleted',
      tags: ['ok', ''],
      color: 'red',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_failed');
    const paths = [...new Set(answer.body.errors.map((error: { path: string }) => error.path))].sort();
    expect(paths).toEqual(['color', 'key', 'name', 'status', 'tags.1']);
    const after = await owner.get('/api/v1/projects', { query: { limit: '200' } });
    expect(after.body.data.length).toBe(before.body.data.length);
  });

  it('bounds string and array sizes', async () => {
    const longName = await owner.post('/api/v1/projects', { name: 'x'.repeat(201), key: nextKey() });
    expect(longName.status).toBe(400);
    const manyTags = await owner.post('/api/v1/projects', {
      name: 'Tags',
      key: nextKey(),
      tags: Array.from({ length: 51 }, (_, index) => `t${index}`),
    });
    expect(manyTags.status).toBe(400);
    expect(manyTags.body.errors[0].path).toBe('tags');
  });

  it('answers 413 to a body over the size limit', async () => {
    const answer = await owner.post('/api/v1/projects', {
      name: 'Big',
      key: nextKey(),
      description: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('payload_too_large');
  });

  it('answers 400 to a body that is not JSON, without a stack trace', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(JSON.parse(response.body).code).toBe('validation_failed');
  });
});

describe('idempotent creation', () => {
  it('returns the first answer to a repeated Idempotency-Key and creates nothing more', async () => {
    const body = { name: 'Once', key: nextKey('IDM') };
    const headers = { 'idempotency-key': `create-${body.key}` };
    const first = await owner.post('/api/v1/projects', body, { headers });
    const second = await owner.post('/api/v1/projects', body, { headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const matching = await owner.get('/api/v1/projects', { query: { 'filter[key]': body.key } });
    expect(matching.body.data).toHaveLength(1);
  });

  it('creates exactly one project when the same key races', async () => {
    const body = { name: 'Race', key: nextKey('RAC') };
    const headers = { 'idempotency-key': `race-${body.key}` };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => owner.post('/api/v1/projects', body, { headers })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    const matching = await owner.get('/api/v1/projects', { query: { 'filter[key]': body.key } });
    expect(matching.body.data).toHaveLength(1);
  });

  it('refuses to reuse a key for a different request with 422', async () => {
    const headers = { 'idempotency-key': 'reused-key' };
    await owner.post('/api/v1/projects', { name: 'First', key: nextKey() }, { headers });
    const answer = await owner.post('/api/v1/projects', { name: 'Second', key: nextKey() }, { headers });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('idempotency_key_reused');
  });

  it('keeps idempotency keys per workspace', async () => {
    const headers = { 'idempotency-key': 'shared-between-workspaces' };
    const other = await t.newWorkspace();
    const mine = await owner.post('/api/v1/projects', { name: 'Mine', key: 'MINE' }, { headers });
    const theirs = await other.post('/api/v1/projects', { name: 'Mine', key: 'MINE' }, { headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});

describe('reading projects', () => {
  it('gets one project by id with its ETag', async () => {
    const project = await createProject(owner, { name: 'Readable' });
    const answer = await owner.get(`/api/v1/projects/${project.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(project);
    expect(answer.headers.etag).toBe('"v1"');
  });

  it("answers 404 for another workspace's project, exactly as for a missing one", async () => {
    const project = await createProject(owner);
    const stranger = await t.newWorkspace();
    const foreign = await stranger.get(`/api/v1/projects/${project.id}`);
    const missing = await stranger.get('/api/v1/projects/01900000-0000-7000-8000-000000000000');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.code).toBe(missing.body.code);
    expect((await stranger.patch(`/api/v1/projects/${project.id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await stranger.delete(`/api/v1/projects/${project.id}`)).status).toBe(404);
    expect((await owner.get(`/api/v1/projects/${project.id}`)).body.name).toBe(project.name);
  });

  it('answers 400 to an id that is not a UUID', async () => {
    const answer = await owner.get('/api/v1/projects/not-a-uuid');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe('params.id');
  });
});

describe('listing projects', () => {
  let listOwner: Caller;
  const created: { id: string; name: string; key: string }[] = [];

  beforeAll(async () => {
    listOwner = await t.newWorkspace();
    const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo', 'Alpha', 'Foxtrot'];
    for (const [index, name] of names.entries()) {
      created.push(
        await createProject(listOwner, {
          name,
          key: `L${index}X`,
          status: index % 3 === 0 ? 'archived' : 'active',
          tags: index % 2 === 0 ? ['even', 'listed'] : ['odd', 'listed'],
          description: index === 4 ? 'Handles the retry policy of card payments' : '',
        }),
      );
    }
  });

  it('answers newest first by default, in pages that follow each other without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '3', ...(cursor ? { cursor } : {}) };
      const page = await listOwner.get('/api/v1/projects', { query });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((project: { id: string }) => project.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.map((project) => project.id).reverse());
  });

  it('keeps pages stable when projects are created between them', async () => {
    const first = await listOwner.get('/api/v1/projects', { query: { limit: '2', sort: 'key' } });
    const inserted = await createProject(listOwner, { name: 'Inserted', key: 'L0A' });
    const rest = await listOwner.get('/api/v1/projects', {
      query: { limit: '200', sort: 'key', cursor: first.body.nextCursor },
    });
    const keys = [...first.body.data, ...rest.body.data].map((project: { key: string }) => project.key);
    expect(keys).toEqual(['L0X', 'L1X', 'L2X', 'L3X', 'L4X', 'L5X', 'L6X']);
    await listOwner.delete(`/api/v1/projects/${inserted.id}`);
  });

  it('sorts by several keys in mixed directions and pages through them', async () => {
    const all: { name: string; status: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = {
        limit: '2',
        sort: 'status,-name',
        ...(cursor ? { cursor } : {}),
      };
      const page = await listOwner.get('/api/v1/projects', { query });
      all.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = [...all].sort(
      (a, b) => a.status.localeCompare(b.status) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0),
    );
    expect(all.map((project) => project.name)).toEqual(expected.map((project) => project.name));
    expect(all).toHaveLength(7);
  });

  it('filters by equality, membership, array element and time range, combined with AND', async () => {
    const archived = await listOwner.get('/api/v1/projects', { query: { 'filter[status]': 'archived' } });
    expect(archived.body.data.map((project: { key: string }) => project.key).sort()).toEqual([
      'L0X',
      'L3X',
      'L6X',
    ]);

    const inKeys = await listOwner.get('/api/v1/projects', { query: { 'filter[key][in]': 'L1X,L2X,NOPE' } });
    expect(inKeys.body.data).toHaveLength(2);

    const evenArchived = await listOwner.get('/api/v1/projects', {
      query: { 'filter[tags][contains]': 'even', 'filter[status]': 'archived' },
    });
    expect(evenArchived.body.data.map((project: { key: string }) => project.key).sort()).toEqual([
      'L0X',
      'L6X',
    ]);

    const notArchived = await listOwner.get('/api/v1/projects', {
      query: { 'filter[status][ne]': 'archived' },
    });
    expect(notArchived.body.data).toHaveLength(4);

    const third = created[2];
    const fromThird = await listOwner.get('/api/v1/projects', {
      query: {
        'filter[createdAt][gte]': (await listOwner.get(`/api/v1/projects/${third?.id}`)).body.createdAt,
      },
    });
    expect(fromThird.body.data).toHaveLength(5);
    const future = await listOwner.get('/api/v1/projects', {
      query: { 'filter[createdAt][gte]': '2999-01-01' },
    });
    expect(future.body.data).toEqual([]);
  });

  it('finds projects whose searchable fields contain every word of q', async () => {
    const answer = await listOwner.get('/api/v1/projects', { query: { q: 'RETRY card' } });
    expect(answer.body.data.map((project: { name: string }) => project.name)).toEqual(['Echo']);
    const partial = await listOwner.get('/api/v1/projects', { query: { 'filter[name][contains]': 'lph' } });
    expect(partial.body.data).toHaveLength(2);
    const literal = await listOwner.get('/api/v1/projects', { query: { q: '%' } });
    expect(literal.body.data).toEqual([]);
  });

  it('answers 400 naming the parameter for unknown filters, bad values, bad sorts and bad cursors', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'filter[secret]': 'x' }, 'query.filter[secret]'],
      [{ 'filter[status]': 'deleted' }, 'query.filter[status]'],
      [{ 'filter[createdAt][gte]': 'yesterday' }, 'query.filter[createdAt][gte]'],
      [{ 'filter[status][contains]': 'x' }, 'query.filter[status][contains]'],
      [{ sort: 'password' }, 'query.sort'],
      [{ cursor: 'garbage' }, 'query.cursor'],
      [{ limit: '0' }, 'query.limit'],
      [{ limit: '201' }, 'query.limit'],
    ];
    for (const [query, path] of cases) {
      const answer = await listOwner.get('/api/v1/projects', { query });
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
  });

  it('refuses a cursor issued for another sort order', async () => {
    const page = await listOwner.get('/api/v1/projects', { query: { limit: '2', sort: 'name' } });
    const answer = await listOwner.get('/api/v1/projects', {
      query: { cursor: page.body.nextCursor, sort: 'key' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/another sort/);
  });

  it("never lists another workspace's projects", async () => {
    const answer = await listOwner.get('/api/v1/projects', { query: { limit: '200' } });
    expect(answer.body.data).toHaveLength(7);
    const others = await owner.get('/api/v1/projects', { query: { 'filter[key]': 'L0X' } });
    expect(others.body.data).toEqual([]);
  });
});
