import { type Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { JsonText } from './json-text.ts';

/** A place in a file: 1-based line and column (UTF-16 code units, as SARIF counts them). */
export interface SourcePosition {
  line: number;
  column: number;
  /** False when the pointer's node is not in the file and the position is its nearest ancestor's. */
  exact: boolean;
}

/** Finds JSON pointers in the text of a document; answers null for what it cannot place. */
export type Locator = (pointer: string) => SourcePosition | null;

/** A way down a parsed text: a node's child by pointer segment, where it is written, and its `$ref`. */
interface Navigator<N> {
  root: N;
  rootOffset: number | undefined;
  child(node: N, segment: string): { node: N; offset: number | undefined } | undefined;
  /** The internal `$ref` a node holds (`#/components/schemas/User`), if any. */
  ref(node: N): string | undefined;
}

/** `$ref` hops followed for one pointer before giving up on a loop. */
const maxRefHops = 32;

function segmentsOf(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The deepest node on the way to a pointer, following internal `$ref`s where the written document
 * goes through one (a property of `#/components/schemas/User` reached from a response).
 */
function deepest<N>(
  navigator: Navigator<N>,
  pointer: string,
): { offset: number | undefined; exact: boolean } {
  let segments = segmentsOf(pointer);
  let node = navigator.root;
  let offset = navigator.rootOffset;
  let hops = 0;
  while (segments.length > 0) {
    const [segment = '', ...rest] = segments;
    const step = navigator.child(node, segment);
    if (step) {
      node = step.node;
      offset = step.offset ?? offset;
      segments = rest;
      continue;
    }
    const ref = navigator.ref(node);
    if (ref === undefined || !ref.startsWith('#/') || hops++ >= maxRefHops) return { offset, exact: false };
    segments = [...segmentsOf(ref), ...segments];
    node = navigator.root;
  }
  return { offset, exact: true };
}

/** Where a YAML node starts in the text, when it is a node with a place. */
function startOf(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function yamlNavigator(document: Document): Navigator<unknown> {
  const child = (node: unknown, segment: string) => {
    const value = isAlias(node) ? node.resolve(document) : node;
    if (isMap(value)) {
      const pair = value.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      return pair ? { node: pair.value, offset: startOf(pair.key) } : undefined;
    }
    if (isSeq(value) && /^\d+$/.test(segment)) {
      const item = value.items[Number(segment)];
      return item === undefined ? undefined : { node: item, offset: startOf(item) };
    }
    return undefined;
  };
  return {
    root: document.contents,
    rootOffset: startOf(document.contents),
    child,
    ref(node) {
      const ref = child(node, '$ref')?.node;
      return isScalar(ref) && typeof ref.value === 'string' ? ref.value : undefined;
    },
  };
}

function jsonNavigator(json: JsonText): Navigator<number> {
  return {
    root: json.root,
    rootOffset: json.root,
    child(node, segment) {
      const member = json.child(node, segment);
      return member ? { node: member.value, offset: member.offset } : undefined;
    },
    ref(node) {
      const member = json.child(node, '$ref');
      return member ? json.stringAt(member.value) : undefined;
    },
  };
}

/** Line and column of an offset, from the offsets where lines start. */
function positionIn(lineStarts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

function jsonLocator(text: string): Locator {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const navigator = jsonNavigator(new JsonText(text));
  return (pointer) => {
    try {
      const found = deepest(navigator, pointer);
      return found.offset === undefined
        ? null
        : { ...positionIn(lineStarts, found.offset), exact: found.exact };
    } catch {
      return null;
    }
  };
}

function yamlLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length > 0) return () => null;
  const navigator = yamlNavigator(document);
  return (pointer) => {
    const found = deepest(navigator, pointer);
    if (found.offset === undefined) return null;
    const { line, col } = lineCounter.linePos(found.offset);
    return { line, column: col, exact: found.exact };
  };
}

/**
 * A locator over the text of a YAML or JSON document: the line and column where a JSON pointer's node
 * is written, or its nearest ancestor that is (a removed property is placed at its parent). JSON is
 * scanned as it is (fast on a document of many megabytes); YAML is parsed with its source ranges.
 */
export function createLocator(text: string): Locator {
  const start = text.trimStart()[0];
  return start === '{' || start === '[' ? jsonLocator(text) : yamlLocator(text);
}
