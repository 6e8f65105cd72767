import type { Json, JsonObject, OpenApiDocument } from './types.ts';

/** The HTTP methods a path item may hold operations for, in OpenAPI's order. */
export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/users/{id}` and `/users/{userId}` are one path: parameter names are blanked for matching. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/** A JSON pointer segment: `~` and `/` escaped as RFC 6901 says. */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function pointerJoin(pointer: string, ...keys: (string | number)[]): string {
  return keys.reduce<string>((joined, key) => `${joined}/${pointerSegment(String(key))}`, pointer);
}

/** Follows an internal JSON pointer (`#/components/schemas/User`) in a document. */
export function lookupPointer(document: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1);
  if (path === '') return document;
  let node: Json | undefined = document;
  for (const raw of path.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/** A node with its `$ref` chain followed, and the pointer of where it really lives. */
export interface Resolved {
  node: JsonObject;
  /** The last `$ref` followed (`#/components/schemas/User`), when the node came through one. */
  ref: string | null;
}

/**
 * Follows `$ref`s inside one document. A chain of refs that loops, or that points nowhere, ends in
 * an empty object rather than an exception: a broken reference is the loader's business.
 */
export function resolveNode(document: Json, node: Json | undefined): Resolved | undefined {
  let current = node;
  let ref: string | null = null;
  const followed = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    if (followed.has(current.$ref)) return { node: {}, ref };
    followed.add(current.$ref);
    ref = current.$ref;
    current = lookupPointer(document, ref);
  }
  if (current === true || (ref !== null && current === undefined)) return { node: {}, ref };
  return isObject(current) ? { node: current, ref } : undefined;
}

/** Every `$ref` string found anywhere below a node. */
export function refsBelow(node: Json | undefined, into: Set<string> = new Set()): Set<string> {
  const stack: (Json | undefined)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) stack.push(...current);
    else if (isObject(current)) {
      for (const [key, value] of Object.entries(current)) {
        if (key === '$ref' && typeof value === 'string') into.add(value);
        else stack.push(value);
      }
    }
  }
  return into;
}

/** One operation of a document, located. */
export interface OperationEntry {
  method: string;
  path: string;
  pathItem: JsonObject;
  operation: JsonObject;
  pointer: string;
}

/** The operations of a document by `METHOD normalised-path`, in document order. */
export function operationsOf(document: OpenApiDocument): Map<string, OperationEntry> {
  const operations = new Map<string, OperationEntry>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = resolveNode(document, rawItem)?.node;
    if (!pathItem) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const key = `${method.toUpperCase()} ${normalisePath(path)}`;
      operations.set(key, {
        method,
        path,
        pathItem,
        operation,
        pointer: pointerJoin('/paths', path, method),
      });
    }
  }
  return operations;
}

/** The text of a JSON value with object keys sorted, so that key order never reads as a change. */
export function canonicalJson(value: Json | undefined): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Whether two JSON values are the same data. */
export function sameJson(left: Json | undefined, right: Json | undefined): boolean {
  if (left === right) return true;
  // Most unchanged nodes keep their key order too: the native serialiser settles those quickly.
  if (JSON.stringify(left) === JSON.stringify(right)) return true;
  return canonicalJson(left) === canonicalJson(right);
}
