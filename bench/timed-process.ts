// Running a command the way the benchmarks time it: wall time around the process, and its peak
// resident memory and CPU time from GNU time (`/usr/bin/time -f '%e %M %U %S'`) when the machine
// has it. On a shared machine the CPU time moves much less with the load than the wall time does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const timeBinary = '/usr/bin/time';
const timeoutBinary = '/usr/bin/timeout';

export interface TimedRun {
  seconds: number;
  /** Peak resident set of the command, in KB; undefined without /usr/bin/time. */
  maxRssKb: number | undefined;
  /** User plus system CPU seconds of the command (all its threads); undefined without /usr/bin/time. */
  cpuSeconds: number | undefined;
  stdout: string;
  stderr: string;
  /** Exit status; null when the command could not start or was killed. */
  status: number | null;
  timedOut: boolean;
}

export interface TimedOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Ends the command after this long (the run is then reported as timed out). */
  timeoutSeconds?: number;
}

/** The value below which p % of the samples fall (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const timesMemory = fs.existsSync(timeBinary);

/**
 * Runs `command args` once. A timeout goes through coreutils' `timeout` inside GNU time, so the
 * command itself is ended (not just its parent) and its peak memory is still reported: `timeout`
 * sends SIGTERM and waits for the command (SIGKILL 30 s later if it is still there), and GNU time
 * counts a child only once it has been waited for.
 */
export function runTimed(command: string, args: string[], options: TimedOptions): TimedRun {
  const limit = options.timeoutSeconds;
  const bounded =
    limit !== undefined && fs.existsSync(timeoutBinary)
      ? [timeoutBinary, '--kill-after=30', String(limit), command, ...args]
      : [command, ...args];
  const [program = command, ...rest] = timesMemory ? [timeBinary, '-f', '%e %M %U %S', ...bounded] : bounded;
  const started = performance.now();
  const result = spawnSync(program, rest, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    maxBuffer: 1024 * 1024 * 1024,
    // A safety net when `timeout` is missing: a little later than the limit it enforces.
    timeout: limit === undefined ? undefined : (limit + 60) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = result.stderr?.toString() ?? '';
  const lastLine = stderr.trim().split('\n').at(-1) ?? '';
  const [, rss, user, system] = lastLine.split(' ').map(Number);
  const measured = (value: number | undefined) =>
    timesMemory && value !== undefined && Number.isFinite(value) ? value : undefined;
  const userSeconds = measured(user);
  const systemSeconds = measured(system);
  return {
    seconds,
    maxRssKb: measured(rss),
    cpuSeconds:
      userSeconds === undefined || systemSeconds === undefined ? undefined : userSeconds + systemSeconds,
    stdout: result.stdout?.toString() ?? '',
    stderr,
    status: result.status,
    // Killed at the limit (by `timeout` or by the safety net): what it printed is incomplete.
    timedOut: limit !== undefined && seconds >= limit,
  };
}
