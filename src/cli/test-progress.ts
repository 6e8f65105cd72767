import type { ProgressStream } from './progress.ts';

/** Sizes as people read them: 812 B, 3.4 MiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface PhaseProgressOptions {
  stream?: ProgressStream;
  /** Milliseconds since some fixed point (injectable so tests need no clock). */
  now?: () => number;
  /** Work that ends sooner shows nothing. */
  delayMs?: number;
}

/** One phase of a long job: what is done, out of what (null while unknown), in words. */
export interface PhaseProgress {
  update(done: number, total: number | null): void;
  /** The phase is over: a terminal's bar is cleared, a log gets the last count if it missed it. */
  finish(): void;
}

const barWidth = 30;

/**
 * Progress of one phase of an upload (bytes sent, then files imported): nothing for the first
 * second, then a bar redrawn in place on a terminal, or a plain line at most every five seconds in
 * a CI log — a log is read afterwards, where a line a second only buries what matters.
 */
export function createPhaseProgress(
  describe: (done: number, total: number | null) => string,
  options: PhaseProgressOptions = {},
): PhaseProgress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const start = now();
  const delay = options.delayMs ?? 1000;
  const interval = stream.isTTY ? 100 : 5000;
  let lastShown: number | undefined;
  let last: { done: number; total: number | null; shown: boolean } = { done: 0, total: null, shown: true };
  const show = (done: number, total: number | null) => {
    if (stream.isTTY) {
      const share = total ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * barWidth);
      const bar =
        total === null ? '░'.repeat(barWidth) : `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
      stream.write(`\r${bar} ${describe(done, total)}\u001b[K`);
    } else stream.write(`${describe(done, total)}\n`);
    lastShown = now();
  };
  return {
    update(done, total) {
      last = { done, total, shown: false };
      const time = now();
      if (time - start < delay) return;
      if (lastShown !== undefined && time - lastShown < interval) return;
      show(done, total);
      last.shown = true;
    },
    finish() {
      if (lastShown === undefined) return;
      if (stream.isTTY) stream.write('\r\u001b[K');
      else if (!last.shown) show(last.done, last.total);
    },
  };
}
