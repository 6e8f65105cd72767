import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { bootstrapFirstWorkspace } from '../../core/auth/bootstrap.ts';
import { hashPassword } from '../../core/auth/passwords.ts';
import { memberships, users } from '../../core/auth/schema.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { createTestDatabase } from '../../test-support/database.ts';
import { browser, goodPassword, setPassword } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('password sign-in and sessions', () => {
  it('signs in with a session cookie that is HttpOnly, SameSite=Lax and not Secure over http', async () => {
    const email = await setPassword(t, t.owner);
    const b = browser(t);
    const answer = await b.login(email.toUpperCase(), goodPassword);
    expect(answer.status).toBe(200);
    expect(answer.body.user.id).toBe(t.owner.userId);
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/^shipshape_session=sess_/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain(answer.body.csrfToken);

    const me = await b.request('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { id: t.owner.userId },
      workspace: { id: t.owner.workspaceId },
      role: 'owner',
      credential: { kind: 'session', readOnly: false },
      csrfToken: answer.body.csrfToken,
    });
  });

  it('signs in an address on a single-label domain, like the default owner admin@localhost', async () => {
    const member = await t.newMember(t.owner, 'editor');
    await t.database.db
      .update(users)
      .set({ email: 'someone@localhost', passwordHash: await hashPassword(goodPassword) })
      .where(eq(users.id, member.userId));
    const answer = await browser(t).login('someone@localhost', goodPassword);
    expect(answer.status).toBe(200);
    expect(answer.body.user.id).toBe(member.userId);
  });

  it('refuses cookie-authenticated writes without the CSRF token, accepts them with it', async () => {
    const email = await setPassword(t, t.owner);
    const b = browser(t);
    await b.login(email, goodPassword);
    const project = { name: 'Checkout', key: 'CHK' };
    const forged = await b.request('POST', '/api/v1/projects', project);
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('csrf_token_invalid');
    const wrong = await b.request('POST', '/api/v1/projects', project, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const listed = await t.owner.get('/api/v1/projects', { query: { 'filter[key]': 'CHK' } });
    expect(listed.body.data).toHaveLength(0);

    const made = await b.request('POST', '/api/v1/projects', project, { 'x-csrf-token': b.csrfToken ?? '' });
    expect(made.status).toBe(201);
    // Bearer-token writes need no CSRF token: a cross-site page cannot make the browser send one.
    const withToken = await t.owner.post('/api/v1/projects', { name: 'Billing', key: 'BIL' });
    expect(withToken.status).toBe(201);
  });

  it('answers a wrong password and an unknown address alike, and audits the failure with the source address', async () => {
    const member = await t.newMember(t.owner, 'editor');
    const email = await setPassword(t, member);
    const wrong = await browser(t).login(email, 'not the right password');
    const unknown = await browser(t).login('nobody@example.test', 'not the right password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe(unknown.body.code);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const events = await t.owner.get('/api/v1/audit/events', {
      query: { eventType: 'session.sign_in_failed', aggregateId: member.userId },
    });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].metadata.sourceAddress).toBe('127.0.0.1');

    await browser(t).login(email, goodPassword);
    const signedIn = await t.owner.get('/api/v1/audit/events', {
      query: { eventType: 'session.signed_in', aggregateId: member.userId },
    });
    expect(signedIn.body.data).toHaveLength(1);
  });

  it('slows repeated failures down, then locks the address; the count lives in the database', async () => {
    const member = await t.newMember(t.owner, 'viewer');
    const email = await setPassword(t, member);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await browser(t).login(email, 'wrong password!')).status).toBe(401);
    }
    // The fourth failure makes the next attempt wait, even with the right password.
    const blocked = await browser(t).login(email, goodPassword);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // Time passes (moved in the database, where every process reads it): the right password works.
    await t.database.db.execute(
      sql`update login_throttles set blocked_until = now() - interval '1 second' where email = ${email}`,
    );
    expect((await browser(t).login(email, goodPassword)).status).toBe(200);

    // Many failures in a row lock the address for the lockout period.
    await t.database.db.execute(
      sql`insert into login_throttles (email, failures, last_failure_at) values (${email}, 9, now())`,
    );
    expect((await browser(t).login(email, 'wrong password!')).status).toBe(401);
    const locked = await browser(t).login(email, goodPassword);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('signs out one session, and everywhere', async () => {
    const member = await t.newMember(t.owner, 'reviewer');
    const email = await setPassword(t, member);
    const laptop = browser(t);
    const phone = browser(t);
    const tablet = browser(t);
    for (const device of [laptop, phone, tablet]) await device.login(email, goodPassword);

    const out = await laptop.request(
      'POST',
      '/api/v1/auth/logout',
      {},
      { 'x-csrf-token': laptop.csrfToken ?? '' },
    );
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await laptop.request('GET', '/api/v1/me')).status).toBe(401);
    expect((await phone.request('GET', '/api/v1/me')).status).toBe(200);

    const everywhere = await member.post('/api/v1/auth/logout-everywhere');
    expect(everywhere.status).toBe(200);
    expect(everywhere.body.endedSessions).toBe(2);
    expect((await phone.request('GET', '/api/v1/me')).status).toBe(401);
    expect((await tablet.request('GET', '/api/v1/me')).status).toBe(401);
    // The API token still works: sign-out ends sessions, not tokens.
    expect((await member.get('/api/v1/me')).status).toBe(200);
  });

  it('ends a session when it expires', async () => {
    const email = await setPassword(t, t.owner);
    const b = browser(t);
    await b.login(email, goodPassword);
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    const me = await b.request('GET', '/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('session_invalid');
  });

  it('lets a member of several workspaces pick one per request; a token stays bound to its own', async () => {
    const member = await t.newMember(t.owner, 'editor');
    const other = await t.newWorkspace();
    await t.database.db
      .insert(memberships)
      .values({ workspaceId: other.workspaceId, userId: member.userId, role: 'viewer' });
    const stranger = await t.newWorkspace();
    const email = await setPassword(t, member);
    const b = browser(t);
    await b.login(email, goodPassword);

    const first = await b.request('GET', '/api/v1/me');
    expect(first.body).toMatchObject({ workspace: { id: t.owner.workspaceId }, role: 'editor' });
    const picked = await b.request('GET', '/api/v1/me', undefined, { 'x-workspace-id': other.workspaceId });
    expect(picked.body).toMatchObject({ workspace: { id: other.workspaceId }, role: 'viewer' });
    const notMine = await b.request('GET', '/api/v1/me', undefined, {
      'x-workspace-id': stranger.workspaceId,
    });
    expect(notMine.status).toBe(404);
    const crossToken = await member.get('/api/v1/me', { headers: { 'x-workspace-id': other.workspaceId } });
    expect(crossToken.status).toBe(400);
    expect(crossToken.body.code).toBe('workspace.token_mismatch');
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const secure = await createTestApp({ auth: { secureCookies: true } });
    try {
      const email = await setPassword(secure, secure.owner);
      const answer = await browser(secure).login(email, goodPassword);
      expect(String(answer.headers['set-cookie'])).toContain('Secure');
    } finally {
      await secure.close();
    }
  });
});

describe('the first start', () => {
  it('gives the owner the password SHIPSHAPE_ADMIN_PASSWORD sets, and refuses a short one', async () => {
    expect(() => loadConfig({ SHIPSHAPE_ADMIN_PASSWORD: 'too short' })).toThrow(/SHIPSHAPE_ADMIN_PASSWORD/);
    const config = loadConfig({
      SHIPSHAPE_ADMIN_PASSWORD: goodPassword,
      SHIPSHAPE_ADMIN_EMAIL: 'boss@example.test',
    });
    expect(config.auth.secureCookies).toBe(false);
    const database = await createTestDatabase();
    try {
      const result = await bootstrapFirstWorkspace(database.handle, config.bootstrap);
      expect(result.created).toBe(true);
      const rows = await database.handle.query<{ password_hash: string }>(
        'select password_hash from users where email = $1',
        ['boss@example.test'],
      );
      expect(rows[0]?.password_hash).toMatch(/^scrypt\$/);
      expect(rows[0]?.password_hash).not.toContain(goodPassword);
    } finally {
      await database.drop();
    }
  });
});
