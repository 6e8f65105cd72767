// Tar archives through modern-tar's streaming decoder, gunzipped first by node:zlib for a .tar.gz.
// The decoder hands out one entry at a time and waits until its body is read or cancelled, so only
// the entry being unpacked is in memory.

import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createTarDecoder, type ParsedTarEntry } from 'modern-tar';
import { type ArchiveEntry, ArchiveRefused, concatChunks, type UnpackBudget } from './archive-limits.ts';

/** Marks an error thrown by the upload itself, which passes through unchanged. */
class SourceFailure {
  constructor(readonly error: unknown) {}
}

async function* watched(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* source;
  } catch (error) {
    throw new SourceFailure(error);
  }
}

function refusal(error: unknown, what: string): unknown {
  if (error instanceof SourceFailure) return error.error;
  if (error instanceof ArchiveRefused) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ArchiveRefused('corrupt', `the ${what} is corrupt: ${detail}`);
}

/**
 * Gunzips `source`, refusing a stream that expands more than the ratio allows over what has come
 * in so far (entry boundaries are not visible inside a gzip stream, so the whole stream is judged).
 */
export async function* gunzipChunks(
  source: AsyncIterable<Uint8Array>,
  budget: UnpackBudget,
): AsyncGenerator<Uint8Array> {
  let compressed = 0;
  let unpacked = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of watched(source)) {
      compressed += chunk.length;
      yield chunk;
    }
  }
  const input = Readable.from(counted(), { objectMode: false });
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) {
      if (!(chunk instanceof Uint8Array)) continue;
      unpacked += chunk.length;
      budget.checkRatio(unpacked, compressed);
      yield chunk;
    }
  } catch (error) {
    throw refusal(error, 'gzip stream');
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** Feeds the decoder from `source`; the decoder's side sees the failure as an aborted stream. */
async function feed(source: AsyncIterable<Uint8Array>, writable: WritableStream<Uint8Array>): Promise<void> {
  const writer = writable.getWriter();
  try {
    for await (const chunk of source) await writer.write(chunk);
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => {});
    throw error;
  }
}

async function readBody(entry: ParsedTarEntry, path: string, budget: UnpackBudget): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = entry.body.getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      size += next.value.length;
      chunks.push(next.value);
      budget.add(path, next.value.length, size);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  return concatChunks(chunks, size);
}

export async function* tarEntries(
  source: AsyncIterable<Uint8Array>,
  budget: UnpackBudget,
): AsyncGenerator<ArchiveEntry> {
  const decoder = createTarDecoder({ strict: true });
  let fed: unknown;
  const feeding = feed(watched(source), decoder.writable).catch((error: unknown) => {
    fed = error;
  });
  const entries = decoder.readable.getReader();
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof entries.read>>;
      try {
        next = await entries.read();
      } catch (error) {
        throw refusal(fed ?? error, 'tar archive');
      }
      if (next.done) break;
      const entry = next.value;
      const path = budget.enter(entry.header.name);
      const type = entry.header.type ?? 'file';
      if (type !== 'file' || path === '') {
        await entry.body.cancel();
        continue;
      }
      budget.declare(path, entry.header.size);
      const bytes = await readBody(entry, path, budget).catch((error: unknown) => {
        throw refusal(fed ?? error, 'tar archive');
      });
      yield { path, bytes };
    }
    await feeding;
    if (fed !== undefined) throw refusal(fed, 'tar archive');
  } finally {
    await entries.cancel().catch(() => {});
  }
}
