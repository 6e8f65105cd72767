// The limits an archive is unpacked under, and the refusal that breaking one raises.

export interface ArchiveLimits {
  /** Entries (files and folders) an archive may hold. */
  maxFiles: number;
  /** Unpacked bytes one entry may hold. */
  maxEntryBytes: number;
  /** Unpacked bytes all entries together may hold. */
  maxUnpackedBytes: number;
  /** How many times its compressed size an entry (a .tar.gz: the whole stream) may expand. */
  maxRatio: number;
  /**
   * Unpacked bytes below which the ratio is not judged: tiny entries of repeated text (a JSON file
   * of spaces) expand a lot without harm, and a bomb only matters once it is large.
   */
  ratioFloorBytes: number;
}

const mebibyte = 1024 * 1024;

export const defaultArchiveLimits: ArchiveLimits = {
  maxFiles: 250_000,
  maxEntryBytes: 50 * mebibyte,
  maxUnpackedBytes: 4 * 1024 * mebibyte,
  maxRatio: 200,
  ratioFloorBytes: mebibyte,
};

export type ArchiveRefusalReason =
  | 'traversal'
  | 'too-many-files'
  | 'entry-too-large'
  | 'unpacked-too-large'
  | 'ratio'
  | 'corrupt';

/** The archive was refused; `message` says why in words a user can act on. */
export class ArchiveRefused extends Error {
  override readonly name = 'ArchiveRefused';
  readonly reason: ArchiveRefusalReason;
  readonly path: string | undefined;

  constructor(reason: ArchiveRefusalReason, message: string, path?: string) {
    super(message);
    this.reason = reason;
    this.path = path;
  }
}

export interface ArchiveEntry {
  /** The entry's path inside the archive, with `/` separators, no `.` segments, never escaping it. */
  path: string;
  bytes: Uint8Array;
}

/**
 * The path an entry may be read under, or a refusal when its name escapes the folder: `..`
 * segments, absolute paths, drive letters (`C:\x`) and NUL bytes. Backslashes count as separators,
 * since archives made on Windows use them.
 */
export function safeEntryPath(name: string): string {
  const unified = name.replaceAll('\\', '/');
  if (unified.includes('\0')) throw new ArchiveRefused('traversal', `entry name holds a NUL byte: ${name}`);
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified)) {
    throw new ArchiveRefused(
      'traversal',
      `entry path is absolute, outside the results folder: ${name}`,
      name,
    );
  }
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) {
    throw new ArchiveRefused('traversal', `entry path leaves the results folder: ${name}`, name);
  }
  return segments.join('/');
}

/** Counts what an archive unpacks against the limits; one per archive. */
export class UnpackBudget {
  private entries = 0;
  private unpacked = 0;

  constructor(readonly limits: ArchiveLimits) {}

  /** Counts one more entry and answers the path it may be read under. */
  enter(name: string): string {
    this.entries += 1;
    if (this.entries > this.limits.maxFiles) {
      throw new ArchiveRefused(
        'too-many-files',
        `the archive holds more than ${this.limits.maxFiles} files`,
        name,
      );
    }
    return safeEntryPath(name);
  }

  /** Refuses an entry that declares a size over the limit before any of it is unpacked. */
  declare(path: string, size: number | undefined): void {
    if (size !== undefined && size > this.limits.maxEntryBytes) this.entryTooLarge(path);
  }

  /**
   * Counts `added` more bytes of an entry that now holds `entryBytes`; `compressedBytes` is what it
   * has taken in so far when the entry is compressed on its own.
   */
  add(path: string, added: number, entryBytes: number, compressedBytes?: number): void {
    this.unpacked += added;
    if (entryBytes > this.limits.maxEntryBytes) this.entryTooLarge(path);
    if (this.unpacked > this.limits.maxUnpackedBytes) {
      throw new ArchiveRefused(
        'unpacked-too-large',
        `the archive unpacks to more than ${this.limits.maxUnpackedBytes} bytes`,
        path,
      );
    }
    if (compressedBytes !== undefined) this.checkRatio(entryBytes, compressedBytes, path);
  }

  /** Refuses bytes that expanded more than the ratio allows (a zip bomb). */
  checkRatio(unpackedBytes: number, compressedBytes: number, path?: string): void {
    if (unpackedBytes <= this.limits.ratioFloorBytes) return;
    if (unpackedBytes > this.limits.maxRatio * Math.max(compressedBytes, 1)) {
      const where = path === undefined ? 'the archive' : `entry ${path}`;
      throw new ArchiveRefused(
        'ratio',
        `${where} expands more than ${this.limits.maxRatio} times its compressed size (a zip bomb)`,
        path,
      );
    }
  }

  /**
   * The most an entry that took in `compressedBytes` may unpack to within the limits: an inflater
   * stops there, so a bomb never expands in memory.
   */
  inflateBound(compressedBytes: number): number {
    const byRatio = Math.max(
      this.limits.ratioFloorBytes,
      this.limits.maxRatio * Math.max(compressedBytes, 1),
    );
    return Math.min(this.limits.maxEntryBytes, byRatio);
  }

  /** Refuses an entry whose inflater went past `inflateBound`, for the limit that bound it. */
  refuseOverflow(path: string, compressedBytes: number): never {
    const bound = this.inflateBound(compressedBytes);
    if (bound === this.limits.maxEntryBytes) this.entryTooLarge(path);
    this.checkRatio(bound + 1, compressedBytes, path);
    throw new ArchiveRefused('ratio', `entry ${path} expands more than the limits allow`, path);
  }

  private entryTooLarge(path: string): never {
    throw new ArchiveRefused(
      'entry-too-large',
      `entry ${path} is larger than ${this.limits.maxEntryBytes} bytes`,
      path,
    );
  }
}

/** Joins an entry's chunks into one array. */
export function concatChunks(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
