import fs from 'node:fs';
import path from 'node:path';
import type { ContractInput } from '../engines/openapi-diff/load/index.ts';
import {
  ContractSourceError,
  type ContractTree,
  diskTree,
  gitTree,
  parseGitReference,
} from './contract-tree.ts';

export { ContractSourceError } from './contract-tree.ts';

/** A contract read from disk or from git, ready for the loader. */
export interface ContractSource {
  /** The argument as the user wrote it. */
  label: string;
  input: ContractInput;
  /** The entry file as reports name it (relative to the working directory, or to the repository's top in git), and its text. */
  entry: { path: string; text?: string };
  /** Bytes read, for progress on big contracts. */
  size: number;
  /** A file the loader names (relative to the bundle it was given) as the user knows it. */
  display(file: string): string;
}

/** Files that are a contract's entry when a folder is given, most likely first. */
const entryNames = [
  'openapi.yaml',
  'openapi.yml',
  'openapi.json',
  'swagger.yaml',
  'swagger.yml',
  'swagger.json',
  'schema.graphql',
  'schema.graphqls',
  'schema.gql',
];

/** Whether bytes are a zip, gzip or tar archive, by their magic numbers. */
export function isArchive(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tar = Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar';
  return zip || gzip || tar;
}

/**
 * The files other files point at with relative `$ref`s (`./schemas/user.yaml#/User`): URLs are left
 * to the loader, which refuses them. A scan of the text, not a parse: it is fast on a 12 MB document,
 * and a file it lists needlessly costs only its reading.
 */
export function relativeReferences(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/["']?\$ref["']?\s*:\s*["']?([^"'\s,}#]+)/g)) {
    const target = match[1] ?? '';
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) found.add(target);
  }
  return [...found];
}

/** The entry file in a folder: the one with an entry name at the shallowest depth. */
async function findEntry(tree: ContractTree, folder: string): Promise<string> {
  const files = await tree.list(folder);
  const candidates = files.filter((file) => entryNames.includes(path.posix.basename(file).toLowerCase()));
  const depth = (file: string) => file.split('/').length;
  const shallowest = Math.min(...candidates.map(depth));
  const found = candidates.filter((file) => depth(file) === shallowest);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0)
    throw new ContractSourceError(
      `${tree.label(folder)} holds no ${entryNames.slice(0, 3).join(', ')} or the like`,
    );
  throw new ContractSourceError(
    `${tree.label(folder)} holds several contracts (${found.join(', ')}): name the file instead of the folder`,
  );
}

/** The entry and every file its relative `$ref`s reach, transitively; missing ones are the loader's to report. */
async function withReferences(tree: ContractTree, entry: string, text: string): Promise<Map<string, string>> {
  const files = new Map([[entry, text]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const target of relativeReferences(files.get(file) ?? '')) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (files.has(resolved) || (await tree.kind(resolved)) !== 'file') continue;
      files.set(resolved, (await tree.read(resolved)).toString('utf8'));
      queue.push(resolved);
    }
  }
  return files;
}

/** The deepest folder holding every file, so the loader sees no `../` above its root. */
function commonFolder(files: string[]): string {
  const folders = files.map((file) => path.posix.dirname(file).split('/'));
  const [first = [], ...rest] = folders;
  let length = first.length;
  for (const folder of rest) {
    let same = 0;
    while (same < Math.min(length, folder.length) && folder[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join('/') || '.';
}

function fromText(
  label: string,
  tree: ContractTree,
  entry: string,
  files: Map<string, string>,
): ContractSource {
  const text = files.get(entry) ?? '';
  const size = [...files.values()].reduce((total, content) => total + Buffer.byteLength(content), 0);
  const common = { label, entry: { path: entry, text }, size };
  if (files.size === 1)
    return { ...common, input: { kind: 'text', name: tree.label(entry), text }, display: (file) => file };
  const root = commonFolder([...files.keys()]);
  const bundle = Object.fromEntries(
    [...files].map(([file, content]) => [path.posix.relative(root, file), content]),
  );
  return {
    ...common,
    input: { kind: 'files', files: bundle, entry: path.posix.relative(root, entry) },
    display: (file) => tree.label(path.posix.join(root, file)),
  };
}

/**
 * Reads a contract argument: a JSON, YAML or GraphQL file with the files its relative `$ref`s reach,
 * a .zip or .tar.gz bundle, a folder (its openapi.yaml or the like is the entry), or any of these at a
 * git ref as `<ref>:<path>` (`origin/main:api/openapi.yaml`). A path that exists on disk wins over a
 * ref of the same spelling.
 */
export async function readContractSource(
  argument: string,
  cwd: string = process.cwd(),
): Promise<ContractSource> {
  const exists = fs.existsSync(path.resolve(cwd, argument));
  if (!exists && /^[a-z][a-z0-9+.-]*:\/\//i.test(argument))
    throw new ContractSourceError(
      `${argument}: contracts are read from files or git, never fetched; download it first`,
    );
  const reference = exists ? null : parseGitReference(argument);
  const tree = reference ? await gitTree(reference.ref, cwd) : diskTree(cwd);
  const start = tree.pathOf(reference ? reference.file : argument);
  const kind = await tree.kind(start);
  if (kind === null) throw new ContractSourceError(`no such file or folder: ${tree.label(start)}`);
  const entry = kind === 'directory' ? path.posix.join(start, await findEntry(tree, start)) : start;
  const bytes = await tree.read(entry);
  if (isArchive(bytes))
    return {
      label: argument,
      input: { kind: 'archive', name: tree.label(entry), bytes: new Uint8Array(bytes) },
      entry: { path: entry },
      size: bytes.length,
      display: (file) => `${tree.label(entry)}!${file}`,
    };
  return fromText(argument, tree, entry, await withReferences(tree, entry, bytes.toString('utf8')));
}
