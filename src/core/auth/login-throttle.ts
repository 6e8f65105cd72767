import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { loginThrottles } from './schema.ts';
import type { AuthSettings } from './settings.ts';

type ThrottleSettings = Pick<AuthSettings, 'freeLoginFailures' | 'lockoutFailures' | 'lockoutSeconds'>;

/**
 * Seconds the address must still wait before a sign-in attempt is even checked, or 0. Kept in the
 * database (on its clock), so every process and every restart sees the same count.
 */
export async function secondsBlocked(db: Executor, email: string): Promise<number> {
  const result = await db.execute<{ wait: string | number | null }>(sql`
    select ceil(extract(epoch from blocked_until - now())) as wait
    from login_throttles where email = ${email.toLowerCase()} and blocked_until > now()`);
  const wait = Number(result.rows[0]?.wait ?? 0);
  return Math.max(wait, 0);
}

/**
 * Counts one more failure for the address and blocks it: after the free failures each further
 * failure doubles the wait (1 s, 2 s, 4 s, …), and at `lockoutFailures` it is locked for
 * `lockoutSeconds`. A quiet period as long as the lockout forgets earlier failures.
 */
export async function recordLoginFailure(
  db: Executor,
  email: string,
  settings: ThrottleSettings,
): Promise<number> {
  const key = email.toLowerCase();
  const result = await db.execute<{ failures: number }>(sql`
    insert into login_throttles (email, failures, last_failure_at) values (${key}, 1, now())
    on conflict (email) do update set
      failures = case when login_throttles.last_failure_at < now() - make_interval(secs => ${settings.lockoutSeconds})
        then 1 else login_throttles.failures + 1 end,
      last_failure_at = now()
    returning failures`);
  const failures = Number(result.rows[0]?.failures ?? 1);
  const wait =
    failures >= settings.lockoutFailures
      ? settings.lockoutSeconds
      : failures > settings.freeLoginFailures
        ? Math.min(2 ** (failures - settings.freeLoginFailures - 1), settings.lockoutSeconds)
        : 0;
  if (wait > 0) {
    await db
      .update(loginThrottles)
      .set({ blockedUntil: sql`now() + make_interval(secs => ${wait})` })
      .where(eq(loginThrottles.email, key));
  }
  return failures;
}

/** A successful sign-in forgets the address's failures. */
export async function clearLoginFailures(db: Executor, email: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.email, email.toLowerCase()));
}
