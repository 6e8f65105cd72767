import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { createProject } from './test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** An owner who created two projects and renamed one; an agent who created one. */
async function activity() {
  const owner = await t.newWorkspace();
  const agent = await t.newMember(owner, 'editor');
  const first = await createProject(owner);
  await createProject(owner);
  await owner.patch(`/api/v1/projects/${first.id}`, { name: 'Renamed | *bold*' });
  await createProject(agent);
  const events = (await owner.get('/api/v1/audit/events', { query: { order: 'asc' } })).body.data;
  return { owner, agent, events };
}

describe('the activity report', () => {
  it('counts each actor’s actions with their first and last time', async () => {
    const { owner, agent, events } = await activity();
    const answer = await owner.get('/api/v1/audit/reports/activity');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ totalEvents: 4, actors: 2, from: null, to: null });
    const byKey = Object.fromEntries(
      answer.body.rows.map((row: { actorId: string; action: string }) => [
        `${row.actorId} ${row.action}`,
        row,
      ]),
    );
    expect(byKey[`${owner.userId} project.created`]).toMatchObject({
      count: 2,
      actorKind: 'person',
      firstAt: events[0].occurredAt,
      lastAt: events[1].occurredAt,
    });
    expect(byKey[`${owner.userId} project.updated`]).toMatchObject({ count: 1 });
    expect(byKey[`${agent.userId} project.created`]).toMatchObject({
      count: 1,
      firstAt: events[3].occurredAt,
      lastAt: events[3].occurredAt,
    });
  });

  it('covers only the period asked for (from inclusive, to exclusive)', async () => {
    const { owner, events } = await activity();
    const answer = await owner.get('/api/v1/audit/reports/activity', {
      query: { from: events[1].occurredAt, to: events[3].occurredAt },
    });
    expect(answer.body.totalEvents).toBe(
      events.filter(
        (event: { occurredAt: string }) =>
          event.occurredAt >= events[1].occurredAt && event.occurredAt < events[3].occurredAt,
      ).length,
    );
    expect(answer.body.from).toBe(events[1].occurredAt);
    const empty = await owner.get('/api/v1/audit/reports/activity', { query: { to: events[0].occurredAt } });
    expect(empty.body).toMatchObject({ totalEvents: 0, rows: [] });
  });

  it('answers CSV and Markdown', async () => {
    const { owner } = await activity();
    const csv = await owner.get('/api/v1/audit/reports/activity', { query: { format: 'csv' } });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.body).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('actor_id,actor_name,actor_kind,action,count,first_at,last_at');
    expect(lines).toHaveLength(4);
    const md = await owner.get('/api/v1/audit/reports/activity', { query: { format: 'md' } });
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(String(md.body)).toContain('| Actor | Kind | Action | Count | First | Last |');
    expect(String(md.body)).toContain('4 event(s) by 2 actor(s)');
  });

  it('rejects a bad period or format with 400, and shows nothing of another workspace', async () => {
    const bad = await t.owner.get('/api/v1/audit/reports/activity', {
      query: { from: '2030-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' },
    });
    expect(bad.status).toBe(400);
    const format = await t.owner.get('/api/v1/audit/reports/activity', { query: { format: 'pdf' } });
    expect(format.status).toBe(400);
    expect(format.body.errors[0].path).toBe('query.format');
    await activity();
    const stranger = await t.newWorkspace();
    expect((await stranger.get('/api/v1/audit/reports/activity')).body.totalEvents).toBe(0);
  });
});
