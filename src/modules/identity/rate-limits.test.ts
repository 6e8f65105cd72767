import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../core/http/rate-limit.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { browser, goodPassword, setPassword } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    auth: { rateLimits: { signInPerMinute: 3, invitationsPerMinute: 3, perCredentialPerMinute: 5 } },
  });
});
afterAll(() => t.close());

describe('rate limits', () => {
  it('limits sign-in attempts per source address with 429 and Retry-After', async () => {
    const email = await setPassword(t, t.owner);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await browser(t).login('someone@example.test', 'not the password')).status).toBe(401);
    }
    const limited = await browser(t).login(email, goodPassword);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.code).toBe('rate_limited');
  });

  it('limits invitation acceptance per source address', async () => {
    const attempt = () =>
      t.anonymous.post('/api/v1/invitations/accept', {
        token: 'inv_guessguessguess',
        password: goodPassword,
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(404);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits each token on its own', async () => {
    const busy = await t.newMember(t.owner, 'viewer');
    const calm = await t.newMember(t.owner, 'viewer');
    for (let i = 0; i < 5; i++) expect((await busy.get('/api/v1/me')).status).toBe(200);
    const limited = await busy.get('/api/v1/me');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await calm.get('/api/v1/me')).status).toBe(200);
  });

  it('opens a new window after a minute', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter('test', 2, () => now);
    limiter.hit('k');
    limiter.hit('k');
    expect(() => limiter.hit('k')).toThrow(/retry in 60 s/);
    now += 59_000;
    expect(() => limiter.hit('k')).toThrow(/retry in 1 s/);
    now += 1_000;
    expect(() => limiter.hit('k')).not.toThrow();
  });
});
