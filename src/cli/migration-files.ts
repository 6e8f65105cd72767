import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { discoverMigrations, type MigrationSource, type NotAnalysedFile } from '../engines/sql-lint/index.ts';

const run = promisify(execFile);

/** Folders that never hold a project's own migrations. */
const skippedFolders = new Set(['node_modules', '.git']);

/** A reason the migrations could not be read (a missing path, no git repository, an unknown ref). */
export class MigrationFilesError extends Error {}

export interface ReadOptions {
  /** Only migrations added since this git ref (committed, staged, or new and untracked). */
  since?: string;
  /** Paths are resolved against, and reported relative to, this folder. Default: the working directory. */
  cwd?: string;
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) visit(child);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(path.join(folder, child)))) {
        found.push(child);
      }
    }
  };
  visit('');
  return found;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The path with symbolic links resolved, as git reports it (the path itself when it cannot be resolved). */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** A path as reports show it: relative to the working directory, forward slashes. */
function displayPath(cwd: string, absolute: string): string {
  return (path.relative(cwd, absolute) || path.basename(absolute)).split(path.sep).join('/');
}

/**
 * Reads the migrations under the given files and folders, in the order their tools apply them: the
 * SQL ones as sources for the engine, the ones in other languages as not analysed. A file named
 * explicitly is linted as SQL even where discovery would pass over it (a down script, say).
 */
export async function readMigrationSources(
  paths: string[],
  options: ReadOptions = {},
): Promise<{ sources: MigrationSource[]; skipped: NotAnalysedFile[] }> {
  const cwd = options.cwd ?? process.cwd();
  const sources: MigrationSource[] = [];
  const skipped: NotAnalysedFile[] = [];
  const seen = new Set<string>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const root = path.resolve(cwd, given);
    const added = options.since === undefined ? undefined : await addedSince(root, options.since);
    for (const migration of discoverUnder(root, cwd)) {
      const absolute = path.resolve(cwd, migration.path);
      if (seen.has(absolute) || (added && !added.has(realPath(absolute)))) continue;
      seen.add(absolute);
      if (!migration.analysed) {
        skipped.push({ path: migration.path, reason: migration.reason ?? 'not analysed' });
        continue;
      }
      const source: MigrationSource = { path: migration.path, sql: fs.readFileSync(absolute, 'utf8') };
      if (migration.runsInTransaction !== undefined) source.runsInTransaction = migration.runsInTransaction;
      sources.push(source);
    }
  }
  return { sources, skipped };
}

/** The migrations under one root (a folder or a single file), paths relative to the working directory. */
function discoverUnder(root: string, cwd: string): ReturnType<typeof discoverMigrations> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new MigrationFilesError(`no such file or folder: ${displayPath(cwd, root)}`);
  }
  const read = (relative: string) => fs.readFileSync(path.resolve(cwd, relative), 'utf8');
  if (stat.isFile()) {
    const single = displayPath(cwd, root);
    const found = discoverMigrations([single], read);
    return found.length > 0 ? found : [{ path: single, framework: 'sql', analysed: true }];
  }
  const files = filesUnder(root).map((relative) => displayPath(cwd, path.join(root, relative)));
  return discoverMigrations(files, read);
}

/** Absolute paths of the files under `root` added since `ref`: in commits, staged, or untracked. */
async function addedSince(root: string, ref: string): Promise<Set<string>> {
  // A ref that looks like an option would be read as one by git.
  if (ref.startsWith('-')) throw new MigrationFilesError(`--since: "${ref}" is not a git ref`);
  const real = realPath(root);
  const folder = isFile(real) ? path.dirname(real) : real;
  const git = async (args: string[], cwd: string) =>
    (await run('git', args, { cwd, maxBuffer: 64 << 20 })).stdout;
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], folder)).trim();
  } catch {
    throw new MigrationFilesError(`--since needs a git repository, and ${folder} is not in one`);
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new MigrationFilesError(`--since: unknown git ref "${ref}" in ${top}`);
  }
  // Both commands answer paths relative to the top of the repository when run there.
  const committed = await git(['diff', '--name-only', '-z', '--diff-filter=A', ref, '--', real], top);
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard', '--', real], top);
  return new Set(
    `${committed}\0${untracked}`
      .split('\0')
      .filter((name) => name !== '')
      .map((name) => path.resolve(top, name)),
  );
}
