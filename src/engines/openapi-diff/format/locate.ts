import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A place in a file: 1-based line and column (UTF-16 code units, as SARIF counts them). */
export interface SourcePosition {
  line: number;
  column: number;
  /** False when the pointer's node is not in the file and the position is its nearest ancestor's. */
  exact: boolean;
}

/** Finds JSON pointers in the text of a document; answers null for what it cannot place. */
export type Locator = (pointer: string) => SourcePosition | null;

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

interface Step {
  node: unknown;
  /** Where the node is written: its key for a map entry, the item itself in a sequence. */
  offset: number | undefined;
}

/** The child of a map or sequence named by one pointer segment. */
function childOf(document: Document, node: unknown, segment: string): Step | undefined {
  const value = isAlias(node) ? node.resolve(document) : node;
  if (isMap(value)) {
    const pair = value.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
    if (!pair) return undefined;
    return { node: pair.value, offset: (pair.key as Node).range?.[0] };
  }
  if (isSeq(value) && /^\d+$/.test(segment)) {
    const item = value.items[Number(segment)];
    return item === undefined ? undefined : { node: item, offset: (item as Node).range?.[0] };
  }
  return undefined;
}

/** The internal `$ref` a map holds (`#/components/schemas/User`), if any. */
function refOf(document: Document, node: unknown): string | undefined {
  const ref = childOf(document, node, '$ref')?.node;
  return isScalar(ref) && typeof ref.value === 'string' && ref.value.startsWith('#/') ? ref.value : undefined;
}

/**
 * The deepest node on the way to a pointer, following internal `$ref`s where the written document
 * goes through one (a property of `#/components/schemas/User` reached from a response).
 */
function deepest(document: Document, pointer: string): { offset: number | undefined; exact: boolean } {
  let segments = segmentsOf(pointer);
  let node: unknown = document.contents;
  let offset = (document.contents as Node | null)?.range?.[0];
  let hops = 0;
  while (segments.length > 0) {
    const [segment = '', ...rest] = segments;
    const step = childOf(document, node, segment);
    if (step) {
      node = step.node;
      offset = step.offset ?? offset;
      segments = rest;
      continue;
    }
    const ref = refOf(document, node);
    if (ref === undefined || hops++ >= maxRefHops) return { offset, exact: false };
    segments = [...segmentsOf(ref), ...segments];
    node = document.contents;
  }
  return { offset, exact: true };
}

/**
 * A locator over the text of a YAML or JSON document: the line and column where a JSON pointer's node
 * is written, or its nearest ancestor that is (a removed property is placed at its parent).
 */
export function createLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (document.errors.length > 0) return () => null;
  return (pointer) => {
    const found = deepest(document, pointer);
    if (found.offset === undefined) return null;
    const { line, col } = lineCounter.linePos(found.offset);
    return { line, column: col, exact: found.exact };
  };
}
