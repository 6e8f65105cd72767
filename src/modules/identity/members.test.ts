import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const auditOf = async (eventType: string, aggregateId: string) =>
  (await t.owner.get('/api/v1/audit/events', { query: { eventType, aggregateId } })).body.data;

describe('workspaces', () => {
  it('lists the workspaces I belong to and creates one with me as owner', async () => {
    const me = await t.newWorkspace();
    const created = await me.post('/api/v1/workspaces', { name: 'Platform team' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Platform team', role: 'owner' });

    const firstPage = await me.get('/api/v1/workspaces', { query: { limit: '1' } });
    expect(firstPage.body.data).toHaveLength(1);
    const secondPage = await me.get('/api/v1/workspaces', {
      query: { limit: '1', cursor: firstPage.body.nextCursor },
    });
    const ids = [...firstPage.body.data, ...secondPage.body.data].map((w: { id: string }) => w.id);
    expect(ids.sort()).toEqual([me.workspaceId, created.body.id].sort());
    expect(secondPage.body.nextCursor).toBeNull();
  });

  it('refuses a workspace without a name, and agents may not create one', async () => {
    expect((await t.owner.post('/api/v1/workspaces', { name: '  ' })).status).toBe(400);
    const agent = await t.newMember(t.owner, 'agent');
    expect((await agent.post('/api/v1/workspaces', { name: 'Mine' })).status).toBe(403);
  });
});

describe('members and roles', () => {
  it('lists members with their roles, filtered and paginated', async () => {
    const ws = await t.newWorkspace();
    await t.newMember(ws, 'viewer');
    await t.newMember(ws, 'editor');
    const all = await ws.get('/api/v1/members');
    expect(all.body.data.map((m: { role: string }) => m.role).sort()).toEqual(['editor', 'owner', 'viewer']);
    const viewers = await ws.get('/api/v1/members', { query: { role: 'viewer' } });
    expect(viewers.body.data).toHaveLength(1);
    const page = await ws.get('/api/v1/members', { query: { limit: '2' } });
    expect(page.body.data).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('changes a role and records it in the audit trail with the source address', async () => {
    const member = await t.newMember(t.owner, 'viewer');
    const changed = await t.owner.patch(`/api/v1/members/${member.userId}`, { role: 'editor' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('editor');
    expect((await member.get('/api/v1/me')).body.role).toBe('editor');
    const [event] = await auditOf('membership.role_changed', member.userId);
    expect(event.eventData.role).toEqual({ before: 'viewer', after: 'editor' });
    expect(event.metadata.sourceAddress).toBe('127.0.0.1');
  });

  it('keeps the last owner: neither demoted nor removed', async () => {
    const ws = await t.newWorkspace();
    const demote = await ws.patch(`/api/v1/members/${ws.userId}`, { role: 'admin' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('member.last_owner');
    const remove = await ws.delete(`/api/v1/members/${ws.userId}`);
    expect(remove.status).toBe(409);
    expect((await ws.get('/api/v1/me')).body.role).toBe('owner');

    // With a second owner, the first may step down.
    const second = await t.newMember(ws, 'admin');
    expect((await ws.patch(`/api/v1/members/${second.userId}`, { role: 'owner' })).status).toBe(200);
    expect((await ws.patch(`/api/v1/members/${ws.userId}`, { role: 'admin' })).status).toBe(200);
  });

  it('lets only owners grant or take away ownership', async () => {
    const ws = await t.newWorkspace();
    const admin = await t.newMember(ws, 'admin');
    const editor = await t.newMember(ws, 'editor');
    const selfPromotion = await admin.patch(`/api/v1/members/${admin.userId}`, { role: 'owner' });
    expect(selfPromotion.status).toBe(403);
    expect((await admin.patch(`/api/v1/members/${ws.userId}`, { role: 'viewer' })).status).toBe(403);
    expect((await admin.delete(`/api/v1/members/${ws.userId}`)).status).toBe(403);
    expect((await admin.patch(`/api/v1/members/${editor.userId}`, { role: 'reviewer' })).status).toBe(200);
    expect((await editor.patch(`/api/v1/members/${admin.userId}`, { role: 'viewer' })).status).toBe(403);
  });

  it('removes a member, whose tokens stop working, and audits it', async () => {
    const member = await t.newMember(t.owner, 'editor');
    expect((await t.owner.delete(`/api/v1/members/${member.userId}`)).status).toBe(204);
    expect((await member.get('/api/v1/me')).status).toBe(401);
    expect((await t.owner.delete(`/api/v1/members/${member.userId}`)).status).toBe(404);
    const [event] = await auditOf('membership.removed', member.userId);
    expect(event.eventData.revokedTokens).toHaveLength(1);
  });

  it('answers 404 for a member of another workspace', async () => {
    const stranger = await t.newWorkspace();
    const answer = await t.owner.patch(`/api/v1/members/${stranger.userId}`, { role: 'viewer' });
    expect(answer.status).toBe(404);
    expect((await stranger.get('/api/v1/me')).body.role).toBe('owner');
  });
});

describe('agents', () => {
  it('creates an agent identity with the agent role, which keeps that role', async () => {
    const created = await t.owner.post('/api/v1/agents', { name: 'CI pipeline' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      role: 'agent',
      user: { kind: 'agent', displayName: 'CI pipeline' },
    });
    const agentId = created.body.user.id;
    const listed = await t.owner.get('/api/v1/agents');
    expect(listed.body.data.map((a: { user: { id: string } }) => a.user.id)).toContain(agentId);
    expect(listed.body.data.every((a: { role: string }) => a.role === 'agent')).toBe(true);

    const promoted = await t.owner.patch(`/api/v1/members/${agentId}`, { role: 'admin' });
    expect(promoted.status).toBe(422);
    const person = await t.newMember(t.owner, 'viewer');
    expect((await t.owner.patch(`/api/v1/members/${person.userId}`, { role: 'agent' })).status).toBe(422);
    expect(await auditOf('agent.created', agentId)).toHaveLength(1);
  });

  it('lets only owners and admins create agents', async () => {
    for (const role of ['editor', 'reviewer', 'viewer', 'agent'] as const) {
      const member = await t.newMember(t.owner, role);
      expect((await member.post('/api/v1/agents', { name: 'Sneaky' })).status).toBe(403);
    }
  });
});
