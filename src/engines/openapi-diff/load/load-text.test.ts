import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadContract } from './index.ts';
import { loadError } from './test-helpers.ts';

const yamlDocument = `
openapi: 3.1.0
info:
  title: Users
  version: 2.4.0
paths:
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The user
          content:
            application/json:
              schema: { $ref: '#/components/schemas/User' }
components:
  schemas:
    User:
      type: object
      required: [id]
      properties:
        id: { type: string }
        name: { type: string }
`;

/** The same document as JSON, keys in another order. */
const jsonDocument = JSON.stringify({
  components: {
    schemas: {
      User: {
        properties: { name: { type: 'string' }, id: { type: 'string' } },
        required: ['id'],
        type: 'object',
      },
    },
  },
  paths: {
    '/users/{id}': {
      get: {
        responses: {
          200: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
            description: 'The user',
          },
        },
        parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
      },
    },
  },
  info: { version: '2.4.0', title: 'Users' },
  openapi: '3.1.0',
});

const text = (name: string, body: string) => loadContract({ kind: 'text', name, text: body });

describe('loading one OpenAPI document', () => {
  it('reads YAML and JSON to the same document and the same hash, whatever the key order', async () => {
    const fromYaml = await text('openapi.yaml', yamlDocument);
    const fromJson = await text('openapi.json', jsonDocument);
    expect(fromYaml).toMatchObject({
      kind: 'openapi',
      openapiVersion: '3.1',
      title: 'Users',
      version: '2.4.0',
    });
    if (fromYaml.kind !== 'openapi' || fromJson.kind !== 'openapi') throw new Error('expected OpenAPI');
    expect(fromJson.document).toEqual(fromYaml.document);
    expect(fromJson.hash).toBe(fromYaml.hash);
    expect(fromYaml.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fromYaml.files).toEqual(['openapi.yaml']);
  });

  it('gives a different hash when the contract changes', async () => {
    const before = await text('openapi.yaml', yamlDocument);
    const after = await text(
      'openapi.yaml',
      yamlDocument.replace('name: { type: string }', 'name: { type: integer }'),
    );
    expect(after.hash).not.toBe(before.hash);
  });

  it('keeps internal references as they are, for the diff to follow', async () => {
    const loaded = await text('openapi.yaml', yamlDocument);
    if (loaded.kind !== 'openapi') throw new Error('expected OpenAPI');
    const schema = loaded.document.paths;
    expect(JSON.stringify(schema)).toContain('"$ref":"#/components/schemas/User"');
  });

  it('reads OpenAPI 3.0 documents as 3.0', async () => {
    const loaded = await text('openapi.yaml', yamlDocument.replace('3.1.0', '3.0.3'));
    expect(loaded).toMatchObject({ kind: 'openapi', openapiVersion: '3.0' });
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const broken = 'openapi: 3.1.0\ninfo:\n  title: Users\n  version: 1\n  version: 2\npaths: {}\n';
    const error = await loadError(() => text('openapi.yaml', broken));
    expect(error).toMatchObject({ code: 'parse-error', file: 'openapi.yaml', line: 5, column: 3 });
    expect(error.message).toBe('openapi.yaml line 5, column 3: Map keys must be unique');
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const broken = '{\n  "openapi": "3.1.0",\n  "info": { "title": "x" "version": "1" }\n}';
    const error = await loadError(() => text('openapi.json', broken));
    expect(error).toMatchObject({ code: 'parse-error', line: 3 });
    expect(error.column).toBeGreaterThan(20);
  });

  it('refuses OpenAPI versions it does not read', async () => {
    for (const version of ['4.0.0', '3.2.0', '2.0']) {
      const error = await loadError(() =>
        text('openapi.yaml', `openapi: ${version}\ninfo: {title: x, version: '1'}\npaths: {}`),
      );
      expect(error).toMatchObject({ code: 'unsupported-version', pointer: '/openapi' });
      expect(error.message).toContain(version);
    }
    const swagger12 = await loadError(() => text('api.yaml', 'swagger: "1.2"\napis: []'));
    expect(swagger12).toMatchObject({ code: 'unsupported-version', pointer: '/swagger' });
  });

  it('refuses a document that is not a contract', async () => {
    const error = await loadError(() => text('config.yaml', 'name: my-service\nreplicas: 3\n'));
    expect(error).toMatchObject({ code: 'not-a-contract', file: 'config.yaml' });
  });

  it('refuses documents built to exhaust resources: a billion laughs, and nesting too deep', async () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of ['b', 'c', 'd', 'e', 'f', 'g'].map((name, index) => [
      name,
      'abcdef'[index],
    ])) {
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const expanded = await loadError(() => text('openapi.yaml', `openapi: 3.1.0\n${laughs.join('\n')}\n`));
    expect(expanded).toMatchObject({ code: 'parse-error', file: 'openapi.yaml' });
    expect(expanded.message).toContain('alias');
    const deep = `{"openapi": "3.1.0", "x": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const nested = await loadError(() => text('openapi.json', deep));
    expect(nested).toMatchObject({
      code: 'parse-error',
      message: 'openapi.json is nested more than 1000 levels deep',
    });
  });

  it('refuses text over the size limit before parsing it', async () => {
    const error = await loadError(() =>
      loadContract({ kind: 'text', name: 'openapi.yaml', text: yamlDocument }, { maxBytes: 100 }),
    );
    expect(error.code).toBe('too-large');
  });
});

describe('remote references', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('are refused, naming the reference and the file, without any request being made', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const document = yamlDocument.replace(
      "'#/components/schemas/User'",
      'https://schemas.example.com/user.yaml',
    );
    const error = await loadError(() => text('openapi.yaml', document));
    expect(error).toMatchObject({
      code: 'remote-ref',
      file: 'openapi.yaml',
      pointer: '/paths/~1users~1{id}/get/responses/200/content/application~1json/schema',
    });
    expect(error.message).toContain('https://schemas.example.com/user.yaml');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('are refused whatever their scheme', async () => {
    for (const ref of ['file:///etc/passwd', '//schemas.example.com/user.yaml', 'ftp://example.com/u.yaml']) {
      const error = await loadError(() =>
        text('openapi.yaml', yamlDocument.replace("'#/components/schemas/User'", `'${ref}'`)),
      );
      expect(error.code, ref).toBe('remote-ref');
    }
  });
});

describe('Swagger 2.0', () => {
  const petstore = `
swagger: '2.0'
info: { title: Petstore, version: 1.0.0 }
host: petstore.example.com
basePath: /v1
schemes: [https]
paths:
  /pets:
    get:
      produces: [application/json]
      parameters:
        - { name: limit, in: query, type: integer }
      responses:
        '200':
          description: A page of pets
          schema: { type: array, items: { $ref: '#/definitions/Pet' } }
    post:
      consumes: [application/json]
      parameters:
        - { name: pet, in: body, required: true, schema: { $ref: '#/definitions/Pet' } }
      responses:
        '201': { description: Created }
definitions:
  Pet:
    type: object
    required: [id, name]
    properties:
      id: { type: integer, format: int64 }
      name: { type: string }
`;

  it('is converted to OpenAPI 3.0: servers, request bodies, and definitions as components/schemas', async () => {
    const loaded = await text('swagger.yaml', petstore);
    if (loaded.kind !== 'openapi') throw new Error('expected OpenAPI');
    expect(loaded).toMatchObject({
      openapiVersion: '3.0',
      convertedFrom: '2.0',
      title: 'Petstore',
      version: '1.0.0',
    });
    const { document } = loaded;
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(document.swagger).toBeUndefined();
    expect(document.definitions).toBeUndefined();
    expect(document.servers).toEqual([{ url: 'https://petstore.example.com/v1' }]);
    expect(document.components).toMatchObject({ schemas: { Pet: { required: ['id', 'name'] } } });
    expect(document.paths).toMatchObject({
      '/pets': {
        get: {
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: {
            200: {
              content: { 'application/json': { schema: { items: { $ref: '#/components/schemas/Pet' } } } },
            },
          },
        },
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
        },
      },
    });
  });

  it('is not marked as converted when it is already OpenAPI 3', async () => {
    const loaded = await text('openapi.yaml', yamlDocument);
    expect(loaded).not.toHaveProperty('convertedFrom');
  });
});

describe('GraphQL schemas', () => {
  const sdl = 'type Query {\n  user(id: ID!): User\n}\n\ntype User {\n  id: ID!\n  name: String\n}\n';

  it('are read from .graphql files, and from text that is SDL', async () => {
    const named = await text('schema.graphql', sdl);
    const unnamed = await text('contract', sdl);
    expect(named).toMatchObject({ kind: 'graphql', sdl, files: ['schema.graphql'] });
    expect(unnamed).toMatchObject({ kind: 'graphql', sdl });
  });

  it('hash the same whatever the order and layout of their types', async () => {
    const reordered = 'type User { name: String id: ID! }\ntype Query { user(id: ID!): User }';
    const first = await text('schema.graphql', sdl);
    const second = await text('schema.graphql', reordered);
    expect(second.hash).toBe(first.hash);
    const changed = await text('schema.graphql', sdl.replace('name: String', 'name: String!'));
    expect(changed.hash).not.toBe(first.hash);
  });

  it('with a syntax error are refused with its line and column', async () => {
    const error = await loadError(() => text('schema.graphql', 'type Query {\n  user(: User\n}'));
    expect(error).toMatchObject({ code: 'parse-error', file: 'schema.graphql', line: 2, column: 8 });
  });
});
