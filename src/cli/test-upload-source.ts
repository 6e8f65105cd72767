import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { packTar } from 'modern-tar/fs';

/** What is uploaded, as the server reads it. */
export type UploadKind = 'folder' | 'zip' | 'tar.gz' | 'tar' | 'junit';

export const contentTypes: Record<UploadKind, string> = {
  folder: 'application/gzip',
  zip: 'application/zip',
  'tar.gz': 'application/gzip',
  tar: 'application/x-tar',
  junit: 'application/xml',
};

/** The body of an upload, read as it is sent: nothing of it is held whole in memory. */
export interface UploadSource {
  kind: UploadKind;
  contentType: string;
  /** The bytes sent, in order. */
  body: Readable;
  /** Known for a file; a folder is packed as it goes, so its size is known only at the end. */
  contentLength?: number;
  /**
   * What `read` is counted against: the file's size, or for a folder the size of its tar before
   * compression (what packing reads), so the bar moves with the work even though the gzip size is unknown.
   */
  expectedBytes: number;
  /** Bytes read so far towards expectedBytes, and bytes that left for the server. */
  counters: { read: number; sent: number };
}

/** A bad argument, said in one line before anything is sent. */
export class UploadSourceError extends Error {}

const tarBlock = 512;

/** Files and their tar size: a header per entry, contents padded to blocks, two end blocks. */
async function folderSize(root: string): Promise<{ files: number; tarBytes: number }> {
  let files = 0;
  let tarBytes = 2 * tarBlock;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fsp.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      // Long names take a PAX header of their own: counted roughly, this is only for the bar.
      tarBytes += tarBlock + (full.length - root.length > 100 ? 2 * tarBlock : 0);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        files++;
        tarBytes += Math.ceil((await fsp.stat(full)).size / tarBlock) * tarBlock;
      }
    }
  };
  await walk(root);
  return { files, tarBytes };
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** A pass-through that counts what crosses it. */
function counter(count: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      count(chunk.length);
      done(null, chunk);
    },
  });
}

/** An archive or report by its first bytes, whatever its name says. */
function kindOf(head: Buffer, name: string): UploadKind {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
  if (head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'junit';
  throw new UploadSourceError(
    `${name} is not a results folder, a .zip, .tar.gz or .tar of one, or a JUnit XML report`,
  );
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fsp.open(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Told each time bytes are read or sent. */
export type OnProgress = (counters: { read: number; sent: number }) => void;

function fileSource(file: string, size: number, kind: UploadKind, onProgress: OnProgress): UploadSource {
  const counters = { read: 0, sent: 0 };
  const body = new PassThrough();
  const count = counter((bytes) => {
    counters.read += bytes;
    counters.sent += bytes;
    onProgress(counters);
  });
  pipeline(fs.createReadStream(file), count, body).catch((error: unknown) => body.destroy(asError(error)));
  return { kind, contentType: contentTypes[kind], body, contentLength: size, expectedBytes: size, counters };
}

/** A folder packed as tar.gz while it is sent: a file is read only when the server takes more. */
function folderSource(folder: string, tarBytes: number, onProgress: OnProgress): UploadSource {
  const counters = { read: 0, sent: 0 };
  const body = new PassThrough();
  pipeline(
    packTar(folder),
    counter((bytes) => {
      counters.read += bytes;
      onProgress(counters);
    }),
    createGzip(),
    counter((bytes) => {
      counters.sent += bytes;
      onProgress(counters);
    }),
    body,
  ).catch((error: unknown) => body.destroy(asError(error)));
  return { kind: 'folder', contentType: contentTypes.folder, body, expectedBytes: tarBytes, counters };
}

/**
 * Opens what `shipshape tests upload` was given: a results folder (packed on the fly), a .zip,
 * .tar.gz or .tar of one, or a JUnit report (`--junit`, or any file that starts as XML).
 */
export async function openUploadSource(
  target: string,
  junit: boolean,
  onProgress: OnProgress = () => {},
): Promise<UploadSource> {
  let stat: fs.Stats;
  try {
    stat = await fsp.stat(target);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    throw new UploadSourceError(`cannot read ${target}: ${code ?? String(error)}`);
  }
  if (stat.isDirectory()) {
    if (junit) throw new UploadSourceError(`--junit takes one XML report; ${target} is a folder`);
    const { files, tarBytes } = await folderSize(target);
    if (files === 0) throw new UploadSourceError(`${target} holds no files: nothing to upload`);
    return folderSource(target, tarBytes, onProgress);
  }
  const kind = junit ? 'junit' : kindOf(await readHead(target), target);
  return fileSource(target, stat.size, kind, onProgress);
}
