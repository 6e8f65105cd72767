import type { z } from 'zod';
import type { Json } from '../types.ts';
import { bodyFields } from './body-fields.ts';
import {
  isShallowJson,
  maxBodyDepth,
  type PactFile,
  type PactInteraction,
  pactFileSchema,
  pactInteractionSchema,
} from './pact-schema.ts';
import type { ConsumerOperation, ConsumerUses, RegisteredConsumer } from './types.ts';

/** One problem in a Pact file: where (`interactions[3].request.method`) and what. */
export interface PactIssue {
  path: string;
  message: string;
}

/** A Pact file this engine cannot read; `issues` lists every problem found, each with its place. */
export class PactFormatError extends Error {
  constructor(readonly issues: PactIssue[]) {
    const shown = issues.slice(0, 3).map((issue) => issue.message);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    super(`Not a readable Pact file: ${shown.join('; ')}${more}`);
    this.name = 'PactFormatError';
  }
}

/**
 * What one consumer uses, read from its Pact file (specification v2, v3 or v4): every operation its
 * HTTP interactions call, with the query parameters and headers it sends, the fields its request
 * bodies hold, and the statuses, headers and body fields it expects back. Message interactions are
 * skipped. Throws PactFormatError naming every interaction that does not read as HTTP.
 */
export function parsePact(json: unknown): ConsumerUses {
  const file = pactFileSchema.safeParse(json);
  if (!file.success) throw new PactFormatError(issuesOf(file.error, []));
  const v4 = specificationMajor(file.data) >= 4;
  const byOperation: OperationsSeen = new Map();
  const issues = (file.data.interactions ?? []).flatMap((raw, index) =>
    readInteraction(raw, index, v4, byOperation),
  );
  if (issues.length > 0) throw new PactFormatError(issues);
  const operations: ConsumerOperation[] = [...byOperation.values()].map((entry) => ({
    method: entry.method,
    path: entry.path,
    fields: [...entry.fields].sort(),
  }));
  return { consumer: file.data.consumer?.name ?? null, operations };
}

/** The operations read so far, by `METHOD path`, each with the fields of all its interactions. */
type OperationsSeen = Map<string, { method: string; path: string; fields: Set<string> }>;

/** Adds one interaction's operation and fields; answers its problems (none for a message interaction). */
function readInteraction(raw: unknown, index: number, v4: boolean, seen: OperationsSeen): PactIssue[] {
  if (isMessageInteraction(raw)) return [];
  const where = ['interactions', index];
  const interaction = pactInteractionSchema.safeParse(raw);
  if (!interaction.success) return issuesOf(interaction.error, where, describe(raw));
  const method = interaction.data.request.method.toUpperCase();
  const { path } = interaction.data.request;
  const key = `${method} ${path}`;
  const entry = seen.get(key) ?? { method, path, fields: new Set<string>() };
  seen.set(key, entry);
  const problem = addInteractionFields(
    interaction.data,
    v4 || interaction.data.type !== undefined,
    entry.fields,
  );
  if (!problem) return [];
  const label = interactionLabel(index, interaction.data.description);
  return [
    { path: `${pathText(where)}.${problem.path}`, message: `${label}${problem.path}: ${problem.message}` },
  ];
}

/**
 * A consumer registration from what its Pact file says: every operation it calls, with the fields it
 * uses. Concrete paths stay as they are; consumerImpact matches them to the document's templates.
 */
export function consumerFromPact(id: string, uses: ConsumerUses): RegisteredConsumer {
  const operations = uses.operations.map((operation) => `${operation.method} ${operation.path}`);
  const fields: Record<string, string[]> = {};
  for (const [index, operation] of uses.operations.entries()) {
    fields[operations[index] ?? ''] = operation.fields;
  }
  return { id, name: uses.consumer ?? id, operations, fields };
}

function specificationMajor(file: PactFile): number {
  const metadata = file.metadata;
  const version =
    metadata?.pactSpecification?.version ??
    metadata?.['pact-specification']?.version ??
    metadata?.pactSpecificationVersion;
  const major = Number.parseInt(version ?? '', 10);
  return Number.isNaN(major) ? 2 : major;
}

/** v4 files mix HTTP interactions with message ones, told apart by `type`. */
function isMessageInteraction(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return false;
  return typeof raw.type === 'string' && raw.type !== 'Synchronous/HTTP';
}

/** Adds the fields one interaction uses; answers the problem when a v4 body cannot be decoded. */
function addInteractionFields(
  interaction: PactInteraction,
  v4: boolean,
  fields: Set<string>,
): PactIssue | null {
  const { request, response } = interaction;
  for (const name of queryNames(request.query)) fields.add(`query.${name}`);
  for (const name of Object.keys(request.headers ?? {})) fields.add(`header.${name.toLowerCase()}`);
  const status = `response.${response.status}`;
  fields.add(status);
  for (const name of Object.keys(response.headers ?? {})) fields.add(`${status}.header.${name}`);
  const bodies: [string, string, Json | undefined][] = [
    ['request.body', 'request.body', request.body],
    ['response.body', `${status}.body`, response.body],
  ];
  for (const [where, root, raw] of bodies) {
    const body = v4 ? decodeV4Body(raw) : { value: raw };
    if ('problem' in body) return { path: where, message: body.problem };
    // A body that is absent, or null, says nothing about fields.
    if (body.value !== undefined && body.value !== null) bodyFields(root, body.value, fields);
  }
  return null;
}

function queryNames(query: PactInteraction['request']['query']): string[] {
  if (query === undefined) return [];
  if (typeof query === 'string') return [...new Set(new URLSearchParams(query).keys())];
  return Object.keys(query);
}

/**
 * A v4 body is `{ content, contentType, encoded }`: `encoded` false means the content is the JSON
 * itself, `json` a string holding JSON, `base64` (or true) bytes, read as JSON when the content type
 * says JSON and otherwise kept opaque.
 */
function decodeV4Body(raw: Json | undefined): { value: Json | undefined } | { problem: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('content' in raw)) {
    return { value: raw };
  }
  const { content, encoded, contentType } = raw;
  const mode = typeof encoded === 'string' ? encoded.toLowerCase() : encoded;
  if (mode === undefined || mode === false) return { value: content };
  if (typeof content !== 'string') return { problem: `an encoded body's content must be a string` };
  const isJson = typeof contentType !== 'string' || /[/+]json\b/i.test(contentType);
  if (mode === 'json') return parseJson(content);
  if (mode === true || mode === 'base64') {
    const text = Buffer.from(content, 'base64').toString('utf8');
    return isJson ? parseJson(text) : { value: content };
  }
  return { problem: `unknown body encoding ${JSON.stringify(encoded)}` };
}

function parseJson(text: string): { value: Json } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'the body content is not valid JSON' };
  }
  return isShallowJson(value) ? { value } : { problem: `the body nests deeper than ${maxBodyDepth} levels` };
}

function describe(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('description' in raw)) return null;
  return typeof raw.description === 'string' ? raw.description : null;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** `interaction 3 ("get user 42"): `, the start of every message about one interaction. */
function interactionLabel(index: number, description: string | null | undefined): string {
  return `interaction ${index}${description ? ` (${JSON.stringify(description)})` : ''}: `;
}

function issuesOf(error: z.ZodError, prefix: (string | number)[], description?: string | null): PactIssue[] {
  const [, index] = prefix;
  const named = typeof index === 'number' ? interactionLabel(index, description) : '';
  return error.issues.map((issue) => {
    const inner = pathText(issue.path);
    return {
      path: pathText([...prefix, ...issue.path]),
      message: `${named}${inner ? `${inner}: ` : ''}${issue.message}`,
    };
  });
}
