import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { browser, goodPassword, setPassword } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let counter = 0;
const freshEmail = () => `person${++counter}-${Date.now()}@example.test`;

describe('invitations', () => {
  it('invites by email; the person accepts with a name and password, then signs in with the role', async () => {
    const email = freshEmail();
    const invited = await t.owner.post('/api/v1/invitations', { email, role: 'reviewer' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email,
      role: 'reviewer',
      status: 'pending',
      acceptPath: '/api/v1/invitations/accept',
    });
    expect(invited.body.token).toMatch(/^inv_/);

    const listed = await t.owner.get('/api/v1/invitations');
    expect(JSON.stringify(listed.body)).not.toContain(invited.body.token);

    const accepted = await t.anonymous.post('/api/v1/invitations/accept', {
      token: invited.body.token,
      displayName: 'Rita Reviewer',
      password: goodPassword,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ role: 'reviewer', workspace: { id: t.owner.workspaceId } });

    const b = browser(t);
    expect((await b.login(email, goodPassword)).status).toBe(200);
    expect((await b.request('GET', '/api/v1/me')).body.role).toBe('reviewer');

    const again = await t.anonymous.post('/api/v1/invitations/accept', {
      token: invited.body.token,
      password: goodPassword,
    });
    expect(again.status).toBe(404);
    const events = await t.owner.get('/api/v1/audit/events', {
      query: { aggregateId: invited.body.id, aggregateType: 'invitation' },
    });
    expect(events.body.data.map((e: { eventType: string }) => e.eventType).sort()).toEqual([
      'invitation.accepted',
      'invitation.created',
    ]);
  });

  it('refuses short passwords and a missing name, changing nothing', async () => {
    const invited = await t.owner.post('/api/v1/invitations', { email: freshEmail(), role: 'viewer' });
    const short = await t.anonymous.post('/api/v1/invitations/accept', {
      token: invited.body.token,
      displayName: 'Shorty',
      password: 'eleven char',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toContain('password');
    const nameless = await t.anonymous.post('/api/v1/invitations/accept', {
      token: invited.body.token,
      password: goodPassword,
    });
    expect(nameless.status).toBe(400);
    const list = await t.owner.get('/api/v1/invitations');
    expect(list.body.data.find((i: { id: string }) => i.id === invited.body.id).status).toBe('pending');
  });

  it('does not let an invitation take over an existing account', async () => {
    const elsewhere = await t.newWorkspace();
    const email = await setPassword(t, elsewhere);
    const invited = await t.owner.post('/api/v1/invitations', { email, role: 'viewer' });
    const takeover = await t.anonymous.post('/api/v1/invitations/accept', {
      token: invited.body.token,
      password: 'an attacker password',
    });
    expect(takeover.status).toBe(401);
    expect((await browser(t).login(email, goodPassword)).status).toBe(200);
    const joined = await t.anonymous.post('/api/v1/invitations/accept', {
      token: invited.body.token,
      password: goodPassword,
    });
    expect(joined.status).toBe(201);
    const b = browser(t);
    await b.login(email, goodPassword);
    const here = await b.request('GET', '/api/v1/me', undefined, { 'x-workspace-id': t.owner.workspaceId });
    expect(here.body.role).toBe('viewer');
  });

  it('revokes and expires invitations', async () => {
    const revoked = await t.owner.post('/api/v1/invitations', { email: freshEmail(), role: 'editor' });
    expect((await t.owner.delete(`/api/v1/invitations/${revoked.body.id}`)).status).toBe(204);
    const accept = { token: revoked.body.token, displayName: 'Late', password: goodPassword };
    expect((await t.anonymous.post('/api/v1/invitations/accept', accept)).status).toBe(404);

    const expiring = await t.owner.post('/api/v1/invitations', { email: freshEmail(), role: 'editor' });
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 second' where id = ${expiring.body.id}`,
    );
    const late = { token: expiring.body.token, displayName: 'Late', password: goodPassword };
    expect((await t.anonymous.post('/api/v1/invitations/accept', late)).status).toBe(404);
    const list = await t.owner.get('/api/v1/invitations');
    const statusOf = (id: string) => list.body.data.find((i: { id: string }) => i.id === id).status;
    expect(statusOf(revoked.body.id)).toBe('revoked');
    expect(statusOf(expiring.body.id)).toBe('expired');
  });

  it('keeps ownership and agents out of invitations unless allowed', async () => {
    const admin = await t.newMember(t.owner, 'admin');
    expect((await admin.post('/api/v1/invitations', { email: freshEmail(), role: 'owner' })).status).toBe(
      403,
    );
    expect((await t.owner.post('/api/v1/invitations', { email: freshEmail(), role: 'agent' })).status).toBe(
      422,
    );
    const editor = await t.newMember(t.owner, 'editor');
    expect((await editor.post('/api/v1/invitations', { email: freshEmail(), role: 'viewer' })).status).toBe(
      403,
    );
    const member = await t.newMember(t.owner, 'viewer');
    const members = await t.owner.get('/api/v1/members', { query: { role: 'viewer', limit: '200' } });
    const memberEmail = members.body.data.find((m: { user: { id: string } }) => m.user.id === member.userId)
      .user.email;
    expect((await t.owner.post('/api/v1/invitations', { email: memberEmail, role: 'viewer' })).status).toBe(
      409,
    );
  });
});
