import { isObject, normalisePath, operationsOf, resolveNode } from '../document.ts';
import type { OpenApiDocument } from '../types.ts';

/** How well a template segment matches: a literal beats a partly templated one, which beats `{id}`. */
const literal = 2;
const partial = 1;
const parameter = 0;

interface Candidate {
  template: string;
  hasMethod: boolean;
  ranks: number[];
}

/**
 * A document's paths ready for matching requests against, built once for many look-ups: the path
 * templates with their methods, the servers' base paths and the operations' responses.
 */
export class Routes {
  private readonly templates: { template: string; segments: string[]; methods: Set<string> }[];
  private readonly prefixes: string[][];
  private readonly operations: ReturnType<typeof operationsOf>;

  constructor(document: OpenApiDocument) {
    this.templates = pathTemplates(document);
    this.prefixes = serverPrefixes(document);
    this.operations = operationsOf(document);
  }

  /** See operationKeyFor. */
  operationKey(method: string, concretePath: string): string | null {
    const verb = method.toLowerCase();
    const segments = pathSegments(concretePath);
    let candidates = this.match(verb, segments, []);
    if (candidates.length === 0) {
      for (const prefix of this.prefixes) candidates = candidates.concat(this.match(verb, segments, prefix));
    }
    const best = candidates.sort(compareCandidates)[0];
    return best ? `${method.toUpperCase()} ${normalisePath(best.template)}` : null;
  }

  /** See registeredOperationKey. */
  registeredKey(operation: string): string {
    const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(operation);
    if (!match?.[1] || !match[2]) return operation.trim();
    const method = match[1].toUpperCase();
    const path = match[2];
    if (path.includes('{')) return `${method} ${normalisePath(path)}`;
    return this.operationKey(method, path) ?? `${method} ${trimPath(path)}`;
  }

  /** See responseKeyFor. */
  responseKey(operationKey: string, status: string): string {
    const responses = this.operations.get(operationKey)?.operation.responses;
    if (!isObject(responses) || !/^\d{3}$/.test(status)) return status;
    const declared = Object.keys(responses);
    if (declared.includes(status)) return status;
    const range = declared.find((key) => key.toUpperCase() === `${status[0]}XX`);
    if (range) return range;
    return declared.includes('default') ? 'default' : status;
  }

  private match(verb: string, segments: string[], prefix: string[]): Candidate[] {
    const candidates: Candidate[] = [];
    for (const { template, segments: templateSegments, methods } of this.templates) {
      const ranks = matchSegments([...prefix, ...templateSegments], segments);
      if (ranks) candidates.push({ template, hasMethod: methods.has(verb), ranks });
    }
    return candidates;
  }
}

/**
 * The operation key (`GET /users/{}`) a concrete request (`GET /users/42`) reaches in a document,
 * chosen as routers do: among the path templates that match, one that has the method wins, then
 * literal segments win over templated ones from left to right (`/users/me` before `/users/{id}`).
 * A path written under a server's base path (`/api/v1/users/42` for a server `…/api/v1`) matches
 * too. Null when no template matches.
 */
export function operationKeyFor(
  document: OpenApiDocument,
  method: string,
  concretePath: string,
): string | null {
  return new Routes(document).operationKey(method, concretePath);
}

/**
 * The key of one operation as a consumer registration writes it: an operation key or a templated
 * path is normalised (`GET /users/{id}` → `GET /users/{}`), a concrete path is matched to the
 * document. A concrete path that matches nothing keeps its own key, so it still meets findings on
 * an operation the revision adds.
 */
export function registeredOperationKey(document: OpenApiDocument, operation: string): string {
  return new Routes(document).registeredKey(operation);
}

/**
 * The response a status reaches in one operation of a document, as OpenAPI picks it: the exact code,
 * then its range (`2XX`), then `default`. The status itself when the operation declares none of them.
 */
export function responseKeyFor(document: OpenApiDocument, operationKey: string, status: string): string {
  return new Routes(document).responseKey(operationKey, status);
}

function trimPath(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? '';
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}

function pathSegments(path: string): string[] {
  return trimPath(path).split('/').slice(1);
}

function pathTemplates(document: OpenApiDocument) {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).map(([template, raw]) => {
    const item = resolveNode(document, raw)?.node ?? {};
    const methods = new Set(Object.keys(item).filter((key) => isObject(item[key])));
    return { template, segments: pathSegments(template), methods };
  });
}

/** The path part of each server URL (`https://api.example.com/v1` → `['v1']`), variables as templates. */
function serverPrefixes(document: OpenApiDocument): string[][] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const prefixes: string[][] = [];
  for (const server of servers) {
    if (!isObject(server) || typeof server.url !== 'string') continue;
    const path = server.url.replace(/^([a-z][a-z0-9+.-]*:)?\/\/[^/]*/i, '');
    const segments = pathSegments(path.startsWith('/') ? path : `/${path}`).filter(Boolean);
    if (segments.length > 0) prefixes.push(segments);
  }
  return prefixes;
}

function matchSegments(templateSegments: string[], segments: string[]): number[] | null {
  if (templateSegments.length !== segments.length) return null;
  const ranks: number[] = [];
  for (const [index, pattern] of templateSegments.entries()) {
    const rank = matchSegment(pattern, segments[index] ?? '');
    if (rank === null) return null;
    ranks.push(rank);
  }
  return ranks;
}

function matchSegment(pattern: string, segment: string): number | null {
  const decoded = safeDecode(segment);
  if (!pattern.includes('{')) return pattern === segment || pattern === decoded ? literal : null;
  if (/^\{[^}]*\}$/.test(pattern)) return segment === '' ? null : parameter;
  const source = pattern
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const expression = new RegExp(`^${source}$`);
  return expression.test(segment) || expression.test(decoded) ? partial : null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compareCandidates(left: Candidate, right: Candidate): number {
  if (left.hasMethod !== right.hasMethod) return left.hasMethod ? -1 : 1;
  for (const [index, rank] of left.ranks.entries()) {
    const other = right.ranks[index] ?? 0;
    if (rank !== other) return other - rank;
  }
  return left.template.localeCompare(right.template);
}
