import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });

describe('API tokens', () => {
  it('creates a named token shown once, lists it without the secret, and it works', async () => {
    const member = await t.newMember(t.owner, 'editor');
    const created = await member.post('/api/v1/tokens', { name: 'laptop' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^shp_/);
    expect(created.body).toMatchObject({
      name: 'laptop',
      userId: member.userId,
      readOnly: false,
      expiresAt: null,
    });
    const me = await t.anonymous.get('/api/v1/me', bearer(created.body.secret));
    expect(me.body).toMatchObject({
      user: { id: member.userId },
      credential: { kind: 'token', id: created.body.id },
    });

    const listed = await member.get('/api/v1/tokens');
    const shown = listed.body.data.find((token: { id: string }) => token.id === created.body.id);
    expect(shown.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(shown.prefix).toBe(created.body.secret.slice(0, 10));
  });

  it('revokes a token, which then answers 401, and audits creation and revocation', async () => {
    const member = await t.newMember(t.owner, 'viewer');
    const created = await member.post('/api/v1/tokens', { name: 'script' });
    expect((await member.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await t.anonymous.get('/api/v1/me', bearer(created.body.secret))).status).toBe(401);
    expect((await member.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    for (const eventType of ['token.created', 'token.revoked']) {
      const events = await t.owner.get('/api/v1/audit/events', {
        query: { eventType, aggregateId: created.body.id },
      });
      expect(events.body.data).toHaveLength(1);
      expect(events.body.data[0].userId).toBe(member.userId);
    }
  });

  it('makes read-only tokens read only, and expired tokens stop working', async () => {
    const readOnly = await t.owner.post('/api/v1/tokens', { name: 'dashboard', readOnly: true });
    expect((await t.anonymous.get('/api/v1/projects', bearer(readOnly.body.secret))).status).toBe(200);
    const write = await t.anonymous.post(
      '/api/v1/projects',
      { name: 'X', key: 'RO' },
      bearer(readOnly.body.secret),
    );
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('token.read_only');
    // A read-only token cannot mint itself a token that may write.
    expect(
      (await t.anonymous.post('/api/v1/tokens', { name: 'escape' }, bearer(readOnly.body.secret))).status,
    ).toBe(403);

    const past = await t.owner.post('/api/v1/tokens', { name: 'old', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    const soon = await t.owner.post('/api/v1/tokens', {
      name: 'soon',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(soon.status).toBe(201);
    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${soon.body.id}`,
    );
    expect((await t.anonymous.get('/api/v1/me', bearer(soon.body.secret))).status).toBe(401);
  });

  it('lets admins give agents tokens and manage them, and nobody else’s', async () => {
    const agent = await t.owner.post('/api/v1/agents', { name: 'Reviewer bot' });
    const agentId = agent.body.user.id;
    const admin = await t.newMember(t.owner, 'admin');
    const token = await admin.post('/api/v1/tokens', { name: 'ci', userId: agentId });
    expect(token.status).toBe(201);
    const asAgent = await t.anonymous.get('/api/v1/me', bearer(token.body.secret));
    expect(asAgent.body).toMatchObject({ role: 'agent', user: { kind: 'agent' } });
    expect((await admin.get('/api/v1/tokens', { query: { userId: agentId } })).body.data).toHaveLength(1);

    const editor = await t.newMember(t.owner, 'editor');
    expect((await editor.post('/api/v1/tokens', { name: 'x', userId: agentId })).status).toBe(403);
    expect((await editor.get('/api/v1/tokens', { query: { userId: agentId } })).status).toBe(403);
    expect((await editor.delete(`/api/v1/tokens/${token.body.id}`)).status).toBe(404);
    // Admins mint tokens for agents, never for people (who would then act unknowingly).
    expect((await admin.post('/api/v1/tokens', { name: 'x', userId: editor.userId })).status).toBe(403);
    expect((await admin.delete(`/api/v1/tokens/${token.body.id}`)).status).toBe(204);
    expect((await t.anonymous.get('/api/v1/me', bearer(token.body.secret))).status).toBe(401);
  });

  it('answers 404 for another workspace’s token and agent', async () => {
    const other = await t.newWorkspace();
    const theirs = await other.post('/api/v1/tokens', { name: 'theirs' });
    expect((await t.owner.delete(`/api/v1/tokens/${theirs.body.id}`)).status).toBe(404);
    expect((await t.anonymous.get('/api/v1/me', bearer(theirs.body.secret))).status).toBe(200);
    const agent = await other.post('/api/v1/agents', { name: 'Their bot' });
    expect((await t.owner.post('/api/v1/tokens', { name: 'steal', userId: agent.body.user.id })).status).toBe(
      404,
    );
  });
});
