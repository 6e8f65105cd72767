import { eq } from 'drizzle-orm';
import { hashPassword } from '../../core/auth/passwords.ts';
import { users } from '../../core/auth/schema.ts';
import type { Answer, Caller, TestApp } from '../../test-support/app.ts';

export const goodPassword = 'correct horse battery staple';

/** Gives a test member a password and returns their email. */
export async function setPassword(t: TestApp, caller: Caller, password = goodPassword): Promise<string> {
  const [user] = await t.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, caller.userId))
    .returning();
  if (!user) throw new Error('no such user');
  return user.email;
}

/** A browser: keeps the session cookie and sends the CSRF token on writes, like the UI does. */
export interface Browser {
  cookie: string | null;
  csrfToken: string | null;
  login(email: string, password: string): Promise<Answer>;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export function browser(t: TestApp): Browser {
  const self: Browser = {
    cookie: null,
    csrfToken: null,
    async login(email, password) {
      const answer = await self.request('POST', '/api/v1/auth/login', { email, password });
      if (answer.status === 200) self.csrfToken = answer.body.csrfToken;
      return answer;
    },
    async request(method, path, body, headers = {}) {
      const response = await t.app.inject({
        method: method as 'GET',
        url: path,
        headers: { ...(self.cookie ? { cookie: self.cookie } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      const setCookie = response.headers['set-cookie'];
      const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      if (first) {
        const pair = first.split(';')[0] ?? '';
        self.cookie = pair.endsWith('=') ? null : pair;
      }
      const type = String(response.headers['content-type'] ?? '');
      const parsed = type.includes('json') && response.body ? JSON.parse(response.body) : response.body;
      return { status: response.statusCode, body: parsed, headers: response.headers };
    },
  };
  return self;
}
