import { describe, expect, it } from 'vitest';
import { api } from '../rules/examples.ts';
import { counterpartPointer, excerptAt } from './index.ts';

const parameters = (names: string[]) =>
  names.map((name) => ({ name, in: 'query', schema: { type: 'string' } }));
const base = api(
  { '/users/{id}': { get: { parameters: parameters(['a', 'b']), responses: {} } } },
  { components: { schemas: { User: { type: 'object', properties: { name: { type: 'string' } } } } } },
);
const revision = api({ '/users/{userId}': { get: { parameters: parameters(['b', 'a']), responses: {} } } });

describe('finding the same place in the other version', () => {
  it('follows a renamed path template and a parameter that moved in its list', () => {
    expect(counterpartPointer(base, revision, '/paths/~1users~1{id}/get/parameters/1/schema')).toBe(
      '/paths/~1users~1{userId}/get/parameters/0/schema',
    );
  });

  it('answers null when the other version has no such path or parameter', () => {
    const without = api({ '/users/{userId}': { get: { parameters: parameters(['a']), responses: {} } } });
    expect(counterpartPointer(base, without, '/paths/~1users~1{id}/get/parameters/1')).toBeNull();
    expect(counterpartPointer(base, api({}), '/paths/~1users~1{id}/get')).toBeNull();
  });
});

describe('an excerpt of the contract', () => {
  it('shows a node under its own key, and the schema holding a single value', () => {
    expect(excerptAt(base, '/components/schemas/User/properties/name')).toBe('name:\n  type: string');
    expect(excerptAt(base, '/components/schemas/User/properties/name/type')).toBe('name:\n  type: string');
  });

  it('follows a $ref one level and names it, leaving deeper references as they are', () => {
    const document = api(
      { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } } },
      {
        components: {
          responses: {
            Ok: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/x' } } } },
          },
        },
      },
    );
    const text = excerptAt(document, '/paths/~1a/get/responses/200');
    expect(text?.split('\n').slice(0, 3)).toEqual([
      '# #/components/responses/Ok',
      '"200":',
      '  description: OK',
    ]);
    expect(text).toContain('$ref: "#/x"');
  });

  it('answers null where the document has nothing, and never reads inherited properties', () => {
    expect(excerptAt(base, '/components/schemas/Missing')).toBeNull();
    expect(excerptAt(base, '/components/__proto__')).toBeNull();
  });
});
