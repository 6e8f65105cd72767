import { entryText } from './archive-entries.ts';
import { ByteBudget } from './byte-budget.ts';
import { ContractLoadError } from './errors.ts';
import { gunzipWithin } from './gunzip.ts';
import { baseName } from './paths.ts';
import { untarFiles } from './untar.ts';
import { unzipFiles } from './unzip.ts';

export type ArchiveFormat = 'zip' | 'gzip' | 'tar';

/** Tells an archive's kind by its first bytes, whatever its name says. */
export function archiveFormat(bytes: Uint8Array): ArchiveFormat | null {
  // Local file header, or the end record of an empty zip.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (isTar(bytes)) return 'tar';
  return null;
}

/**
 * Unpacks a .zip, .tar, .tar.gz/.tgz (or a single gzipped document) into its files as text, keyed by
 * their paths inside the archive, refusing archives that unpack to more than `maxBytes`.
 */
export async function unpackArchive(
  name: string,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<Map<string, string>> {
  const budget = new ByteBudget(maxBytes, name);
  const format = archiveFormat(bytes);
  let files: Map<string, Uint8Array>;
  if (format === 'zip') files = unzipFiles(bytes, budget, name);
  else if (format === 'tar') files = await untarFiles(bytes, budget, name);
  else if (format === 'gzip') {
    const inflated = gunzipWithin(bytes, budget, name);
    // The tar's files are inside what was just counted: they need no budget of their own.
    if (isTar(inflated)) files = await untarFiles(inflated, new ByteBudget(maxBytes, name), name);
    else files = new Map([[baseName(name).replace(/\.gz$/i, '') || 'contract', inflated]]);
  } else {
    throw new ContractLoadError('archive-error', `${name} is not a zip, tar or gzip archive`, { file: name });
  }
  return new Map([...files].map(([path, data]) => [path, entryText(data)]));
}

/** A ustar header has its magic ("ustar") at byte 257. */
function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && String.fromCharCode(...bytes.subarray(257, 262)) === 'ustar';
}
