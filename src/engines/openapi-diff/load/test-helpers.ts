import { strToU8, zipSync } from 'fflate';
import { expect } from 'vitest';
import { ContractLoadError } from './errors.ts';

/** A tar entry for `tarArchive`: a regular file unless a type flag says otherwise ('5' folder, '2' symlink). */
export interface TarEntry {
  name: string;
  content?: string;
  type?: '0' | '2' | '5';
  linkName?: string;
}

/**
 * A ustar archive written byte by byte, independently of the reader under test: 512-byte headers
 * (name, mode, sizes in octal, checksum, type flag, "ustar" magic), data padded to 512 bytes, and
 * two zero blocks at the end.
 */
export function tarArchive(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const data = strToU8(entry.content ?? '');
    blocks.push(tarHeader(entry, data.length));
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  return joinBytes(blocks);
}

function tarHeader(entry: TarEntry, size: number): Uint8Array {
  const header = new Uint8Array(512);
  const write = (offset: number, length: number, text: string) => {
    header.set(strToU8(text).subarray(0, length), offset);
  };
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;
  write(0, 100, entry.name);
  write(100, 8, octal(0o644, 8));
  write(108, 8, octal(1000, 8));
  write(116, 8, octal(1000, 8));
  write(124, 12, octal(size, 12));
  write(136, 12, octal(1_700_000_000, 12));
  write(148, 8, '        '); // The checksum is computed with its own field as spaces.
  write(156, 1, entry.type ?? '0');
  write(157, 100, entry.linkName ?? '');
  write(257, 6, 'ustar\0');
  write(263, 2, '00');
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  write(148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** A zip of text files (deflated). */
export function zipArchive(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** What each bomb inflates to. */
export const bombSize = 100 * 1024 * 1024;

/**
 * A raw deflate stream of `size` zeros, written directly rather than compressed (compressing 100 MiB
 * takes seconds): one fixed-Huffman block of a literal zero, then matches of 258 bytes at distance 1,
 * 13 bits each, about 650 KiB in all.
 */
export function deflatedZeros(size: number): Uint8Array {
  const matches = Math.floor((size - 1) / 258);
  const literals = size - matches * 258;
  const bytes = new Uint8Array(Math.ceil((3 + literals * 8 + matches * 13 + 7) / 8));
  let bit = 0;
  const writeBits = (value: number, count: number) => {
    for (let i = 0; i < count; i += 1, bit += 1) {
      bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (((value >> i) & 1) << (bit & 7));
    }
  };
  // Huffman codes are stored most significant bit first.
  const writeCode = (code: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) writeBits((code >> i) & 1, 1);
  };
  writeBits(1, 1); // the final block,
  writeBits(1, 2); // with the fixed Huffman codes
  for (let i = 0; i < literals; i += 1) writeCode(0x30, 8); // literal 0
  for (let i = 0; i < matches; i += 1) {
    writeCode(0xc5, 8); // length 258 (symbol 285)
    writeCode(0, 5); // distance 1
  }
  writeCode(0, 7); // end of block
  return bytes;
}

/**
 * A zip whose one entry, openapi.yaml, inflates to 100 MiB of zeros. With `declared` its local header
 * says so; without, the header gives no sizes (as zips written as a stream do), and only counting the
 * inflated bytes can stop it.
 */
export function zipBomb(declared: boolean): Uint8Array {
  const name = strToU8('openapi.yaml');
  const data = deflatedZeros(bombSize);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(6, declared ? 0 : 0x08, true); // bit 3: sizes in a descriptor after the data
  local.setUint16(8, 8, true); // deflate
  local.setUint32(18, declared ? data.length : 0, true);
  local.setUint32(22, declared ? bombSize : 0, true);
  local.setUint16(26, name.length, true);
  const descriptor = new DataView(new ArrayBuffer(declared ? 0 : 16));
  if (!declared) {
    descriptor.setUint32(0, 0x08074b50, true);
    descriptor.setUint32(8, data.length, true);
    descriptor.setUint32(12, bombSize, true);
  }
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint16(8, declared ? 0 : 0x08, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, bombSize, true);
  central.setUint16(28, name.length, true);
  const centralOffset = 30 + name.length + data.length + descriptor.byteLength;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + name.length, true);
  end.setUint32(16, centralOffset, true);
  return joinBytes([local, name, data, descriptor, central, name, end]);
}

/** A gzip stream of 100 MiB of zeros; its trailer states the size, or (lying) states 0. */
export function gzipBomb(statedSize: number): Uint8Array {
  const header = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
  const trailer = new DataView(new ArrayBuffer(8));
  trailer.setUint32(4, statedSize, true); // The checksum (bytes 0-3) is never reached.
  return joinBytes([header, deflatedZeros(bombSize), trailer]);
}

function joinBytes(parts: readonly (Uint8Array | DataView)[]): Uint8Array {
  const views = parts.map((part) => (part instanceof DataView ? new Uint8Array(part.buffer) : part));
  const whole = new Uint8Array(views.reduce((total, view) => total + view.length, 0));
  let at = 0;
  for (const view of views) {
    whole.set(view, at);
    at += view.length;
  }
  return whole;
}

/** Runs a load expected to fail and gives its ContractLoadError. */
export async function loadError(load: () => Promise<unknown>): Promise<ContractLoadError> {
  const error = await load().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContractLoadError);
  if (!(error instanceof ContractLoadError)) throw new Error('expected a ContractLoadError');
  return error;
}

/**
 * A contract in four files: the entry refers to a schema file, whose User refers to a team file,
 * which refers back to User (a cycle between files), and to a shared file taken whole.
 */
export const multiFileContract: Record<string, string> = {
  'api/openapi.yaml': `openapi: 3.1.0
info: { title: Teams, version: 1.0.0 }
paths:
  /users/{id}:
    get:
      parameters:
        - $ref: './parameters.yaml#/UserId'
      responses:
        '200':
          description: The user
          content:
            application/json:
              schema: { $ref: './schemas/user.yaml#/User' }
        default: { $ref: '#/components/responses/Problem' }
components:
  responses:
    Problem: { description: A problem, content: { application/problem+json: { schema: { type: object } } } }
`,
  'api/parameters.yaml': `UserId: { name: id, in: path, required: true, schema: { type: string } }
`,
  'api/schemas/user.yaml': `User:
  type: object
  properties:
    id: { type: string }
    team: { $ref: 'team.yaml' }
`,
  'api/schemas/team.yaml': `type: object
properties:
  name: { type: string }
  members:
    type: array
    items: { $ref: 'user.yaml#/User' }
`,
  'api/README.md': '# Not part of the contract\n',
};
