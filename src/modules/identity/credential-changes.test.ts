import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createMetrics } from '../../core/observability/metrics.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { browser, goodPassword, setPassword } from './test-helpers.ts';

// Resolved credentials are kept in memory for a while (CREDENTIAL_CACHE_SECONDS); these tests make
// sure that no change to a credential or a role waits for that: each credential is used first, so
// that it is in memory when it changes.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });

describe('changes to credentials and roles take effect at once', () => {
  it('refuses a token in use from the moment it is revoked', async () => {
    const member = await t.newMember(t.owner, 'editor');
    const created = await member.post('/api/v1/tokens', { name: 'in use' });
    expect((await t.anonymous.get('/api/v1/me', bearer(created.body.secret))).status).toBe(200);
    expect((await member.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await t.anonymous.get('/api/v1/me', bearer(created.body.secret))).status).toBe(401);
  });

  it('applies a new role to the very next request', async () => {
    const member = await t.newMember(t.owner, 'editor');
    expect((await member.post('/api/v1/projects', { name: 'Before', key: 'ROLEA' })).status).toBe(201);
    expect((await t.owner.patch(`/api/v1/members/${member.userId}`, { role: 'viewer' })).status).toBe(200);
    const refused = await member.post('/api/v1/projects', { name: 'After', key: 'ROLEB' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('permission_denied');
  });

  it('shuts a removed member out at once', async () => {
    const member = await t.newMember(t.owner, 'viewer');
    expect((await member.get('/api/v1/projects')).status).toBe(200);
    expect((await t.owner.delete(`/api/v1/members/${member.userId}`)).status).toBe(204);
    expect((await member.get('/api/v1/projects')).status).toBe(401);
  });

  it('ends a session in use on another device when its owner signs out everywhere', async () => {
    const member = await t.newMember(t.owner, 'viewer');
    const email = await setPassword(t, member);
    const [laptop, phone] = [browser(t), browser(t)];
    for (const device of [laptop, phone]) expect((await device.login(email, goodPassword)).status).toBe(200);
    expect((await phone.request('GET', '/api/v1/me')).status).toBe(200);
    const signOut = await laptop.request(
      'POST',
      '/api/v1/auth/logout-everywhere',
      {},
      {
        'x-csrf-token': laptop.csrfToken ?? '',
      },
    );
    expect(signOut.status).toBe(200);
    expect((await phone.request('GET', '/api/v1/me')).status).toBe(401);
  });

  it('tells another server process on the same database, which then refuses the token too', async () => {
    const other = await buildApp({
      config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' },
      database: t.database,
      metrics: createMetrics(),
      logger: false,
    });
    try {
      const created = await t.owner.post('/api/v1/tokens', { name: 'two processes' });
      const me = () =>
        other.http.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(created.body.secret).headers });
      expect((await me()).statusCode).toBe(200);
      expect((await t.owner.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
      // The notice travels through the database after the commit: wait for it, boundedly.
      const deadline = Date.now() + 10_000;
      let status = (await me()).statusCode;
      while (status === 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await me()).statusCode;
      }
      expect(status).toBe(401);
    } finally {
      await other.http.close();
    }
  });
});
