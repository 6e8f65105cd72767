import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { cspHash } from './core/http/security-headers.ts';

/** Where `npm run build:web` puts the UI; the same place from src/ (tsx) and from dist/ (built). */
export const webRoot = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Paths the server answers itself: they never fall back to the UI's index page. */
const serverPaths = /^\/(api|docs|openapi\.json|metrics|healthz|readyz)(\/|$|\?)/;

const placeholderStyle =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2733}';
/** The placeholder page's one inline style, allowed by its hash in the Content-Security-Policy. */
export const placeholderStyleHash = cspHash(placeholderStyle);

const placeholder = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shipshape</title>
<style>${placeholderStyle}</style></head>
<body>
<h1>Shipshape</h1>
<p>The server is running, but the web interface is not built: run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed).</p>
<ul><li><a href="/docs">API documentation</a></li><li><a href="/openapi.json">OpenAPI document</a></li><li><a href="/readyz">Readiness</a></li></ul>
</body></html>`;

/**
 * Serves the built web UI: hashed assets with a long cache life, and index.html (never cached) for
 * `/` and any other client route, so that reloading a deep link works. Without a build, a page
 * that says how to build it.
 */
export async function registerUi(app: FastifyInstance, root: string = webRoot): Promise<void> {
  if (!existsSync(`${root}index.html`)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(placeholder),
    );
    return;
  }
  await app.register(async (ui) => {
    await ui.register(fastifyStatic, {
      root: `${root}assets`,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      schemaHide: true,
    });
    const index = async (request: { url: string }, reply: import('fastify').FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      // Unknown server paths and missing files keep their problem+json 404.
      if (serverPaths.test(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
    };
    ui.get('/', { schema: { hide: true } }, index);
    ui.get('/*', { schema: { hide: true } }, index);
  });
}
