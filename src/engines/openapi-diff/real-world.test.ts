import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DiffResult, diffContracts, loadContract } from './index.ts';

/**
 * Public example contracts at two versions, with the changes known from reading them: the Swagger
 * Petstore as published in Swagger 2.0, OpenAPI 3.0 and 3.1, and the OpenAPI Initiative's petstore
 * series (minimal → simple → expanded), from the @readme/oas-examples package.
 */
const examples = dirname(createRequire(import.meta.url).resolve('@readme/oas-examples/package.json'));

async function diff(from: string, to: string): Promise<DiffResult> {
  const load = (path: string) =>
    loadContract({ kind: 'text', name: path, text: readFileSync(join(examples, path), 'utf8') });
  return diffContracts(await load(from), await load(to), { today: '2026-12-06' });
}

function changes(result: DiffResult, level?: string): string[] {
  return result.findings
    .filter((finding) => level === undefined || finding.level === level)
    .map((finding) => `${finding.ruleId} ${finding.operation ?? ''}`.trim())
    .sort();
}

describe('public contracts at two versions', () => {
  it('finds the Swagger 2.0 Petstore and its OpenAPI 3.0 edition compatible', async () => {
    const result = await diff('2.0/json/petstore.json', '3.0/json/petstore.json');
    expect(result.operations).toMatchObject({ base: 20, revision: 20, added: 0, removed: 0 });
    // The 3.0 edition documents a default response on GET /pet/{petId}, capitalises a summary and
    // marks Pet.id read-only: clients that send an id when they add or update a pet should stop.
    expect(changes(result, 'ERR')).toEqual([]);
    expect(changes(result, 'WARN')).toEqual([
      'request-optional-property-became-read-only POST /pet',
      'request-optional-property-became-read-only PUT /pet',
    ]);
    expect(changes(result, 'INFO')).toEqual([
      'api-summary-changed POST /pet/{petId}/uploadImage',
      'response-default-added GET /pet/{petId}',
      'response-optional-property-became-read-only GET /pet/findByStatus',
      'response-optional-property-became-read-only GET /pet/findByTags',
      'response-optional-property-became-read-only GET /pet/{petId}',
    ]);
  });

  it('breaks image uploads from the 3.0 Petstore to the 3.1 one, which takes raw bytes instead of a form', async () => {
    const result = await diff('3.0/json/petstore.json', '3.1/json/petstore.json');
    expect(changes(result, 'ERR')).toEqual(['request-body-media-type-removed POST /pet/{petId}/uploadImage']);
    expect(changes(result, 'INFO')).toContain('request-body-media-type-added POST /pet/{petId}/uploadImage');
    expect(result.summary.WARN).toBe(0);
  });

  it('reports the minimal Petstore growing into the simple one as a new path and a removed one', async () => {
    const result = await diff('2.0/json/petstore-minimal.json', '2.0/json/petstore-simple.json');
    expect(changes(result, 'ERR')).toEqual(['api-path-removed-without-deprecation GET /pets']);
    expect(changes(result, 'INFO')).toEqual(
      expect.arrayContaining(['endpoint-added GET /pet/{petId}', 'endpoint-added DELETE /pet/{petId}']),
    );
    expect(changes(result, 'WARN')).toEqual(['api-server-removed']);
  });

  it('reports the expanded Petstore dropping the security schemes the simple one used', async () => {
    const result = await diff('2.0/json/petstore-simple.json', '2.0/json/petstore-expanded.json');
    expect(changes(result, 'ERR')).toEqual([
      'api-path-removed-without-deprecation DELETE /pet/{petId}',
      'api-path-removed-without-deprecation GET /pet/{petId}',
      'api-path-removed-without-deprecation POST /pet/{petId}',
      'api-security-component-removed',
      'api-security-component-removed',
    ]);
    expect(result.operations).toMatchObject({ base: 3, revision: 4, added: 4, removed: 3 });
  });

  it('finds nothing between a contract and itself in another format (YAML and JSON)', async () => {
    const result = await diff('3.0/yaml/petstore.yaml', '3.0/json/petstore.json');
    expect(result.findings).toEqual([]);
  });
});
