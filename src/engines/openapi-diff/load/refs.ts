import type { Json } from '../types.ts';
import { ContractLoadError } from './errors.ts';
import { isJsonObject } from './parse-text.ts';
import { resolveRelative } from './paths.ts';

/** A `$ref` found in a file, with the JSON pointer of the object that holds it. */
export interface RefSite {
  ref: string;
  pointer: string;
}

/** Where a `$ref` leads: a file of the bundle (the same one for `#/…`) and a fragment (`/components/…`). */
export interface RefTarget {
  file: string;
  fragment: string;
}

/**
 * Every `$ref` string in a document, in document order. Walks with a stack, so deeply nested
 * documents cannot overflow the call stack; children are stacked last first to come off in order.
 */
export function findRefs(root: Json): RefSite[] {
  const found: RefSite[] = [];
  const stack: { node: Json; pointer: string }[] = [{ node: root, pointer: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, pointer } = item;
    const children: [string, Json][] = Array.isArray(node)
      ? node.map((child, index) => [String(index), child])
      : isJsonObject(node)
        ? Object.entries(node)
        : [];
    if (isJsonObject(node) && typeof node.$ref === 'string') found.push({ ref: node.$ref, pointer });
    for (const [key, child] of children.reverse()) {
      if (typeof child === 'object' && child !== null) {
        stack.push({ node: child, pointer: `${pointer}/${escapePointer(key)}` });
      }
    }
  }
  return found;
}

/**
 * Resolves a `$ref` against the file it is written in. URLs (`https:`, `file:`, `//host/…`, any
 * scheme) are refused before anything could fetch them; paths that leave the bundle are refused.
 */
export function refTarget(site: RefSite, fromFile: string): RefTarget {
  const hashAt = site.ref.indexOf('#');
  const address = hashAt === -1 ? site.ref : site.ref.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : safeDecode(site.ref.slice(hashAt + 1));
  const where = { file: fromFile, pointer: site.pointer };
  if (address === '') return { file: fromFile, fragment };
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(address) || address.startsWith('//')) {
    throw new ContractLoadError(
      'remote-ref',
      `${fromFile}: $ref "${site.ref}" at ${site.pointer || '/'} names a URL; contracts are never fetched, so bundle that file with the contract`,
      where,
    );
  }
  const file = resolveRelative(fromFile, safeDecode(address));
  if (file === null) {
    throw new ContractLoadError(
      'path-traversal',
      `${fromFile}: $ref "${site.ref}" at ${site.pointer || '/'} points outside the bundle`,
      where,
    );
  }
  return { file, fragment };
}

/** The node a JSON pointer (`/components/schemas/User`) names in a document, or undefined. */
export function nodeAt(document: Json, pointer: string): Json | undefined {
  if (pointer === '') return document;
  let node: Json | undefined = document;
  for (const token of pointer.slice(1).split('/').map(unescapePointer)) {
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else if (isJsonObject(node)) node = Object.hasOwn(node, token) ? node[token] : undefined;
    else return undefined;
  }
  return node;
}

/** Whether a fragment is a JSON pointer (`/a/b` or empty) rather than a plain-name anchor (`#user`). */
export function isPointer(fragment: string): boolean {
  return fragment === '' || fragment.startsWith('/');
}

function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapePointer(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** References are URIs: `%7Bid%7D` is `{id}`, `my%20file.yaml` is `my file.yaml`. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
