import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUi } from '../../src/ui.ts';

describe('serving the web UI', () => {
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = `${await mkdtemp(join(tmpdir(), 'shipshape-ui-'))}/`;
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    app = Fastify({ logger: false });
    app.get('/api/v1/ping', async () => ({ ok: true }));
    await registerUi(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the index page at / and for client routes, never cached', async () => {
    for (const url of ['/', '/projects/123', '/decisions/new?x=1']) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['content-type']).toMatch(/text\/html/);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body).toContain('id="root"');
    }
  });

  it('serves hashed assets with a long cache life', async () => {
    const answer = await app.inject({ url: '/assets/index-abc.js' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toContain('immutable');
  });

  it('never answers server paths or missing files with the index page', async () => {
    for (const url of [
      '/api/v1/nothing',
      '/api',
      '/metricsx/../metrics',
      '/healthz/x',
      '/favicon.ico',
      '/assets/gone.js',
    ]) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body, url).not.toContain('id="root"');
    }
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ ok: true });
  });

  it('shows how to build the UI when it is not built', async () => {
    const bare = Fastify({ logger: false });
    await registerUi(bare, join(root, 'missing/'));
    const answer = await bare.inject({ url: '/' });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('npm run build:web');
    await bare.close();
  });
});
