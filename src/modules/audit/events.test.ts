import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Caller, TestApp } from '../../test-support/app.ts';
import { createTestApp } from '../../test-support/app.ts';
import { createProject, tamper } from './test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A workspace with two projects: one created, renamed and deleted; one created by an editor. */
async function workspaceWithHistory() {
  const owner = await t.newWorkspace();
  const editor = await t.newMember(owner, 'editor');
  const first = await createProject(owner, { name: 'First', tags: ['a'] });
  expect((await owner.patch(`/api/v1/projects/${first.id}`, { name: 'Renamed' })).status).toBe(200);
  expect((await owner.delete(`/api/v1/projects/${first.id}`)).status).toBe(204);
  const second = await createProject(editor, { name: 'Second' });
  return { owner, editor, first, second };
}

async function allPages(caller: Caller, path: string, query: Record<string, string>) {
  const items: { sequence: number }[] = [];
  let cursor: string | null = null;
  do {
    const answer: Answer = await caller.get(path, { query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    items.push(...answer.body.data);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return items;
}

describe('listing events', () => {
  it('lists the workspace’s events newest first, paging with cursors without gaps or repeats', async () => {
    const { owner } = await workspaceWithHistory();
    const events = await allPages(owner, '/api/v1/audit/events', { limit: '1' });
    expect(events.map((event) => event.sequence)).toEqual([4, 3, 2, 1]);
    const ascending = await allPages(owner, '/api/v1/audit/events', { limit: '3', order: 'asc' });
    expect(ascending.map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('filters by aggregate, actor, event type and time range', async () => {
    const { owner, editor, first, second } = await workspaceWithHistory();
    const list = async (query: Record<string, string>) =>
      (await owner.get('/api/v1/audit/events', { query })).body.data.map(
        (event: { sequence: number }) => event.sequence,
      );
    expect(await list({ aggregateType: 'project', aggregateId: first.id })).toEqual([3, 2, 1]);
    expect(await list({ actor: editor.userId })).toEqual([4]);
    expect(await list({ eventType: 'project.updated' })).toEqual([2]);
    const all = (await owner.get('/api/v1/audit/events', { query: { order: 'asc' } })).body.data;
    expect(await list({ from: all[3].occurredAt })).toContain(4);
    expect(await list({ to: all[0].occurredAt })).toEqual([]);
    expect(
      await list({ aggregateId: second.id, from: '2000-01-01T00:00:00Z', to: '2999-01-01T00:00:00Z' }),
    ).toEqual([4]);
  });

  it('shows each change with its values before and after, its actor and its hash', async () => {
    const { owner, first } = await workspaceWithHistory();
    const answer = await owner.get('/api/v1/audit/events', { query: { eventType: 'project.updated' } });
    expect(answer.body.data[0]).toMatchObject({
      sequence: 2,
      aggregateType: 'project',
      aggregateId: first.id,
      aggregateVersion: 2,
      userId: owner.userId,
      eventData: { changes: { name: { before: 'First', after: 'Renamed' } } },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(answer.body.data[0]).not.toHaveProperty('workspaceId');
  });

  it('never shows another workspace’s events', async () => {
    const { first } = await workspaceWithHistory();
    const stranger = await t.newWorkspace();
    const answer = await stranger.get('/api/v1/audit/events', { query: { aggregateId: first.id } });
    expect(answer.body.data).toEqual([]);
    const history = await stranger.get(`/api/v1/audit/aggregates/project/${first.id}/history`);
    expect(history.status).toBe(404);
    expect(
      (await stranger.get(`/api/v1/audit/aggregates/project/${first.id}`, { query: { at: first.createdAt } }))
        .status,
    ).toBe(404);
  });

  it('rejects bad filters and cursors with 400 naming the field', async () => {
    const answer = await t.owner.get('/api/v1/audit/events', {
      query: { actor: 'nobody', from: 'yesterday', limit: '0', extra: '1' },
    });
    expect(answer.status).toBe(400);
    const paths = answer.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['query.actor', 'query.extra', 'query.from', 'query.limit']);
    const cursor = await t.owner.get('/api/v1/audit/events', { query: { cursor: 'not-a-cursor' } });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].path).toBe('query.cursor');
    const range = await t.owner.get('/api/v1/audit/events', {
      query: { from: '2030-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' },
    });
    expect(range.status).toBe(400);
  });
});

describe('an entity’s history', () => {
  it('lists its events oldest first', async () => {
    const { owner, first } = await workspaceWithHistory();
    const answer = await owner.get(`/api/v1/audit/aggregates/project/${first.id}/history`);
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((event: { eventType: string }) => event.eventType)).toEqual([
      'project.created',
      'project.updated',
      'project.deleted',
    ]);
  });
});

/** The export as raw text (NDJSON is not one JSON document). */
function exportRaw(caller: Caller, query: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/audit/events/export?${query}`,
    headers: { authorization: `Bearer ${caller.token}` },
  });
}

describe('exporting events', () => {
  it('streams NDJSON, one event a line, in sequence order', async () => {
    const { owner } = await workspaceWithHistory();
    const answer = await exportRaw(owner, 'format=ndjson');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('application/x-ndjson');
    const lines = answer.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('streams CSV with a header row, quoting what needs it and defusing formulas', async () => {
    const owner = await t.newWorkspace();
    await createProject(owner, { name: '=HYPERLINK("x")', description: 'a, "quoted"\nline' });
    const answer = await owner.get('/api/v1/audit/events/export', { query: { format: 'csv' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    const text = String(answer.body);
    expect(text.split('\r\n')[0]).toBe(
      'sequence,occurred_at,event_type,aggregate_type,aggregate_id,aggregate_version,user_id,request_id,source_address,changes,hash',
    );
    expect(text).toContain('""after"":""=HYPERLINK(\\""x\\"")""');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('exports only what the filters select', async () => {
    const { owner, second } = await workspaceWithHistory();
    const answer = await exportRaw(owner, `aggregateId=${second.id}`);
    expect(answer.body.trim().split('\n')).toHaveLength(1);
  });
});

describe('time travel', () => {
  it('rebuilds an entity as it was at each moment of its history, and 404 before and after', async () => {
    const { owner, first } = await workspaceWithHistory();
    const events = (await owner.get(`/api/v1/audit/aggregates/project/${first.id}/history`)).body.data;
    const at = async (time: string) =>
      owner.get(`/api/v1/audit/aggregates/project/${first.id}`, { query: { at: time } });
    const created = await at(events[0].occurredAt);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ version: 1, state: { name: 'First', tags: ['a'] } });
    const renamed = await at(events[1].occurredAt);
    expect(renamed.body).toMatchObject({ version: 2, state: { name: 'Renamed', tags: ['a'] } });
    const before = new Date(new Date(events[0].occurredAt).getTime() - 1).toISOString();
    expect((await at(before)).status).toBe(404);
    const deleted = await at(events[2].occurredAt);
    expect(deleted.status).toBe(404);
    expect(deleted.body.code).toBe('audit.entity_not_found');
  });

  it('defaults to now', async () => {
    const { owner, second } = await workspaceWithHistory();
    const answer = await owner.get(`/api/v1/audit/aggregates/project/${second.id}`);
    expect(answer.body).toMatchObject({ version: 1, state: { name: 'Second' } });
  });
});

describe('replay', () => {
  it('rebuilds the projects from their events with zero differences', async () => {
    const { owner } = await workspaceWithHistory();
    for (let index = 0; index < 3; index += 1) {
      const project = await createProject(owner, { tags: ['x', `t${index}`] });
      await owner.patch(`/api/v1/projects/${project.id}`, { status: 'archived', description: 'done' });
    }
    const answer = await owner.post('/api/v1/audit/replay', { type: 'project' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({
      aggregateType: 'project',
      eventsRead: 10,
      rowsReplayed: 4,
      rowsLive: 4,
      differenceCount: 0,
      differences: [],
    });
  });

  it('lists a row changed behind the trail’s back, and rows missing on either side', async () => {
    const owner = await t.newWorkspace();
    const changed = await createProject(owner, { name: 'Original' });
    const removed = await createProject(owner);
    await t.database.query("update projects set name = 'Changed in SQL' where id = $1", [changed.id]);
    await t.database.query('delete from projects where id = $1', [removed.id]);
    const answer = await owner.post('/api/v1/audit/replay', { type: 'project' });
    expect(answer.body.differenceCount).toBe(2);
    expect(answer.body.differences).toEqual(
      expect.arrayContaining([
        {
          id: changed.id,
          kind: 'differs',
          fields: { name: { replayed: 'Original', live: 'Changed in SQL' } },
        },
        { id: removed.id, kind: 'missing_live' },
      ]),
    );
    await tamper(t, ['delete from audit_events where aggregate_id = $1'], [changed.id]);
    const again = await owner.post('/api/v1/audit/replay', { type: 'project' });
    expect(again.body.differences).toContainEqual({ id: changed.id, kind: 'missing_replayed' });
  });

  it('refuses an unknown type with 400, and a viewer with 403', async () => {
    const unknown = await t.owner.post('/api/v1/audit/replay', { type: 'nothing' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('type');
    const viewer = await t.newMember(t.owner, 'viewer');
    expect((await viewer.post('/api/v1/audit/replay', { type: 'project' })).status).toBe(403);
  });
});
