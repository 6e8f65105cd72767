import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consumerFromPact, PactFormatError, parsePact } from './index.ts';

function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

function operation(uses: ReturnType<typeof parsePact>, key: string) {
  const found = uses.operations.find((entry) => `${entry.method} ${entry.path}` === key);
  if (!found) throw new Error(`no operation ${key} in ${JSON.stringify(uses.operations)}`);
  return found;
}

/** Reads a Pact file and answers the error it throws. */
function failure(json: unknown): PactFormatError {
  try {
    parsePact(json);
  } catch (error) {
    if (error instanceof PactFormatError) return error;
    throw error;
  }
  throw new Error('parsePact accepted the file');
}

describe('reading a Pact v2 file', () => {
  const uses = parsePact(fixture('billing-web.v2.json'));

  it('names the consumer and every operation it calls, methods in upper case', () => {
    expect(uses.consumer).toBe('billing-web');
    expect(uses.operations.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'GET /users/42',
      'POST /users/42/invoices',
    ]);
  });

  it('lists the query names of a query string, request headers in lower case, and every response field', () => {
    expect(operation(uses, 'GET /users/42').fields).toEqual([
      'header.accept',
      'header.x-request-id',
      'query.expand',
      'query.fields',
      'response.200',
      'response.200.body',
      'response.200.body.id',
      'response.200.body.name',
      'response.200.body.roles',
      'response.200.body.roles[]',
      'response.200.body.team',
      'response.200.body.team.id',
      'response.200.body.team.name',
      'response.200.header.Content-Type',
    ]);
  });

  it('names request body fields with [] for array items, and a response with no body by its status', () => {
    const fields = operation(uses, 'POST /users/42/invoices').fields;
    expect(fields).toContain('request.body.lines[].sku');
    expect(fields).toContain('request.body.lines[].quantity');
    expect(fields).toContain('request.body.note');
    expect(fields).toContain('response.201.header.Location');
    expect(fields.filter((field) => field.startsWith('response.201.body'))).toEqual([]);
  });
});

describe('reading a Pact v3 file', () => {
  const uses = parsePact(fixture('mobile-app.v3.json'));

  it('reads query parameters written as an object of lists', () => {
    const fields = operation(uses, 'GET /users').fields;
    expect(fields).toContain('query.status');
    expect(fields).toContain('query.limit');
    expect(fields).toContain('header.authorization');
    expect(fields).toContain('response.200.body.data[].email');
    expect(fields).toContain('response.200.body.nextCursor');
  });

  it('keeps each concrete path apart: matching them to templates is the impact check’s job', () => {
    expect(operation(uses, 'GET /users/42').fields).toContain('response.200.body.avatarUrl');
    expect(operation(uses, 'GET /users/43').fields).toContain('response.404.body.title');
  });

  it('pools the fields of interactions that call the same operation in different states', () => {
    const twice = parsePact({
      interactions: [
        { request: { method: 'GET', path: '/users/42' }, response: { status: 200, body: { name: 'a' } } },
        { request: { method: 'get', path: '/users/42' }, response: { status: 200, body: { email: 'b' } } },
      ],
    });
    expect(twice.consumer).toBeNull();
    expect(twice.operations).toHaveLength(1);
    expect(twice.operations[0]?.fields).toEqual(
      expect.arrayContaining(['response.200.body.name', 'response.200.body.email']),
    );
  });

  it('reads a message pact as one that calls no HTTP operation', () => {
    const uses = parsePact({
      consumer: { name: 'mailer' },
      provider: { name: 'users-api' },
      messages: [{ description: 'user created', contents: { id: 1 } }],
      metadata: { pactSpecification: { version: '3.0.0' } },
    });
    expect(uses).toEqual({ consumer: 'mailer', operations: [] });
  });
});

describe('reading a Pact v4 file', () => {
  const uses = parsePact(fixture('audit-worker.v4.json'));

  it('reads HTTP interactions and skips message ones', () => {
    expect(uses.operations.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['PATCH /users/42']);
  });

  it('reads bodies stored as content, including base64-encoded JSON, and headers given as lists', () => {
    const fields = operation(uses, 'PATCH /users/42').fields;
    expect(fields).toContain('request.body.name');
    expect(fields).toContain('request.body.tags[]');
    expect(fields).toContain('header.if-match');
    expect(fields).toContain('response.200.header.ETag');
    expect(fields).toContain('response.200.body.version');
    expect(fields.some((field) => field.includes('body.content'))).toBe(false);
  });

  it('names the interaction whose encoded body is not JSON', () => {
    const error = failure({
      interactions: [
        {
          type: 'Synchronous/HTTP',
          description: 'broken',
          request: { method: 'GET', path: '/a' },
          response: {
            status: 200,
            body: { content: 'not json', contentType: 'application/json', encoded: 'json' },
          },
        },
      ],
      metadata: { pactSpecification: { version: '4.0' } },
    });
    expect(error.issues).toEqual([
      {
        path: 'interactions[0].response.body',
        message: 'interaction 0 ("broken"): response.body: the body content is not valid JSON',
      },
    ]);
  });
});

describe('rejecting what is not a Pact file', () => {
  it('names every interaction at fault, by index and description, and the field', () => {
    const error = failure({
      consumer: { name: 'web' },
      interactions: [
        { description: 'fine', request: { method: 'GET', path: '/a' }, response: { status: 200 } },
        { description: 'no method', request: { path: '/a' }, response: { status: 200 } },
        { request: { method: 'GET', path: 'a' }, response: { status: 700 } },
      ],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'interactions[1].request.method',
      'interactions[2].request.path',
      'interactions[2].response.status',
    ]);
    expect(error.issues[0]?.message).toMatch(/^interaction 1 \("no method"\): request\.method: /);
    expect(error.issues[1]?.message).toContain('expected a path starting with /');
    expect(error.message).toContain('interaction 1 ("no method")');
  });

  it('rejects a document with no interactions, and a value that is not an object', () => {
    expect(failure({ consumer: { name: 'web' } }).message).toContain('it has no interactions');
    expect(failure('{"interactions": []}').issues).toHaveLength(1);
    expect(failure(null).issues).toHaveLength(1);
  });

  it('rejects bodies nested beyond its depth limit instead of overflowing the stack', () => {
    let body: unknown = 1;
    for (let depth = 0; depth < 10_000; depth++) body = { a: body };
    const error = failure({
      interactions: [{ request: { method: 'GET', path: '/a' }, response: { status: 200, body } }],
    });
    expect(error.issues[0]?.path).toBe('interactions[0].response.body');
  });
});

describe('registering a consumer from its Pact file', () => {
  it('lists every concrete operation with its fields, named after the Pact consumer', () => {
    const uses = parsePact(fixture('billing-web.v2.json'));
    const consumer = consumerFromPact('c-1', uses);
    expect(consumer.id).toBe('c-1');
    expect(consumer.name).toBe('billing-web');
    expect(consumer.operations).toEqual(['GET /users/42', 'POST /users/42/invoices']);
    expect(consumer.fields?.['GET /users/42']).toEqual(operation(uses, 'GET /users/42').fields);
  });
});
