import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { archiveEntryPath } from './archive-entries.ts';
import type { ByteBudget } from './byte-budget.ts';
import { ContractLoadError } from './errors.ts';

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1,000 times, so
 * between two checks of the budget an entry grows by 8 MiB at most, however it lies about its size.
 */
export const inflateStep = 8 * 1024;

/** An entry being read: its inflated chunks, and whether its last one came. */
interface EntryBytes {
  parts: Uint8Array[];
  complete: boolean;
}

/**
 * Unzips an archive into its files' bytes, within the budget, refusing unsafe entry names. The zip
 * is read as a stream (local headers, then data), so a bomb is stopped while it inflates; an archive
 * cut short is refused rather than read in part.
 */
export function unzipFiles(bytes: Uint8Array, budget: ByteBudget, archive: string): Map<string, Uint8Array> {
  if (!hasEndRecord(bytes)) {
    throw new ContractLoadError(
      'archive-error',
      `${archive} is cut short: its central directory is missing`,
      {
        file: archive,
      },
    );
  }
  const entries = new Map<string, EntryBytes>();
  const unzip = new Unzip((file) => {
    const path = archiveEntryPath(file.name, archive);
    if (path === null) return;
    // The local header's size, when the archive gives one: a bomb that admits its size stops here.
    if (file.originalSize !== undefined) budget.reserve(file.originalSize, path);
    const entry: EntryBytes = { parts: [], complete: false };
    entries.set(path, entry);
    readEntry(file, path, entry, budget, archive);
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += inflateStep) {
      unzip.push(bytes.subarray(at, at + inflateStep), at + inflateStep >= bytes.length);
    }
  } catch (error) {
    throw error instanceof ContractLoadError ? error : damaged(archive, error);
  }
  for (const [path, entry] of entries) {
    if (!entry.complete) throw damaged(archive, new Error(`${path} is cut short`));
  }
  return new Map([...entries].map(([path, entry]) => [path, concatenate(entry.parts)]));
}

function readEntry(file: UnzipFile, path: string, entry: EntryBytes, budget: ByteBudget, archive: string) {
  file.ondata = (error, chunk, final) => {
    // fflate hands an error thrown here back to this handler: the budget's own error goes on as it is.
    if (error) throw error instanceof ContractLoadError ? error : damaged(archive, error);
    // The bytes actually inflated: what stops a bomb whose header lies or says nothing.
    budget.spend(chunk.length, path);
    entry.parts.push(chunk);
    entry.complete = final;
  };
  // An entry compressed with a method other than store or deflate reports an error through ondata.
  file.start();
}

/** Whether the zip ends with its end-of-central-directory record (within the 64 KiB comment it may carry). */
function hasEndRecord(bytes: Uint8Array): boolean {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06)
      return true;
  }
  return false;
}

export function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

export function damaged(archive: string, error: unknown): ContractLoadError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ContractLoadError('archive-error', `${archive} cannot be unpacked: ${reason}`, {
    file: archive,
  });
}
