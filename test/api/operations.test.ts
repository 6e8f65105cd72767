import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicApiOperations } from '../../src/core/auth/public-operations.ts';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const httpMethods = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

async function openApiDocument() {
  const answer = await t.anonymous.get('/openapi.json');
  expect(answer.status).toBe(200);
  return answer.body as { openapi: string; paths: Record<string, Record<string, Operation>> };
}

function operationsOf(document: Awaited<ReturnType<typeof openApiDocument>>) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    httpMethods
      .filter((method) => item[method])
      .map((method) => ({ path, method, operation: item[method] as Operation })),
  );
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every API route with a success response and problem+json errors', async () => {
    const document = await openApiDocument();
    const operations = operationsOf(document).filter(({ path }) => path.startsWith('/api/v1/'));
    expect(operations.length).toBeGreaterThan(10);
    const incomplete = operations.filter(({ operation }) => {
      const statuses = Object.keys(operation.responses);
      const success = statuses.some((status) => status.startsWith('2'));
      const problems = statuses
        .filter((status) => status.startsWith('4'))
        .every((status) => operation.responses[status]?.content?.['application/problem+json']);
      return !success || !statuses.includes('401') || !problems;
    });
    expect(incomplete.map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toEqual([]);
  });

  it('declares authentication on every API route but the public ones', async () => {
    const document = await openApiDocument();
    const unsecured = operationsOf(document).filter(
      ({ method, path, operation }) =>
        path.startsWith('/api/v1/') &&
        !operation.security?.length &&
        !publicApiOperations.includes(`${method.toUpperCase()} ${path}`),
    );
    expect(unsecured.map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toEqual([]);
  });

  it('documents the request body of every write that takes JSON', async () => {
    const document = await openApiDocument();
    const create = document.paths['/api/v1/projects']?.post;
    expect(create?.requestBody?.content['application/json']?.schema).toBeDefined();
  });

  it('is rendered at /docs', async () => {
    const answer = await t.anonymous.get('/docs/');
    expect(answer.status).toBe(200);
    expect(String(answer.body)).toContain('<html');
  });
});

describe('health probes', () => {
  it('answers /healthz while the process is up', async () => {
    const answer = await t.anonymous.get('/healthz');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'alive' });
  });

  it('answers /readyz with the database reachable and every migration applied', async () => {
    const answer = await t.anonymous.get('/readyz');
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ready');
    expect(answer.body.checks.database).toBe('reachable');
    expect(answer.body.checks.migrations.applied).toBe(answer.body.checks.migrations.expected);
    expect(answer.body.checks.migrations.expected).toBeGreaterThan(0);
  });
});

describe('metrics', () => {
  it('counts requests by route pattern and status, and times them and the database', async () => {
    const created = await t.owner.post('/api/v1/projects', { name: 'Metered', key: 'METER' });
    await t.owner.get(`/api/v1/projects/${created.body.id}`);
    await t.owner.get('/api/v1/projects/00000000-0000-7000-8000-000000000000');
    const answer = await t.anonymous.get('/metrics');
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-type'])).toContain('text/plain');
    const text = String(answer.body);
    const countOf = (route: string, status: string) => {
      const line = text
        .split('\n')
        .find(
          (candidate) =>
            candidate.startsWith('shipshape_http_requests_total{') &&
            candidate.includes('method="GET"') &&
            candidate.includes(`route="${route}"`) &&
            candidate.includes(`status="${status}"`),
        );
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    expect(countOf('/api/v1/projects/:id', '200')).toBeGreaterThanOrEqual(1);
    expect(countOf('/api/v1/projects/:id', '404')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(created.body.id);
    expect(text).toMatch(
      /shipshape_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/projects\/:id"/,
    );
    expect(text).toMatch(/shipshape_db_query_duration_seconds_count [1-9]/);
  });
});

describe('request ids and unknown routes', () => {
  it('puts a request id on every response and keeps a well-formed incoming one', async () => {
    const fresh = await t.anonymous.get('/healthz');
    expect(String(fresh.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.anonymous.get('/healthz', { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers['x-request-id']).toBe('trace-42');
    const replaced = await t.anonymous.get('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('answers an unknown route with a problem naming it and the request id', async () => {
    const answer = await t.owner.get('/api/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    expect(answer.body.detail).toContain('/api/v1/nothing-here');
    expect(answer.body.requestId).toBe(answer.headers['x-request-id']);
  });

  it('answers 401 with a problem and a WWW-Authenticate challenge without a token', async () => {
    const answer = await t.anonymous.get('/api/v1/projects');
    expect(answer.status).toBe(401);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    expect(String(answer.headers['www-authenticate'])).toContain('Bearer');
  });
});
