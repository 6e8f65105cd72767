import { describe, expect, it } from 'vitest';
import { chooseEntry } from './entry.ts';
import { ContractLoadError } from './errors.ts';

const choose = (files: Record<string, string>, requested?: string) =>
  chooseEntry(new Map(Object.entries(files)), requested, 'specs.zip');

function refusal(files: Record<string, string>, requested?: string): ContractLoadError {
  try {
    choose(files, requested);
  } catch (error) {
    if (error instanceof ContractLoadError) return error;
    throw error;
  }
  throw new Error('expected the entry to be refused');
}

describe('choosing the entry of a bundle', () => {
  it('takes the file named, wherever it is', () => {
    expect(choose({ 'openapi.yaml': '', 'v2/api.yaml': '' }, 'v2/api.yaml')).toBe('v2/api.yaml');
  });

  it('refuses a named file the bundle does not have, listing the candidates', () => {
    const error = refusal({ 'openapi.yaml': '', 'v2/openapi.json': '' }, 'v3/openapi.yaml');
    expect(error.code).toBe('entry-not-found');
    expect(error.message).toContain('openapi.yaml, v2/openapi.json');
  });

  it('takes the openapi, swagger or schema.graphql file nearest the root', () => {
    expect(choose({ 'api/openapi.yaml': '', 'api/examples/openapi.yaml': '', 'api/user.yaml': '' })).toBe(
      'api/openapi.yaml',
    );
    expect(choose({ 'swagger.json': '', 'legacy/openapi.yml': '' })).toBe('swagger.json');
    expect(choose({ 'graph/schema.graphql': '', 'graph/types/user.graphql': '' })).toBe(
      'graph/schema.graphql',
    );
  });

  it('refuses two entry files at the same depth, naming both', () => {
    const error = refusal({ 'v1/openapi.yaml': '', 'v2/openapi.yaml': '' });
    expect(error.code).toBe('entry-not-found');
    expect(error.message).toContain('v1/openapi.yaml, v2/openapi.yaml');
  });

  it('otherwise takes the only file that declares itself a contract', () => {
    const files = {
      'specs/users.yaml': 'openapi: 3.1.0\ninfo: {}',
      'specs/user-schema.yaml': 'type: object',
      'README.md': '',
    };
    expect(choose(files)).toBe('specs/users.yaml');
    expect(choose({ 'specs/users.json': '{\n  "openapi": "3.0.3"\n}', 'specs/other.json': '{}' })).toBe(
      'specs/users.json',
    );
  });

  it('refuses when several files, or none, look like a contract', () => {
    const several = refusal({ 'a.yaml': 'openapi: 3.1.0', 'b.yaml': 'swagger: "2.0"' });
    expect(several.message).toContain('a.yaml, b.yaml');
    const none = refusal({ 'user.yaml': 'type: object', 'README.md': '' });
    expect(none.code).toBe('entry-not-found');
    expect(none.message).toContain('user.yaml');
    expect(refusal({}).message).toContain('holds no files');
  });
});
