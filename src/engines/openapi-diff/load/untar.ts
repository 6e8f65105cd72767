import { unpackTar } from 'modern-tar';
import { archiveEntryPath } from './archive-entries.ts';
import type { ByteBudget } from './byte-budget.ts';
import { ContractLoadError } from './errors.ts';
import { damaged } from './unzip.ts';

/**
 * Reads a tar archive's regular files (ustar, pax and GNU long names) with modern-tar, which keeps
 * entry names as written so unsafe ones can be refused. Links, devices and folders are skipped:
 * only a file's own bytes are ever read.
 */
export async function untarFiles(
  bytes: Uint8Array,
  budget: ByteBudget,
  archive: string,
): Promise<Map<string, Uint8Array>> {
  const paths = new Map<string, string>();
  let entries: Awaited<ReturnType<typeof unpackTar>>;
  try {
    entries = await unpackTar(bytes, {
      // Checksums and the archive's end are checked: a damaged archive is refused, not half read.
      strict: true,
      filter: (header) => {
        if ((header.type ?? 'file') !== 'file') return false;
        const path = archiveEntryPath(header.name, archive);
        if (path === null) return false;
        budget.spend(header.size, path);
        paths.set(header.name, path);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ContractLoadError) throw error;
    throw damaged(archive, error);
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const path = paths.get(entry.header.name);
    if (path !== undefined && entry.data) files.set(path, entry.data);
  }
  return files;
}
