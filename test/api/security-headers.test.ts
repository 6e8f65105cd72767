// The response headers of docs/security.md ("Response headers"): a Content-Security-Policy the UI,
// its placeholder and /docs work under, no framing, no MIME sniffing, no referrer; API answers
// that load nothing and, when authenticated, are never stored.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { swaggerUiStyleHash } from '../../src/core/http/security-headers.ts';
import { createMetrics } from '../../src/core/observability/metrics.ts';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';

type Headers = Record<string, string | string[] | number | undefined>;

let t: TestApp;
let withUi: FastifyInstance;
let unbuilt: FastifyInstance;
let root: string;

/** The app as it runs, serving a UI from a folder of the test's own (the real build's shape). */
async function appServing(webRoot: string): Promise<FastifyInstance> {
  const built = await buildApp({
    config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' },
    database: t.database,
    metrics: createMetrics(),
    logger: false,
    webRoot,
  });
  await built.http.ready();
  return built.http;
}

beforeAll(async () => {
  t = await createTestApp();
  root = `${await mkdtemp(join(tmpdir(), 'shipshape-headers-'))}/`;
  await mkdir(join(root, 'assets'));
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-abc.js"></script><div id="root"></div>',
  );
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  withUi = await appServing(root);
  unbuilt = await appServing(join(root, 'missing/'));
});
afterAll(async () => {
  await withUi?.close();
  await unbuilt?.close();
  await t?.close();
  await rm(root, { recursive: true, force: true });
});

/** The policy as directive → sources. */
function policyOf(headers: Headers): Map<string, string[]> {
  const header = String(headers['content-security-policy'] ?? '');
  expect(header, 'a Content-Security-Policy').not.toBe('');
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

function expectCommonHeaders(headers: Headers): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(policyOf(headers).get('frame-ancestors')).toEqual(["'none'"]);
}

/** A page's policy: scripts from the server's own files only, never inline or eval'd. */
function expectPagePolicy(headers: Headers): Map<string, string[]> {
  expectCommonHeaders(headers);
  const policy = policyOf(headers);
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(String(headers['content-security-policy'])).not.toContain('unsafe-');
  return policy;
}

describe('response headers', () => {
  it('the UI index page and its client routes', async () => {
    for (const url of ['/', '/projects/123']) {
      const answer = await withUi.inject({ url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.body).toContain('id="root"');
      expectPagePolicy(answer.headers);
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
  });

  it('a UI asset, still cached for long', async () => {
    const answer = await withUi.inject({ url: '/assets/index-abc.js' });
    expect(answer.statusCode).toBe(200);
    expectPagePolicy(answer.headers);
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('the placeholder page, its inline style allowed by its hash', async () => {
    const answer = await unbuilt.inject({ url: '/' });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('npm run build:web');
    const style = /<style>([^<]*)<\/style>/.exec(answer.body)?.[1] ?? '';
    const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(expectPagePolicy(answer.headers).get('style-src')).toEqual(["'self'", hash]);
  });

  it('the API documentation, its assets and the OpenAPI document', async () => {
    for (const url of [
      '/docs',
      '/docs/',
      '/docs/static/swagger-ui-bundle.js',
      '/docs/static/swagger-initializer.js',
    ]) {
      const answer = await t.app.inject({ url });
      expect(answer.statusCode, url).toBe(200);
      expectPagePolicy(answer.headers);
    }
    const page = await t.app.inject({ url: '/docs' });
    expect(policyOf(page.headers).get('style-src')).toContain(swaggerUiStyleHash);
    // The documentation page runs no inline script: every <script> has a src.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const document = await t.app.inject({ url: '/openapi.json' });
    expect(document.statusCode).toBe(200);
    expectCommonHeaders(document.headers);
  });

  it('an authenticated API answer: a policy that loads nothing, never stored, ETag kept', async () => {
    const created = await t.owner.post('/api/v1/projects', { name: 'Headers', key: 'HDR' });
    expect(created.status).toBe(201);
    const read = await t.owner.get(`/api/v1/projects/${created.body.id}`);
    expect(read.status).toBe(200);
    expectCommonHeaders(read.headers);
    expect(policyOf(read.headers).get('default-src')).toEqual(["'none'"]);
    expect(read.headers['cache-control']).toBe('no-store');
    expect(read.headers.etag).toBe('"v1"');
    const patched = await t.owner.patch(
      `/api/v1/projects/${created.body.id}`,
      { name: 'Headers 2' },
      { headers: { 'if-match': String(read.headers.etag) } },
    );
    expect(patched.status).toBe(200);
    expect(patched.headers['cache-control']).toBe('no-store');
    const stale = await t.owner.patch(
      `/api/v1/projects/${created.body.id}`,
      { name: 'Headers 3' },
      { headers: { 'if-match': String(read.headers.etag) } },
    );
    expect(stale.status).toBe(412);
    expect(stale.headers['cache-control']).toBe('no-store');
  });

  it('a download keeps its attachment and is not stored', async () => {
    const answer = await t.owner.get('/api/v1/decision-logs/export', { query: { format: 'csv' } });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-disposition'])).toMatch(/^attachment; filename=/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expectCommonHeaders(answer.headers);
  });

  it('error answers (problem+json) keep the headers', async () => {
    const unauthenticated = await t.anonymous.get('/api/v1/projects');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers['content-type']).toMatch(/application\/problem\+json/);
    expectCommonHeaders(unauthenticated.headers);
    expect(unauthenticated.headers['cache-control']).toBe('no-store');

    const missing = await t.owner.get('/api/v1/projects/00000000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expectCommonHeaders(missing.headers);
    expect(missing.headers['cache-control']).toBe('no-store');

    const noRoute = await t.anonymous.get('/api/v1/no-such-route');
    expect(noRoute.status).toBe(404);
    expect(noRoute.headers['content-type']).toMatch(/application\/problem\+json/);
    expectCommonHeaders(noRoute.headers);
  });

  it('public API answers get the API policy and nosniff', async () => {
    const answer = await t.anonymous.post('/api/v1/auth/login', {
      email: 'nobody@example.test',
      password: 'x',
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expectCommonHeaders(answer.headers);
    expect(policyOf(answer.headers).get('default-src')).toEqual(["'none'"]);
  });
});
