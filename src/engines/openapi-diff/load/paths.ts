import path from 'node:path';
import { ContractLoadError } from './errors.ts';

/**
 * A file's path inside a bundle, relative to its root with `/` separators: `./a//b.yaml` is `a/b.yaml`.
 * Absolute paths (`/etc/passwd`, `C:\x`) and paths that climb out (`a/../../b`) are refused: a bundle
 * never names anything outside itself.
 */
export function bundlePath(name: string, source: string): string {
  const slashed = name.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:\//.test(slashed)) {
    throw new ContractLoadError(
      'path-traversal',
      `${source}: "${name}" is an absolute path; a bundle holds relative paths only`,
      {
        file: name,
      },
    );
  }
  const normalized = path.posix.normalize(slashed);
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new ContractLoadError('path-traversal', `${source}: "${name}" points outside the bundle`, {
      file: name,
    });
  }
  return normalized.replace(/^\.\//, '');
}

/** The number of folders above a bundle path: 0 at the root. */
export function depthOf(file: string): number {
  return file.split('/').length - 1;
}

/** The file name without its folders. */
export function baseName(file: string): string {
  return path.posix.basename(file.replaceAll('\\', '/'));
}

/**
 * The bundle path a relative reference names, seen from `fromFile`; null when it climbs out of the
 * bundle or is absolute.
 */
export function resolveRelative(fromFile: string, reference: string): string | null {
  if (reference.startsWith('/') || reference.startsWith('\\')) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), reference));
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined;
}
