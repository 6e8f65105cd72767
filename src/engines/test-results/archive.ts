// Unpacks an uploaded results archive as it streams in. An upload is untrusted: a name may try to
// leave the folder, an entry may be a zip bomb, a million empty files may try to exhaust the
// importer. Every entry is checked while it unpacks, and only the entry being unpacked is held in
// memory, so a refusal costs at most one entry's bytes.

import {
  type ArchiveEntry,
  type ArchiveLimits,
  defaultArchiveLimits,
  UnpackBudget,
} from './archive-limits.ts';
import { gunzipChunks, tarEntries } from './archive-tar.ts';
import { zipEntries } from './archive-zip.ts';

export {
  type ArchiveEntry,
  type ArchiveLimits,
  type ArchiveRefusalReason,
  ArchiveRefused,
  defaultArchiveLimits,
  safeEntryPath,
} from './archive-limits.ts';

export type ArchiveKind = 'zip' | 'tar.gz' | 'tar';

/**
 * The files of an archive, one at a time, as its bytes stream in. Folders, links and other special
 * entries are skipped. Throws `ArchiveRefused` as soon as the archive breaks a limit or turns out
 * corrupt; errors of `source` itself pass through unchanged.
 */
export function archiveEntries(
  source: AsyncIterable<Uint8Array>,
  kind: ArchiveKind,
  limits: ArchiveLimits = defaultArchiveLimits,
): AsyncGenerator<ArchiveEntry> {
  const budget = new UnpackBudget(limits);
  if (kind === 'zip') return zipEntries(source, budget);
  if (kind === 'tar') return tarEntries(source, budget);
  return tarEntries(gunzipChunks(source, budget), budget);
}
