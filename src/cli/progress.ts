/** Where progress is written: stderr, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  total: number;
  /** What is counted, plural: `files`. */
  unit: string;
  stream?: ProgressStream;
  /** Milliseconds since some fixed point (injectable so tests need no clock). */
  now?: () => number;
  /** Work that ends sooner shows nothing. */
  delayMs?: number;
}

export interface Progress {
  /** `done` items of `total` are finished. */
  update(done: number): void;
  /** The work is over: a terminal's bar is cleared, a log gets its last line. */
  finish(): void;
}

const barWidth = 30;

/**
 * Progress for work that may take a while: nothing for the first second, then a bar redrawn in
 * place on a terminal, or a plain `linted N/M files` line at most once a second in a CI log.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const start = now();
  const delay = options.delayMs ?? 1000;
  const interval = stream.isTTY ? 100 : 1000;
  let lastShown: number | undefined;
  let lastDone = 0;
  const show = (done: number) => {
    if (stream.isTTY) {
      const filled = options.total === 0 ? barWidth : Math.round((done / options.total) * barWidth);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
      stream.write(`\r${bar} ${done}/${options.total} ${options.unit}`);
    } else stream.write(`linted ${done}/${options.total} ${options.unit}\n`);
    lastShown = now();
    lastDone = done;
  };
  return {
    update(done) {
      const time = now();
      if (time - start < delay) return;
      if (lastShown === undefined || time - lastShown >= interval) show(done);
    },
    finish() {
      if (lastShown === undefined) return;
      if (stream.isTTY) stream.write('\r\u001b[K');
      else if (lastDone !== options.total) show(options.total);
    },
  };
}
