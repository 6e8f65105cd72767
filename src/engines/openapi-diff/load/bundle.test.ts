import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types.ts';
import { loadContract } from './index.ts';
import { isJsonObject } from './parse-text.ts';
import { findRefs, nodeAt } from './refs.ts';
import { loadError, multiFileContract } from './test-helpers.ts';

const load = (files: Record<string, string>, entry = 'api/openapi.yaml') =>
  loadContract({ kind: 'files', files, entry });

/** Follows `$ref`s inside one document until a node that is not a reference. */
function follow(document: JsonObject, node: Json | undefined): JsonObject {
  let current = node;
  for (let hops = 0; isJsonObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new Error('reference loop');
    expect(current.$ref.startsWith('#')).toBe(true);
    current = nodeAt(document, current.$ref.slice(1).replaceAll('%7B', '{').replaceAll('%7D', '}'));
  }
  if (!isJsonObject(current)) throw new Error(`not an object: ${JSON.stringify(current)}`);
  return current;
}

async function loadedDocument(files: Record<string, string>): Promise<JsonObject> {
  const loaded = await load(files);
  if (loaded.kind !== 'openapi') throw new Error('expected OpenAPI');
  return loaded.document;
}

describe('a multi-file contract', () => {
  it('is bundled into one document whose references are all internal and all resolve', async () => {
    const loaded = await load(multiFileContract);
    if (loaded.kind !== 'openapi') throw new Error('expected OpenAPI');
    const refs = findRefs(loaded.document);
    expect(refs.length).toBeGreaterThan(0);
    for (const { ref } of refs) {
      expect(ref, ref).toMatch(/^#/);
      expect(nodeAt(loaded.document, decodeURIComponent(ref.slice(1))), ref).toBeDefined();
    }
  });

  it('brings in the other files, the cycle between them kept as a reference', async () => {
    const document = await loadedDocument(multiFileContract);
    const get = follow(document, nodeAt(document, '/paths/~1users~1{id}/get'));
    expect(follow(document, nodeAt(get, '/parameters/0'))).toMatchObject({ name: 'id', in: 'path' });
    const user = follow(document, nodeAt(get, '/responses/200/content/application~1json/schema'));
    expect(user.properties).toMatchObject({ id: { type: 'string' } });
    const team = follow(document, nodeAt(user, '/properties/team'));
    expect(team.properties).toMatchObject({ name: { type: 'string' } });
    // members[] are Users again: the same node, reached through a reference rather than copied forever.
    expect(follow(document, nodeAt(team, '/properties/members/items'))).toBe(user);
  });

  it('lists the files it was made of, the entry first, and leaves out files nothing refers to', async () => {
    const loaded = await load(multiFileContract);
    expect(loaded.files).toEqual([
      'api/openapi.yaml',
      'api/parameters.yaml',
      'api/schemas/user.yaml',
      'api/schemas/team.yaml',
    ]);
  });

  it('hashes the same whatever the layout of its files', async () => {
    const relaidOut = {
      ...multiFileContract,
      'api/parameters.yaml': JSON.stringify({
        UserId: { schema: { type: 'string' }, required: true, in: 'path', name: 'id' },
      }),
    };
    expect((await load(relaidOut)).hash).toBe((await load(multiFileContract)).hash);
  });

  it('accepts paths written with ./ and folders', async () => {
    const loaded = await loadContract({
      kind: 'files',
      files: multiFileContract,
      entry: './api/openapi.yaml',
    });
    expect(loaded.files[0]).toBe('api/openapi.yaml');
  });
});

describe('references a bundle refuses', () => {
  const withUserRef = (ref: string) => ({
    ...multiFileContract,
    'api/schemas/user.yaml':
      multiFileContract['api/schemas/user.yaml']?.replace("'team.yaml'", `'${ref}'`) ?? '',
  });

  it('a path that climbs out of the bundle, naming the file and the place', async () => {
    const error = await loadError(() => load(withUserRef('../../../etc/passwd')));
    expect(error).toMatchObject({
      code: 'path-traversal',
      file: 'api/schemas/user.yaml',
      pointer: '/User/properties/team',
    });
    expect(error.message).toContain('../../../etc/passwd');
  });

  it('an absolute path, and a climb spelled with percent-encoding', async () => {
    expect((await loadError(() => load(withUserRef('/etc/passwd')))).code).toBe('path-traversal');
    expect((await loadError(() => load(withUserRef('..%2F..%2F..%2Fetc%2Fpasswd')))).code).toBe(
      'path-traversal',
    );
  });

  it('a URL in a referenced file', async () => {
    const error = await loadError(() => load(withUserRef('http://169.254.169.254/latest/meta-data')));
    expect(error).toMatchObject({ code: 'remote-ref', file: 'api/schemas/user.yaml' });
  });

  it('a file that is not in the bundle', async () => {
    const error = await loadError(() => load(withUserRef('group.yaml')));
    expect(error).toMatchObject({ code: 'missing-ref', file: 'api/schemas/user.yaml' });
    expect(error.message).toContain('api/schemas/group.yaml');
  });

  it('a place a file does not have, and an internal reference to nothing', async () => {
    const missingPlace = await loadError(() => load(withUserRef('team.yaml#/Team')));
    expect(missingPlace).toMatchObject({ code: 'missing-ref', file: 'api/schemas/user.yaml' });
    const dangling = {
      ...multiFileContract,
      'api/openapi.yaml':
        multiFileContract['api/openapi.yaml']?.replace('responses/Problem', 'responses/Gone') ?? '',
    };
    const error = await loadError(() => load(dangling));
    expect(error).toMatchObject({
      code: 'missing-ref',
      file: 'api/openapi.yaml',
      pointer: '/paths/~1users~1{id}/get/responses/default',
    });
  });

  it('a file map whose paths climb out, or that is too large, or whose entry is not there', async () => {
    const climbing = await loadError(() => load({ ...multiFileContract, '../secrets.yaml': 'a: 1' }));
    expect(climbing.code).toBe('path-traversal');
    const large = await loadError(() =>
      loadContract({ kind: 'files', files: multiFileContract, entry: 'api/openapi.yaml' }, { maxBytes: 500 }),
    );
    expect(large.code).toBe('too-large');
    const missing = await loadError(() => load(multiFileContract, 'openapi.yaml'));
    expect(missing.code).toBe('entry-not-found');
    expect(missing.message).toContain('api/openapi.yaml');
  });
});

describe('a multi-file Swagger 2.0 contract', () => {
  it('is bundled, then converted', async () => {
    const files = {
      'swagger.yaml': `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200': { description: ok, schema: { $ref: 'definitions.yaml#/Pet' } }
`,
      'definitions.yaml': 'Pet: { type: object, properties: { name: { type: string } } }\n',
    };
    const loaded = await loadContract({ kind: 'files', files, entry: 'swagger.yaml' });
    if (loaded.kind !== 'openapi') throw new Error('expected OpenAPI');
    expect(loaded.convertedFrom).toBe('2.0');
    const schema = nodeAt(
      loaded.document,
      '/paths/~1pets/get/responses/200/content/application~1json/schema',
    );
    expect(schema).toMatchObject({ properties: { name: { type: 'string' } } });
  });
});
