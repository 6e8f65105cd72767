import { gzipSync } from 'node:zlib';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import {
  type ArchiveKind,
  type ArchiveLimits,
  ArchiveRefused,
  archiveEntries,
  defaultArchiveLimits,
  safeEntryPath,
} from './archive.ts';

const files: Record<string, string> = {
  'a-result.json': '{"uuid":"a"}',
  'nested/b-container.json': '{"uuid":"b"}',
  'c-attachment.txt': 'hello',
};

/** Streams `bytes` in chunks of `size`, recording how many chunks have been handed out. */
function chunked(bytes: Uint8Array, size = 1000) {
  const progress = { delivered: 0, total: Math.ceil(bytes.length / size) };
  async function* stream(): AsyncGenerator<Uint8Array> {
    for (let offset = 0; offset < bytes.length; offset += size) {
      progress.delivered += 1;
      yield bytes.subarray(offset, offset + size);
    }
  }
  return { stream: stream(), progress };
}

async function unpack(bytes: Uint8Array, kind: ArchiveKind, limits: Partial<ArchiveLimits> = {}) {
  const found: Record<string, string> = {};
  for await (const entry of archiveEntries(chunked(bytes).stream, kind, {
    ...defaultArchiveLimits,
    ...limits,
  })) {
    found[entry.path] = new TextDecoder().decode(entry.bytes);
  }
  return found;
}

async function refusal(bytes: Uint8Array, kind: ArchiveKind, limits: Partial<ArchiveLimits> = {}) {
  const error = await unpack(bytes, kind, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ArchiveRefused)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { reason: error.reason, path: error.path, message: error.message };
}

function zipOf(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, body]) => [name, typeof body === 'string' ? strToU8(body) : body]),
    ),
  );
}

/** A zip written in one pass, sizes in data descriptors after each entry (as streaming zippers do). */
function streamedZipOf(entries: Record<string, Uint8Array>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      parts.push(data);
      if (final) resolve(Buffer.concat(parts));
    });
    for (const [name, body] of Object.entries(entries)) {
      const file = body.length > 100 ? new ZipDeflate(name) : new ZipPassThrough(name);
      zip.add(file);
      file.push(body, true);
    }
    zip.end();
  });
}

function tarOf(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  return packTar(
    Object.entries(entries).map(([name, body]) => ({
      header: {
        name,
        size: typeof body === 'string' ? strToU8(body).length : body.length,
        type: 'file' as const,
      },
      body,
    })),
  );
}

describe('archiveEntries', () => {
  it('unpacks the files of a zip, a tar and a tar.gz, skipping folders', async () => {
    const zip = zipOf({ ...files, 'empty-folder/': new Uint8Array(0) });
    expect(await unpack(zip, 'zip')).toEqual(files);
    const tar = await tarOf(files);
    expect(await unpack(tar, 'tar')).toEqual(files);
    expect(await unpack(gzipSync(tar), 'tar.gz')).toEqual(files);
  });

  it('unpacks a zip written in one pass, with sizes after the data', async () => {
    const big = strToU8('x'.repeat(5000));
    const zip = await streamedZipOf({ 'a-result.json': strToU8('{"uuid":"a"}'), 'big.txt': big });
    expect(await unpack(zip, 'zip')).toEqual({
      'a-result.json': '{"uuid":"a"}',
      'big.txt': 'x'.repeat(5000),
    });
  });

  it('hands out each entry as soon as it is unpacked, before the rest of the archive has arrived', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [
        `${index}.bin`,
        crypto.getRandomValues(new Uint8Array(2000)),
      ]),
    );
    for (const [kind, bytes] of [
      ['zip', zipOf(many)],
      ['tar.gz', gzipSync(await tarOf(many))],
    ] as const) {
      const { stream, progress } = chunked(bytes);
      const entries = archiveEntries(stream, kind);
      const first = await entries.next();
      expect(first.done).toBe(false);
      expect(progress.delivered).toBeLessThan(progress.total / 4);
      await entries.return(undefined);
    }
  });

  it.each([
    ['../x', 'leaves the results folder'],
    ['results/../../x', 'leaves the results folder'],
    ['/etc/x', 'absolute'],
    ['C:\\x', 'absolute'],
    ['c:/x', 'absolute'],
    ['..\\x', 'leaves the results folder'],
  ])('refuses the entry path %s', async (name, words) => {
    for (const [kind, bytes] of [
      ['zip', zipOf({ 'ok.json': '{}', [name]: 'escape' })],
      ['tar', await tarOf({ 'ok.json': '{}', [name]: 'escape' })],
    ] as const) {
      const refused = await refusal(bytes, kind);
      expect(refused).toMatchObject({ reason: 'traversal', path: name });
      expect(refused.message).toContain(words);
    }
  });

  it('reads harmless paths the same way everywhere', () => {
    expect(safeEntryPath('./allure-results//a-result.json')).toBe('allure-results/a-result.json');
    expect(safeEntryPath('allure-results\\a-result.json')).toBe('allure-results/a-result.json');
    expect(safeEntryPath('a..b/c..json')).toBe('a..b/c..json');
  });

  it('refuses a zip bomb: an entry expanding more than the ratio allows', async () => {
    // 16 MiB of zeros deflate to about 16 KiB: a thousand times smaller.
    const bomb = zipOf({ 'ok.json': '{}', 'bomb.txt': new Uint8Array(16 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusal(bomb, 'zip', { maxEntryBytes: 1024 * 1024 * 1024 })).toMatchObject({
      reason: 'ratio',
      path: 'bomb.txt',
      message: 'entry bomb.txt expands more than 200 times its compressed size (a zip bomb)',
    });
    const tarBomb = gzipSync(await tarOf({ 'bomb.txt': new Uint8Array(16 * 1024 * 1024) }));
    expect(await refusal(tarBomb, 'tar.gz', { maxEntryBytes: 1024 * 1024 * 1024 })).toMatchObject({
      reason: 'ratio',
      message: 'the archive expands more than 200 times its compressed size (a zip bomb)',
    });
  });

  it('lets small repetitive entries expand freely below the ratio floor', async () => {
    const spaces = ' '.repeat(500_000);
    expect(await unpack(zipOf({ 'a.json': spaces }), 'zip')).toEqual({ 'a.json': spaces });
  });

  it('refuses more files than the limit', async () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`${index}.json`, '{}']));
    for (const [kind, bytes] of [
      ['zip', zipOf(many)],
      ['tar', await tarOf(many)],
    ] as const) {
      expect(await refusal(bytes, kind, { maxFiles: 10 })).toMatchObject({
        reason: 'too-many-files',
        message: 'the archive holds more than 10 files',
      });
    }
  });

  it('refuses an entry over the size limit, and more unpacked bytes than the total limit', async () => {
    const random = crypto.getRandomValues(new Uint8Array(3000));
    for (const [kind, bytes] of [
      ['zip', zipOf({ 'big.bin': random })],
      ['zip', await streamedZipOf({ 'big.bin': random })],
      ['tar.gz', gzipSync(await tarOf({ 'big.bin': random }))],
    ] as const) {
      expect(await refusal(bytes, kind, { maxEntryBytes: 2000 })).toMatchObject({
        reason: 'entry-too-large',
        path: 'big.bin',
        message: 'entry big.bin is larger than 2000 bytes',
      });
    }
    const two = await tarOf({ 'a.bin': random, 'b.bin': random });
    expect(await refusal(two, 'tar', { maxUnpackedBytes: 5000 })).toMatchObject({
      reason: 'unpacked-too-large',
      path: 'b.bin',
    });
  });

  it('refuses corrupt archives', async () => {
    const zip = zipOf({ 'a.bin': crypto.getRandomValues(new Uint8Array(5000)) });
    const tar = await tarOf({ 'a.bin': crypto.getRandomValues(new Uint8Array(5000)) });
    const garbage = strToU8('this is not an archive at all, just some text that goes on for a while');
    const tarGarbage = new Uint8Array(1024).fill(0x41);
    const cases: [ArchiveKind, Uint8Array][] = [
      ['zip', garbage],
      ['zip', zip.subarray(0, 3000)],
      ['tar', tarGarbage],
      ['tar', tar.subarray(0, 2000)],
      ['tar.gz', garbage],
      ['tar.gz', gzipSync(tar).subarray(0, 3000)],
    ];
    for (const [kind, bytes] of cases) {
      expect((await refusal(bytes, kind)).reason, `${kind} of ${bytes.length} bytes`).toBe('corrupt');
    }
  });

  it('lets an error of the upload itself through unchanged', async () => {
    const failure = new Error('the client went away');
    async function* broken(prefix: Uint8Array): AsyncGenerator<Uint8Array> {
      yield prefix;
      throw failure;
    }
    const tar = await tarOf(files);
    for (const [kind, bytes] of [
      ['zip', zipOf(files)],
      ['tar', tar],
      ['tar.gz', gzipSync(tar)],
    ] as const) {
      const thrown = await (async () => {
        for await (const _ of archiveEntries(broken(bytes.subarray(0, 50)), kind)) {
          // draining
        }
      })().catch((error: unknown) => error);
      expect(thrown, kind).toBe(failure);
    }
  });
});
