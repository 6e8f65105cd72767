import { stringify } from 'yaml';
import { isObject, normalisePath, pointerSegment, resolveNode } from '../document.ts';
import type { Json, OpenApiDocument } from '../types.ts';

/** Excerpts are cut to this many lines: enough to see the change, short enough to read. */
export const excerptLines = 30;
/** Only this much of a subtree is copied for rendering, however large the contract. */
const copyDepth = 8;
const copyNodes = 400;

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function encodePointer(segments: string[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}

function child(node: Json | undefined, key: string): Json | undefined {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  return isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/** The node at a pointer, following a `$ref` met on the way (a pointer may run through one). */
function nodeAt(document: OpenApiDocument, segments: string[]): Json | undefined {
  let node: Json | undefined = document;
  for (const key of segments) {
    if (isObject(node) && typeof node.$ref === 'string' && !Object.hasOwn(node, key)) {
      node = resolveNode(document, node)?.node;
    }
    node = child(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * The pointer, in another version of the document, of the node a pointer names in this one: the path
 * found by its shape (`/users/{id}` is `/users/{userId}`), a parameter by its name and location
 * rather than its position. Null when the other version has no such path or parameter.
 */
export function counterpartPointer(
  from: OpenApiDocument,
  to: OpenApiDocument,
  pointer: string,
): string | null {
  const original = decodePointer(pointer);
  const segments = [...original];
  if (segments[0] === 'paths' && segments[1] !== undefined) {
    const written = segments[1];
    const paths = Object.keys(isObject(to.paths) ? to.paths : {});
    const match = paths.includes(written)
      ? written
      : paths.find((path) => normalisePath(path) === normalisePath(written));
    if (match === undefined) return null;
    segments[1] = match;
  }
  for (const [index, segment] of segments.entries()) {
    const position = segments[index + 1];
    if (segment !== 'parameters' || position === undefined || !/^\d+$/.test(position)) continue;
    const parameter = resolveNode(from, nodeAt(from, original.slice(0, index + 2)))?.node;
    const list = nodeAt(to, segments.slice(0, index + 1));
    if (!parameter || !Array.isArray(list)) return null;
    const found = list.findIndex((candidate) => {
      const resolved = resolveNode(to, candidate)?.node;
      return resolved?.name === parameter.name && resolved?.in === parameter.in;
    });
    if (found < 0) return null;
    segments[index + 1] = String(found);
  }
  return encodePointer(segments);
}

/**
 * The part of a document at a pointer, as YAML under its own key (so a removed property shows its
 * name), cut to `excerptLines` lines. A `$ref` there is followed one level and named in a comment; a
 * single value (a `maxLength`) is shown with the schema holding it. Null when nothing is there.
 */
export function excerptAt(document: OpenApiDocument, pointer: string): string | null {
  let segments = decodePointer(pointer);
  let node = nodeAt(document, segments);
  if (node !== undefined && !isObject(node) && !Array.isArray(node) && segments.length > 0) {
    segments = segments.slice(0, -1);
    node = nodeAt(document, segments);
  }
  if (node === undefined) return null;
  const resolved = isObject(node) && typeof node.$ref === 'string' ? resolveNode(document, node) : undefined;
  const shown = copyLimited(resolved?.node ?? node);
  const key = segments.at(-1);
  const inList = Array.isArray(nodeAt(document, segments.slice(0, -1)));
  const keyed = key !== undefined && !inList ? { [key]: shown } : shown;
  const lines = stringify(keyed, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd().split('\n');
  if (resolved?.ref) lines.unshift(`# ${resolved.ref}`);
  if (lines.length <= excerptLines) return lines.join('\n');
  const hidden = lines.length - excerptLines;
  return [...lines.slice(0, excerptLines), `# … ${hidden} more line${hidden === 1 ? '' : 's'}`].join('\n');
}

/**
 * A copy of the first part of a subtree, in document order: deeper or later parts become `…`. The
 * copy is a tree even when the contract shares or loops its objects, and small however large it is.
 */
function copyLimited(root: Json): Json {
  let budget = copyNodes;
  const copy = (node: Json, depth: number): Json => {
    budget--;
    if (!isObject(node) && !Array.isArray(node)) return node;
    if (depth >= copyDepth || budget <= 0) return '…';
    if (Array.isArray(node)) return node.map((item) => copy(item, depth + 1));
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, copy(value, depth + 1)]));
  };
  return copy(root, 0);
}
