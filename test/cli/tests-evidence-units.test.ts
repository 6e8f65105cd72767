// What `shipshape tests upload` sends and shows, without a server: a folder is packed as a tar.gz
// while it is read, any archive or report is recognised by its bytes, and progress stays readable
// both on a terminal and in a CI log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unpackTar } from 'modern-tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPhaseProgress, formatBytes } from '../../src/cli/test-progress.ts';
import { openUploadSource, UploadSourceError } from '../../src/cli/test-upload-source.ts';

let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-tests-units-'));
  const results = path.join(scratch, 'allure-results');
  fs.mkdirSync(path.join(results, 'nested'), { recursive: true });
  fs.writeFileSync(path.join(results, 'a-result.json'), '{"uuid":"a"}');
  fs.writeFileSync(path.join(results, 'nested', 'b-attachment.txt'), 'x'.repeat(70_000));
  fs.mkdirSync(path.join(scratch, 'empty'));
  fs.writeFileSync(path.join(scratch, 'report.xml'), '\uFEFF  <?xml version="1.0"?><testsuites/>');
  fs.writeFileSync(path.join(scratch, 'notes.txt'), 'plain text');
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('what tests upload sends', () => {
  it('packs a folder as a tar.gz of its files as it is read, counting what was read and sent', async () => {
    const seen: number[] = [];
    const source = await openUploadSource(path.join(scratch, 'allure-results'), false, (counters) =>
      seen.push(counters.read),
    );
    expect(source).toMatchObject({ kind: 'folder', contentType: 'application/gzip' });
    expect(source.contentLength).toBeUndefined();
    const gzipped = await drain(source.body);
    const entries = await unpackTar(gunzipSync(gzipped));
    const files = entries
      .filter((entry) => entry.header.type === 'file')
      .map((entry) => [entry.header.name, entry.data?.length]);
    expect(files.sort()).toEqual([
      ['a-result.json', 12],
      ['nested/b-attachment.txt', 70_000],
    ]);
    expect(source.counters.sent).toBe(gzipped.length);
    // The estimate the bar is drawn against is what packing reads.
    expect(source.counters.read).toBe(source.expectedBytes);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('recognises archives and reports by their bytes, and refuses anything else in one line', async () => {
    const report = await openUploadSource(path.join(scratch, 'report.xml'), false);
    const size = fs.statSync(path.join(scratch, 'report.xml')).size;
    expect(report).toMatchObject({ kind: 'junit', contentType: 'application/xml', contentLength: size });
    expect((await drain(report.body)).length).toBe(size);
    const zip = path.join(scratch, 'results.zip');
    fs.writeFileSync(zip, Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
    const zipped = await openUploadSource(zip, false);
    expect(zipped).toMatchObject({ kind: 'zip', contentType: 'application/zip', contentLength: 6 });
    const tgz = path.join(scratch, 'results.tgz');
    fs.writeFileSync(tgz, Buffer.from([0x1f, 0x8b, 8, 0]));
    const gzipped = await openUploadSource(tgz, false);
    expect(gzipped).toMatchObject({ kind: 'tar.gz', contentType: 'application/gzip' });
    await Promise.all([drain(zipped.body), drain(gzipped.body)]);
    await expect(openUploadSource(path.join(scratch, 'notes.txt'), false)).rejects.toThrow(
      /notes\.txt is not a results folder, a \.zip, \.tar\.gz or \.tar of one, or a JUnit XML report/,
    );
    await expect(openUploadSource(path.join(scratch, 'empty'), false)).rejects.toThrow(/holds no files/);
    await expect(openUploadSource(path.join(scratch, 'missing'), false)).rejects.toThrow(
      /cannot read .*missing: ENOENT/,
    );
    await expect(openUploadSource(path.join(scratch, 'allure-results'), true)).rejects.toBeInstanceOf(
      UploadSourceError,
    );
  });
});

describe('upload progress', () => {
  const setup = (isTTY: boolean) => {
    const written: string[] = [];
    let time = 0;
    const progress = createPhaseProgress((done, total) => `${done}/${total ?? '?'} files`, {
      stream: { isTTY, write: (text: string) => written.push(text) },
      now: () => time,
    });
    return { written, progress, advance: (ms: number) => (time += ms) };
  };

  it('writes a line at most every five seconds in a log, and the last count it missed at the end', () => {
    const { written, progress, advance } = setup(false);
    progress.update(1, null);
    advance(1000);
    progress.update(2, 10);
    advance(4000);
    progress.update(5, 10);
    advance(1000);
    progress.update(7, 10);
    advance(100);
    progress.update(10, 10);
    progress.finish();
    expect(written).toEqual(['2/10 files\n', '7/10 files\n', '10/10 files\n']);
  });

  it('redraws a bar in place on a terminal, empty while the total is unknown, and clears it', () => {
    const { written, progress, advance } = setup(true);
    advance(1500);
    progress.update(3, null);
    advance(200);
    progress.update(5, 10);
    progress.finish();
    expect(written[0]).toBe(`\r${'░'.repeat(30)} 3/? files\u001b[K`);
    expect(written[1]).toBe(`\r${'█'.repeat(15)}${'░'.repeat(15)} 5/10 files\u001b[K`);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('says sizes in binary units', () => {
    expect([formatBytes(812), formatBytes(3.4 * 1024 * 1024), formatBytes(2 ** 30)]).toEqual([
      '812 B',
      '3.4 MiB',
      '1.0 GiB',
    ]);
  });
});
