import fs from 'node:fs/promises';
import path from 'node:path';
import { createProgress, type ProgressStream } from './progress.ts';

/** One place where the code reads a flag key. */
export interface CodeReference {
  flagKey: string;
  /** Relative to the scanned folder, with forward slashes. */
  path: string;
  line: number;
  /** The line, trimmed and shortened. */
  excerpt: string;
}

export interface ScanResult {
  files: number;
  references: CodeReference[];
}

/** Folders that hold dependencies, history or build output rather than the project's own code. */
const skippedFolders = new Set(['node_modules', '.git', 'dist']);

/** Source and configuration files where code reads flags; images, archives and lock files are not read. */
const sourceExtensions = new Set(
  [
    'ts tsx mts cts js jsx mjs cjs vue svelte astro',
    'py rb php go java kt kts scala groovy cs fs vb swift m mm rs c cc cpp h hpp dart ex exs erl clj lua pl r jl',
    'html htm erb haml slim twig jinja liquid hbs mustache',
    'json yaml yml toml ini properties env xml tf hcl sh bash zsh ps1 sql graphql',
  ].flatMap((group) => group.split(' ')),
);

/** Bigger files are bundles or generated data, not code anyone edits. */
const largestFileBytes = 1024 * 1024;
const longestExcerpt = 200;
/** Trees with fewer files scan too quickly for progress to help. */
const progressFromFiles = 500;

function isSourceFile(name: string): boolean {
  const extension = path.extname(name).slice(1).toLowerCase();
  return sourceExtensions.has(extension) || name === 'Dockerfile' || name === 'Makefile';
}

/** Every source file under the folder, in a stable order. */
export async function sourceFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string): Promise<void> {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !skippedFolders.has(entry.name)) await walk(full);
      else if (entry.isFile() && isSourceFile(entry.name)) found.push(full);
    }
  }
  await walk(root);
  return found;
}

const escapeForPattern = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all keys. A key counts where it is not part of a longer name: the characters
 * around it are not letters, digits, `_` or `-` (flag keys are often kebab-case, so `-` continues a
 * name: `new-checkout` is not found inside `new-checkout-v2`). Longer keys are tried first so that
 * `checkout-v2` wins over `checkout` at the same place.
 */
export function keyPattern(keys: readonly string[]): RegExp {
  const alternatives = [...keys].sort((a, b) => b.length - a.length).map(escapeForPattern);
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
}

/** The references in one file's text. */
export function referencesIn(text: string, relativePath: string, pattern: RegExp): CodeReference[] {
  const references: CodeReference[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const keysOnLine = new Set<string>();
    for (const match of line.matchAll(pattern)) keysOnLine.add(match[0]);
    for (const flagKey of keysOnLine) {
      const trimmed = line.trim();
      const excerpt = trimmed.length > longestExcerpt ? `${trimmed.slice(0, longestExcerpt - 1)}…` : trimmed;
      references.push({ flagKey, path: relativePath, line: index + 1, excerpt });
    }
  }
  return references;
}

/**
 * Finds where the code under `root` reads each key. Progress is drawn on a terminal (stderr) for
 * large trees; a CI log gets nothing, the result says it all.
 */
export async function scanForKeys(
  root: string,
  keys: readonly string[],
  stream: ProgressStream = process.stderr,
): Promise<ScanResult> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw new Error(`${root} is not a folder`);
  const files = await sourceFiles(root);
  if (keys.length === 0) return { files: files.length, references: [] };
  const pattern = keyPattern(keys);
  const progress =
    stream.isTTY && files.length >= progressFromFiles
      ? createProgress({ total: files.length, unit: 'files', stream })
      : undefined;
  const references: CodeReference[] = [];
  for (const [index, file] of files.entries()) {
    const { size } = await fs.stat(file);
    if (size <= largestFileBytes) {
      const text = await fs.readFile(file, 'utf8');
      const relative = path.relative(root, file).split(path.sep).join('/');
      references.push(...referencesIn(text, relative, pattern));
    }
    progress?.update(index + 1);
  }
  progress?.finish();
  return { files: files.length, references };
}
