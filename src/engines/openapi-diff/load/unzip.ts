import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { archiveEntryPath } from './archive-entries.ts';
import type { ByteBudget } from './byte-budget.ts';
import { ContractLoadError } from './errors.ts';

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1,000 times, so
 * between two checks of the budget an entry grows by 8 MiB at most, however it lies about its size.
 */
export const inflateStep = 8 * 1024;

/** Unzips an archive into its files' bytes, within the budget, refusing unsafe entry names. */
export function unzipFiles(bytes: Uint8Array, budget: ByteBudget, archive: string): Map<string, Uint8Array> {
  const chunks = new Map<string, Uint8Array[]>();
  const unzip = new Unzip((file) => {
    const path = archiveEntryPath(file.name, archive);
    if (path === null) return;
    // The local header's size, when the archive gives one: a bomb that admits its size stops here.
    if (file.originalSize !== undefined) budget.reserve(file.originalSize, path);
    const parts: Uint8Array[] = [];
    chunks.set(path, parts);
    readEntry(file, path, parts, budget, archive);
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += inflateStep) {
      unzip.push(bytes.subarray(at, at + inflateStep), at + inflateStep >= bytes.length);
    }
  } catch (error) {
    if (error instanceof ContractLoadError) throw error;
    throw damaged(archive, error);
  }
  return new Map([...chunks].map(([path, parts]) => [path, concatenate(parts)]));
}

function readEntry(file: UnzipFile, path: string, parts: Uint8Array[], budget: ByteBudget, archive: string) {
  file.ondata = (error, chunk) => {
    if (error) throw damaged(archive, error);
    // The bytes actually inflated: what stops a bomb whose header lies or says nothing.
    budget.spend(chunk.length, path);
    parts.push(chunk);
  };
  // An entry compressed with a method other than store or deflate reports an error through ondata.
  file.start();
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
