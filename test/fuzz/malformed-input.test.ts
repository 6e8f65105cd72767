import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { resolvePath, type Seed, seedDeclaredResources, seedWorkspace } from '../isolation/fixtures.ts';
import { sampleOf } from '../isolation/sample-body.ts';

/**
 * A careless client and an attacker, over every operation of the OpenAPI document: each one gets a
 * sample of malformed input (NUL characters, lone surrogates, deep JSON, inherited property names,
 * tampered cursors, broken percent-encoding, a foreign charset, over-long path parameters, random
 * JSON). Whatever the input, the answer is never a 5xx and every error is an RFC 9457 problem; and
 * afterwards the server is healthy and the audit chain verifies. A route added later is covered
 * without touching this file.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schemas read from the document
type JsonSchema = any;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  bodySchema?: JsonSchema;
}

interface Attempt {
  what: string;
  url: string;
  headers?: Record<string, string>;
  /** A raw body, sent as it is (so that invalid JSON and odd encodings reach the server). */
  body?: string;
  /** Where any 4xx is not enough: the one answer the rule promises. */
  expected?: number;
}

let t: TestApp;
let owner: Caller;
let seed: Seed;
let operations: Operation[];
let components: Record<string, JsonSchema>;

beforeAll(async () => {
  t = await createTestApp({
    auth: { rateLimits: { signInPerMinute: 0, invitationsPerMinute: 0, perCredentialPerMinute: 0 } },
  });
  owner = t.owner;
  const document = (await t.anonymous.get('/openapi.json')).body;
  seed = await seedWorkspace(owner);
  await seedDeclaredResources(owner, seed, document);
  components = document.components?.schemas ?? {};
  operations = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(item)) {
      const content = (operation.requestBody as { content?: Record<string, { schema: unknown }> })?.content;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []) as Parameter[],
        bodySchema: content?.['application/json']?.schema,
      });
    }
  }
}, 120_000);
afterAll(() => t?.close());

const nameOf = (op: Operation) => `${op.method} ${op.path}`;
const nul = 'a\u0000b';
const loneSurrogate = 'a\ud800b';

function withQuery(url: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${url}?${search}` : url;
}

/** The required query parameters, filled with a valid sample, so that only the bad part is bad. */
function requiredQuery(op: Operation): Record<string, string> {
  return Object.fromEntries(
    op.parameters
      .filter((parameter) => parameter.in === 'query' && parameter.required)
      .map((parameter) => [parameter.name, String(sampleOf(parameter.schema, components))]),
  );
}

function validBody(op: Operation): Record<string, unknown> {
  const sample = sampleOf(op.bodySchema, components);
  return typeof sample === 'object' && sample !== null && !Array.isArray(sample)
    ? (sample as Record<string, unknown>)
    : {};
}

function bodyProperties(op: Operation): Record<string, JsonSchema> {
  let schema = op.bodySchema;
  if (schema?.$ref) schema = components[String(schema.$ref).split('/').pop() ?? ''];
  return schema?.properties ?? {};
}

/** The body's own string fields (from its schema), or a made-up one when it declares none. */
function stringFields(op: Operation): string[] {
  const names = Object.entries<JsonSchema>(bodyProperties(op))
    .filter(([, property]) => property?.type === 'string' || property?.anyOf)
    .map(([name]) => name);
  return names.length ? names.slice(0, 3) : ['title'];
}

/** Query values a careless client sends: numbers out of range, dates that are not, long and odd text. */
const queryValueArbitrary = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '1e309',
    'NaN',
    '99999999999999999999',
    'true',
    '2026-02-30',
    'null',
    '[]',
    '{}',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 5000 }),
);

/** A JSON value of some kind, usually not the one a field wants. */
const wrongValueArbitrary = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
  fc.string({ minLength: 5000, maxLength: 70000 }),
);

const deepJson = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const deepObject = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tamperedCursors = [
  'garbage',
  'e30',
  cursorOf({ s: 'createdAt', v: ['not a time', 'not an id'] }),
  cursorOf({ s: '-createdAt', v: ['2026-13-45T99:99:99Z', '00000000-0000-0000-0000-000000000000'] }),
  cursorOf({ t: 'yesterday', id: 'x' }),
  cursorOf({ after: -1 }),
  Buffer.from('{"after":1e400}').toString('base64url'),
  cursorOf(['1e999999', 'x']),
  cursorOf([{ nested: true }, null]),
];

/** The malformed requests one operation gets. A fixed seed keeps the random part repeatable. */
function attemptsFor(op: Operation, index: number): Attempt[] {
  const { url } = resolvePath(op.path, seed);
  const query = requiredQuery(op);
  const attempts: Attempt[] = [];
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);

  const oddQueryValues = fc.sample(queryValueArbitrary, { seed: 3 + index, numRuns: queryNames.length * 2 });
  for (const [position, name] of queryNames.entries()) {
    if (position < 4)
      attempts.push({ what: `NUL in query ${name}`, url: withQuery(url, { ...query, [name]: nul }) });
    for (const value of oddQueryValues.slice(position * 2, position * 2 + 2))
      attempts.push({ what: `odd query ${name}`, url: withQuery(url, { ...query, [name]: value }) });
  }
  attempts.push({
    what: 'NUL in an unknown query parameter',
    url: withQuery(url, { ...query, 'x\u0000': '1' }),
  });
  if (queryNames.includes('q'))
    attempts.push({
      what: 'lone surrogate in q',
      url: `${withQuery(url, query)}${Object.keys(query).length ? '&' : '?'}q=%ED%A0%80`,
    });
  if (queryNames.includes('sort')) {
    for (const field of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '-__proto__'])
      attempts.push({ what: `sort=${field}`, url: withQuery(url, { ...query, sort: field }), expected: 400 });
  }
  for (const name of queryNames.filter((candidate) => candidate.startsWith('filter['))) {
    attempts.push({ what: `NUL in ${name}`, url: withQuery(url, { ...query, [name]: nul }) });
    break;
  }
  attempts.push({ what: 'filter on __proto__', url: withQuery(url, { ...query, 'filter[__proto__]': 'x' }) });
  if (queryNames.includes('cursor')) {
    for (const cursor of tamperedCursors)
      attempts.push({
        what: `cursor ${cursor.slice(0, 24)}`,
        url: withQuery(url, { ...query, cursor }),
        expected: 400,
      });
  }
  for (const name of pathNames) {
    const segments = op.path.split('/');
    const position = segments.indexOf(`{${name}}`);
    const resolved = url.split('/');
    const at = (value: string) => {
      const copy = [...resolved];
      copy[position] = value;
      return copy.join('/');
    };
    if (position < 0) continue;
    attempts.push({ what: `NUL in path ${name}`, url: at('a%00b') });
    attempts.push({ what: `bad percent-encoding in path ${name}`, url: at('%E0%A4%A') });
    attempts.push({ what: `over-long path ${name}`, url: at('x'.repeat(300)) });
    attempts.push({ what: `lone surrogate in path ${name}`, url: at('%ED%A0%80') });
  }
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    const body = validBody(op);
    for (const field of stringFields(op)) {
      attempts.push({
        what: `NUL in body ${field}`,
        url: withQuery(url, query),
        body: JSON.stringify({ ...body, [field]: nul }),
      });
      attempts.push({
        what: `lone surrogate in body ${field}`,
        url: withQuery(url, query),
        // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into one.
        body: JSON.stringify({ ...body, [field]: loneSurrogate }),
      });
    }
    attempts.push({
      what: 'NUL in a body key',
      url: withQuery(url, query),
      body: JSON.stringify({ ...body, 'a\u0000': 1 }),
    });
    attempts.push({
      what: 'NUL in a nested value',
      url: withQuery(url, query),
      body: JSON.stringify({ ...body, metadata: { k: nul }, tags: [nul] }),
    });
    attempts.push({ what: '10,000 nested arrays', url: withQuery(url, query), body: deepJson });
    attempts.push({ what: '5,000 nested objects', url: withQuery(url, query), body: deepObject });
    attempts.push({
      what: '__proto__ key',
      url: withQuery(url, query),
      body: `{"__proto__":{"admin":true},"title":"x"}`,
    });
    attempts.push({
      what: 'constructor.prototype key',
      url: withQuery(url, query),
      body: `{"constructor":{"prototype":{"admin":true}}}`,
    });
    attempts.push({
      what: 'charset iso-8859-1',
      url: withQuery(url, query),
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: JSON.stringify(body),
    });
    const randomBodies = fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: 7 + index, numRuns: 3 });
    for (const random of randomBodies)
      attempts.push({
        what: `random JSON ${JSON.stringify(random).slice(0, 30)}`,
        url: withQuery(url, query),
        body: JSON.stringify(random),
      });
    const randomStrings = fc.sample(fc.string({ unit: 'binary', maxLength: 12 }), {
      seed: 11 + index,
      numRuns: 2,
    });
    // Each declared field in turn given a value of the wrong kind, the rest left valid.
    const fields = Object.keys(bodyProperties(op)).slice(0, 6);
    const wrongValues = fc.sample(wrongValueArbitrary, {
      seed: 5 + index,
      numRuns: Math.max(fields.length, 1),
    });
    fields.forEach((field, position) => {
      attempts.push({
        what: `wrong kind in body ${field}`,
        url: withQuery(url, query),
        body: JSON.stringify({ ...body, [field]: wrongValues[position] }),
      });
    });
    for (const text of randomStrings)
      attempts.push({
        what: 'random strings in every field',
        url: withQuery(url, query),
        body: JSON.stringify(Object.fromEntries(stringFields(op).map((field) => [field, text]))),
      });
  }
  return attempts;
}

describe('every operation, fed malformed input', () => {
  it('never answers 5xx, and every error is a problem+json document', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const failures: { kind: string; example: string }[] = [];
    let sent = 0;
    // Reads first and deletions last: a malformed request that is still valid may delete what later
    // operations address, and their answers would then say only "not found".
    const order = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    const ordered = [...operations].sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method));
    for (const [index, op] of ordered.entries()) {
      for (const attempt of attemptsFor(op, index)) {
        sent += 1;
        const response = await t.app.inject({
          method: op.method as 'GET',
          url: attempt.url,
          headers: {
            authorization: `Bearer ${owner.token}`,
            ...(attempt.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...attempt.headers,
          },
          ...(attempt.body === undefined ? {} : { payload: attempt.body }),
        });
        const where = `${nameOf(op)} [${attempt.what}] → ${response.statusCode}`;
        const kind = `${attempt.what.split(' ').slice(0, 3).join(' ')} → ${response.statusCode}`;
        if (attempt.expected && response.statusCode !== attempt.expected) {
          failures.push({
            kind,
            example: `${where}, expected ${attempt.expected}: ${response.body.slice(0, 120)}`,
          });
          continue;
        }
        if (response.statusCode >= 500) {
          failures.push({ kind, example: `${where}: ${response.body.slice(0, 160)}` });
          continue;
        }
        if (response.statusCode >= 400) {
          const type = String(response.headers['content-type'] ?? '');
          let problem: { type?: unknown; title?: unknown; status?: unknown } = {};
          try {
            problem = JSON.parse(response.body);
          } catch {
            // reported below
          }
          if (
            !type.startsWith('application/problem+json') ||
            typeof problem.type !== 'string' ||
            typeof problem.title !== 'string' ||
            problem.status !== response.statusCode
          )
            failures.push({
              kind,
              example: `${where}: not a problem (${type}) ${response.body.slice(0, 120)}`,
            });
        }
      }
    }
    console.info(`malformed input: ${operations.length} operations, ${sent} requests`);
    // One example per kind of failure: a root cause shows once, however many operations it breaks.
    const kinds = new Map<string, string>();
    for (const failure of failures) if (!kinds.has(failure.kind)) kinds.set(failure.kind, failure.example);
    expect([...kinds.values()], `${failures.length} of ${sent} requests failed`).toEqual([]);
  }, 300_000);

  it('is healthy afterwards, and the audit chain verifies', async () => {
    expect((await t.anonymous.get('/readyz')).status).toBe(200);
    const verified = await owner.get('/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(true);
  });
});
