import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../core/events/schema.ts';
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

describe('updating a project', () => {
  it('changes only the fields sent, bumps the version and the ETag', async () => {
    const project = await createProject(owner, { name: 'Before', description: 'kept' });
    const answer = await owner.patch(`/api/v1/projects/${project.id}`, { name: 'After' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'After', description: 'kept', version: 2 });
    expect(answer.headers.etag).toBe('"v2"');
    expect(new Date(answer.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(project.updatedAt).getTime(),
    );
  });

  it('answers 412 to a stale If-Match or version and changes nothing', async () => {
    const project = await createProject(owner, { name: 'Original' });
    const fresh = await owner.patch(
      `/api/v1/projects/${project.id}`,
      { name: 'First edit' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(fresh.status).toBe(200);
    const staleHeader = await owner.patch(
      `/api/v1/projects/${project.id}`,
      { name: 'Lost' },
      { headers: { 'if-match': '"v1"' } },
    );
    expect(staleHeader.status).toBe(412);
    expect(staleHeader.body).toMatchObject({ code: 'version_mismatch', currentVersion: 2 });
    const staleBody = await owner.patch(`/api/v1/projects/${project.id}`, { name: 'Lost', version: 1 });
    expect(staleBody.status).toBe(412);
    const current = await owner.get(`/api/v1/projects/${project.id}`);
    expect(current.body).toMatchObject({ name: 'First edit', version: 2 });
  });

  it('lets exactly one of two concurrent writers with the same version win', async () => {
    const project = await createProject(owner);
    const answers = await Promise.all(
      ['A', 'B'].map((name) => owner.patch(`/api/v1/projects/${project.id}`, { name, version: 1 })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const current = await owner.get(`/api/v1/projects/${project.id}`);
    expect(current.body.version).toBe(2);
  });

  it('refuses a malformed If-Match, unknown fields and a taken key', async () => {
    const project = await createProject(owner);
    const other = await createProject(owner);
    expect(
      (await owner.patch(`/api/v1/projects/${project.id}`, { name: 'x' }, { headers: { 'if-match': 'v1' } }))
        .status,
    ).toBe(400);
    expect((await owner.patch(`/api/v1/projects/${project.id}`, { owner: 'me' })).status).toBe(400);
    const taken = await owner.patch(`/api/v1/projects/${project.id}`, { key: other.key });
    expect(taken.status).toBe(409);
    expect((await owner.get(`/api/v1/projects/${project.id}`)).body.key).toBe(project.key);
  });

  it('writes nothing when the change changes nothing', async () => {
    const project = await createProject(owner, { name: 'Same' });
    const answer = await owner.patch(`/api/v1/projects/${project.id}`, { name: 'Same' });
    expect(answer.body.version).toBe(1);
  });
});

describe('deleting a project', () => {
  it('deletes it, answers 204, and then 404', async () => {
    const project = await createProject(owner);
    expect((await owner.delete(`/api/v1/projects/${project.id}`)).status).toBe(204);
    expect((await owner.get(`/api/v1/projects/${project.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/v1/projects/${project.id}`)).status).toBe(404);
  });

  it('refuses a stale If-Match', async () => {
    const project = await createProject(owner);
    await owner.patch(`/api/v1/projects/${project.id}`, { name: 'Changed' });
    expect(
      (await owner.delete(`/api/v1/projects/${project.id}`, { headers: { 'if-match': '"v1"' } })).status,
    ).toBe(412);
    expect((await owner.get(`/api/v1/projects/${project.id}`)).status).toBe(200);
  });
});

describe('the audit trail of projects', () => {
  it('records one event per write with the actor and the fields before and after', async () => {
    const project = await createProject(owner, { name: 'Audited', tags: ['a'] });
    await owner.patch(
      `/api/v1/projects/${project.id}`,
      { name: 'Audited twice', tags: ['a', 'b'] },
      { headers: { 'x-request-id': 'audit-test-1' } },
    );
    await owner.delete(`/api/v1/projects/${project.id}`);
    const { eq } = await import('drizzle-orm');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.aggregateId, project.id))
      .orderBy(auditEvents.sequence);
    expect(events.map((event) => event.eventType)).toEqual([
      'project.created',
      'project.updated',
      'project.deleted',
    ]);
    expect(
      events.every((event) => event.userId === owner.userId && event.workspaceId === owner.workspaceId),
    ).toBe(true);
    expect(events[1]?.eventData.changes).toEqual({
      name: { before: 'Audited', after: 'Audited twice' },
      tags: { before: ['a'], after: ['a', 'b'] },
    });
    expect(events[1]?.metadata.requestId).toBe('audit-test-1');
    expect(events[1]?.aggregateVersion).toBe(2);
    expect(events[2]?.eventData.changes.name).toEqual({ before: 'Audited twice', after: null });
  });

  it('writes no event for a write that fails', async () => {
    const project = await createProject(owner);
    await owner.patch(`/api/v1/projects/${project.id}`, { name: 'x' }, { headers: { 'if-match': '"v9"' } });
    const { eq } = await import('drizzle-orm');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.aggregateId, project.id));
    expect(events).toHaveLength(1);
  });
});
