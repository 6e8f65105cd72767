import { describe, expect, it } from 'vitest';
import { exportStream } from './export.ts';

/** A million records in batches of 1,000, counting how many batches the stream has pulled. */
function millionRecords() {
  const state = { pulled: 0 };
  async function* batches() {
    for (let batch = 0; batch < 1000; batch += 1) {
      state.pulled += 1;
      yield Array.from({ length: 1000 }, (_, index) => ({ n: batch * 1000 + index, text: 'x'.repeat(50) }));
    }
  }
  return { state, batches: batches() };
}

describe('export streams', () => {
  it('pull the next batch only when the reader takes more: a slow client holds the reading back', async () => {
    const { state, batches } = millionRecords();
    const stream = exportStream(batches, 'ndjson', (record) => record, []);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    for (let tick = 0; tick < 50; tick += 1) await new Promise((resolve) => setImmediate(resolve));
    // One chunk taken: besides it, only the two chunks the stream buffers ahead have been read.
    expect(state.pulled).toBeLessThanOrEqual(4);
    await iterator.return?.();
  });

  it('stream a million records to the end', async () => {
    const { state, batches } = millionRecords();
    const stream = exportStream(batches, 'csv', (record) => record, [
      { header: 'n', value: (record) => record.n },
      { header: 'text', value: (record) => record.text },
    ]);
    let lines = 0;
    for await (const chunk of stream) lines += String(chunk).split('\r\n').length - 1;
    expect(lines).toBe(1_000_001);
    expect(state.pulled).toBe(1000);
  });
});
