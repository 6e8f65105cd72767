import { bundlePath } from './paths.ts';

/**
 * The bundle path of an archive entry, or null for entries that are not the contract's files:
 * folders, and the `__MACOSX/` resource forks macOS adds to the zips it makes. Absolute paths and
 * `..` are refused (path-traversal), never quietly rewritten.
 */
export function archiveEntryPath(name: string, archive: string): string | null {
  if (name.endsWith('/') || name.endsWith('\\')) return null;
  const path = bundlePath(name, archive);
  if (path === '__MACOSX' || path.startsWith('__MACOSX/') || path === '.') return null;
  return path;
}

const decoder = new TextDecoder('utf-8');

/** An archive's file as text (UTF-8, a byte order mark dropped). */
export function entryText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
