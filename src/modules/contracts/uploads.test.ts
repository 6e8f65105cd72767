import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type JsonBody, type TestApp } from '../../test-support/app.ts';
import { asYaml, contracts, ordersApi, plan, projectWithContract } from './test-helpers.ts';

// Uploads in the other forms a CI job sends them: bundles of several files, GraphQL schemas, and
// contracts of many megabytes.

let t: TestApp;
let owner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.owner;
});
afterAll(() => t.close());

/** The orders API split in two files: the user schema lives in schemas/user.yaml. */
function bundle(userProperties: Record<string, object>): Uint8Array {
  const api = ordersApi();
  const paths = api.paths as Record<string, Record<string, Record<string, unknown>>>;
  const getUser = paths['/users/{id}']?.get as Record<string, unknown>;
  getUser.responses = {
    '200': {
      description: 'the user',
      content: { 'application/json': { schema: { $ref: 'schemas/user.yaml' } } },
    },
  };
  const user = { type: 'object', required: ['id'], properties: userProperties };
  return zipSync({
    'api/openapi.yaml': strToU8(asYaml(api)),
    'api/schemas/user.yaml': strToU8(asYaml(user)),
    'README.md': strToU8('# Orders API\n'),
  });
}

const sendZip = (caller: Caller, projectId: string, zip: Uint8Array, query: Record<string, string>) =>
  caller.post(contracts(projectId, 'payments', 'versions'), Buffer.from(zip), {
    headers: { 'content-type': 'application/zip' },
    query,
  });

describe('bundles', () => {
  it('loads a zip of several files, bundling its references, and diffs what they describe', async () => {
    const { projectId } = await projectWithContract(owner);
    const first = await sendZip(
      owner,
      projectId,
      bundle({ id: { type: 'string' }, name: { type: 'string' } }),
      {
        version: '1.0.0',
        entry: 'api/openapi.yaml',
      },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const { files } = first.body.version;
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/openapi\.yaml$/);
    const stored = await owner.get(contracts(projectId, 'payments', `versions/${first.body.version.id}`), {
      query: { include: 'document' },
    });
    expect(JSON.stringify(stored.body.document)).not.toContain('schemas/user.yaml');
    expect(JSON.stringify(stored.body.document)).toContain('"name"');

    const same = await sendZip(
      owner,
      projectId,
      bundle({ id: { type: 'string' }, name: { type: 'string' } }),
      {
        version: '1.0.1',
      },
    );
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.unchanged).toBe(true);
  });

  it('refuses a bundle whose files reach outside it, or that is no archive, with 422', async () => {
    const { projectId } = await projectWithContract(owner);
    const escaping = zipSync({
      'openapi.yaml': strToU8(asYaml(ordersApi())),
      '../evil.yaml': strToU8('a: 1'),
    });
    const refused = await sendZip(owner, projectId, escaping, { version: '1.0.0' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contracts.path-traversal');
    const garbage = await sendZip(owner, projectId, strToU8('not a zip at all'), { version: '1.0.0' });
    expect(garbage.status).toBe(422);
    expect((await owner.get(contracts(projectId, 'payments', 'versions'))).body.data).toEqual([]);
  });
});

describe('GraphQL contracts', () => {
  const schema = (userFields: string) =>
    `type Query {\n  user(id: ID!): User\n}\n\ntype User {\n  id: ID!\n${userFields}}\n`;

  it('diffs SDL versions and records what they break against the whole API', async () => {
    const { projectId, contractId } = await projectWithContract(owner, { name: 'graph', kind: 'graphql' });
    const url = contracts(projectId, 'graph', 'versions');
    const first = await owner.post(url, schema('  name: String\n  email: String\n'), {
      headers: { 'content-type': 'application/graphql' },
      query: { version: '1' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.version).toMatchObject({ kind: 'graphql', openapiVersion: null });
    const second = await owner.post(url, {
      version: '2',
      content: schema('  name: String\n'),
      filename: 'schema.graphql',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.diff.kind).toBe('graphql');
    const removed = second.body.diff.findings.find((finding: JsonBody) => finding.level === 'ERR');
    expect(removed).toMatchObject({ section: 'graphql', field: expect.stringContaining('User.email') });
    const changes = (await owner.get(plan(projectId, 'breaking-changes'))).body.data;
    expect(changes).toEqual([expect.objectContaining({ name: 'graph 2: the whole API', contractId })]);
  });
});

/** An OpenAPI document of about `megabytes` MB: many operations, each with a schema of its own. */
function largeApi(megabytes: number, removed?: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const properties = Object.fromEntries(
    Array.from({ length: 40 }, (_, index) => [
      `field${index}`,
      { type: 'string', maxLength: 200, description: 'x'.repeat(40) },
    ]),
  );
  const perPath = JSON.stringify(properties).length + 200;
  for (let index = 0; index * perPath < megabytes * 1024 * 1024; index += 1) {
    const path = `/resources${index}/{id}`;
    if (path === removed) continue;
    paths[path] = {
      get: {
        operationId: `getResource${index}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties } } },
          },
        },
      },
    };
  }
  return { openapi: '3.0.3', info: { title: 'Large', version: '1' }, paths };
}

describe('large contracts', () => {
  it('stores and diffs a 12 MB document', async () => {
    const { projectId } = await projectWithContract(owner);
    const url = contracts(projectId, 'payments', 'versions');
    const text = JSON.stringify(largeApi(12));
    expect(text.length).toBeGreaterThan(12 * 1024 * 1024);
    const first = await owner.post(url, text, {
      headers: { 'content-type': 'application/json' },
      query: { version: '1' },
    });
    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(201);
    expect(first.body.version.documentBytes).toBeGreaterThan(12 * 1024 * 1024);
    const second = await owner.post(url, JSON.stringify(largeApi(12, '/resources7/{id}')), {
      headers: { 'content-type': 'application/json' },
      query: { version: '2' },
    });
    expect(second.status, JSON.stringify(second.body).slice(0, 500)).toBe(201);
    expect(second.body.diff.findings.filter((finding: JsonBody) => finding.level === 'ERR')).toEqual([
      expect.objectContaining({ operation: 'GET /resources7/{id}' }),
    ]);
    const stored = await owner.get(`${url}/1`, { query: { include: 'document' } });
    expect(Object.keys(stored.body.document.paths)).toHaveLength(
      Object.keys(largeApi(12).paths as object).length,
    );
  }, 120_000);
});
