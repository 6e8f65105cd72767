import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A contract argument that cannot be read: a missing file, an unknown git ref (exit 2). */
export class ContractSourceError extends Error {}

/** Folders that never hold a contract worth reading. */
const skippedFolders = new Set(['node_modules', '.git']);

/**
 * Files a contract is read from: the working tree on disk, or a commit of a git repository (so a CI
 * job can compare against `origin/main:openapi.yaml` without checking the base out). Paths are
 * POSIX-style: relative to the working directory on disk, to the repository's top in git.
 */
export interface ContractTree {
  /** A path as the user wrote it, as this tree names it. */
  pathOf(argument: string): string;
  /** How a path is named in messages: `api/openapi.yaml`, `origin/main:api/openapi.yaml`. */
  label(file: string): string;
  kind(file: string): Promise<'file' | 'directory' | null>;
  read(file: string): Promise<Buffer>;
  /** Every file below a folder, relative to it, skipping node_modules, .git and hidden folders. */
  list(folder: string): Promise<string[]>;
}

/** The working tree, paths relative to `cwd`. */
export function diskTree(cwd: string): ContractTree {
  const absolute = (file: string) => path.resolve(cwd, file);
  const list = async (folder: string): Promise<string[]> => {
    const found: string[] = [];
    for (const entry of await fs.readdir(absolute(folder), { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name) || entry.name.startsWith('.')) continue;
        const below = await list(path.posix.join(folder, entry.name));
        found.push(...below.map((file) => `${entry.name}/${file}`));
      } else if (entry.isFile() || entry.isSymbolicLink()) found.push(entry.name);
    }
    return found;
  };
  return {
    pathOf: (argument) => (path.relative(cwd, path.resolve(cwd, argument)) || '.').split(path.sep).join('/'),
    label: (file) => file,
    async kind(file) {
      const stat = await fs.stat(absolute(file)).catch(() => null);
      return stat?.isDirectory() ? 'directory' : stat?.isFile() ? 'file' : null;
    },
    read: (file) => fs.readFile(absolute(file)),
    list,
  };
}

/** `origin/main:api/openapi.yaml` split into the ref and the path, or null for a plain path. */
export function parseGitReference(argument: string): { ref: string; file: string } | null {
  // A Windows drive letter (`C:\api.yaml`) is a path, not a ref.
  if (/^[A-Za-z]:[\\/]/.test(argument)) return null;
  const match = /^([^:]+):(.+)$/.exec(argument);
  if (!match?.[1] || !match[2]) return null;
  return { ref: match[1], file: match[2] };
}

async function git(args: string[], cwd: string): Promise<Buffer> {
  return (await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 << 20 })).stdout;
}

/**
 * A commit of the repository `cwd` is in. Paths are from the repository's top, as `git show
 * ref:path` reads them; `./` and `../` paths are taken from the working directory, as git does.
 */
export async function gitTree(ref: string, cwd: string): Promise<ContractTree> {
  // A ref that looks like an option would be read as one by git.
  if (ref.startsWith('-')) throw new ContractSourceError(`"${ref}" is not a git ref`);
  let prefix: string;
  try {
    prefix = (await git(['rev-parse', '--show-prefix'], cwd)).toString('utf8').trim();
  } catch {
    throw new ContractSourceError(`${ref}:… needs a git repository, and ${cwd} is not in one`);
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new ContractSourceError(`unknown git ref "${ref}"`);
  }
  const object = (file: string) => `${ref}:${file}`;
  return {
    pathOf: (file) => (/^\.\.?\//.test(file) ? path.posix.normalize(`${prefix}${file}`) : file),
    label: object,
    async kind(file) {
      const type = await git(['cat-file', '-t', object(file)], cwd).catch(() => null);
      const name = type?.toString('utf8').trim();
      return name === 'blob' ? 'file' : name === 'tree' ? 'directory' : null;
    },
    read: (file) => git(['cat-file', 'blob', object(file)], cwd),
    async list(folder) {
      const names = (
        await git(['ls-tree', '-r', '--full-tree', '--name-only', '-z', object(folder)], cwd)
      ).toString('utf8');
      return names
        .split('\0')
        .filter((name) => name !== '')
        .filter((name) => !name.split('/').some((part) => skippedFolders.has(part) || part.startsWith('.')));
    },
  };
}
