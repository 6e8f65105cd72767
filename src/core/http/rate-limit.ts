import { AppError } from '../errors/app-error.ts';

/**
 * Fixed one-minute windows counted in this process's memory. A limit of N per minute therefore
 * holds per server process; with several processes the effective limit is N × processes, which is
 * what these limits are for (stopping floods and guessing), not exact quotas.
 */
export interface RateLimiter {
  /** Counts one request for `key`; throws 429 with Retry-After when over the limit. */
  hit(key: string): void;
}

const windowMs = 60_000;
const maxTrackedKeys = 100_000;

/** A limiter allowing `perMinute` requests per key in each minute (0 disables it). */
export function createRateLimiter(
  name: string,
  perMinute: number,
  now: () => number = Date.now,
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      if (perMinute <= 0) return;
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        if (windows.size >= maxTrackedKeys) evictExpired(windows, time);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > perMinute) {
        const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
        throw new AppError('rate_limited', `Too many ${name} requests; retry in ${retryAfter} s.`, {
          code: 'rate_limited',
          headers: { 'Retry-After': String(retryAfter) },
          extensions: { retryAfter },
        });
      }
    },
  };
}

function evictExpired(windows: Map<string, { start: number }>, time: number): void {
  for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
  // Still full of live windows: forget the oldest rather than grow without bound.
  if (windows.size >= maxTrackedKeys) windows.clear();
}
