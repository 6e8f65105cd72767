// Progress on long work: silent for the first second, a bar on a terminal, plain lines in a log.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

/** A stream that records what was written, and a clock the test moves by hand. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  const progress = createProgress({
    total: 4,
    unit: 'files',
    stream: { isTTY, write: (text: string) => written.push(text) },
    now: () => time,
  });
  return { written, progress, advance: (ms: number) => (time += ms) };
}

describe('progress', () => {
  it('shows nothing for work that ends within a second', () => {
    const { written, progress, advance } = setup(false);
    progress.update(1);
    advance(999);
    progress.update(4);
    progress.finish();
    expect(written).toEqual([]);
  });

  it('writes a plain line at most once a second in a log, and the last count at the end', () => {
    const { written, progress, advance } = setup(false);
    advance(1000);
    progress.update(1);
    advance(500);
    progress.update(2);
    advance(500);
    progress.update(3);
    progress.finish();
    expect(written).toEqual(['linted 1/4 files\n', 'linted 3/4 files\n', 'linted 4/4 files\n']);
  });

  it('redraws a bar in place on a terminal and clears it at the end', () => {
    const { written, progress, advance } = setup(true);
    advance(1500);
    progress.update(2);
    progress.finish();
    expect(written[0]).toMatch(/^\r█{15}░{15} 2\/4 files$/);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });
});
