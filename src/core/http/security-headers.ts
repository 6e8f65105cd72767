import { createHash } from 'node:crypto';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyReply, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** @fastify/helmet's options for this route, replacing the app's (see `useApiSecurityHeaders`). */
    helmet?: Omit<FastifyHelmetOptions, 'global'>;
  }
}

/** `'sha256-…'`: a CSP source allowing exactly this inline script or style element's text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of the pages a browser renders: the web UI, its placeholder and the
 * API documentation at /docs. Scripts and styles come from the server's own files only (no inline
 * script, no inline event handler, no eval); an inline style is allowed only by its hash
 * (`inlineStyleHashes`, e.g. the placeholder page's). No page may be framed.
 */
export function pageDirectives(inlineStyleHashes: readonly string[] = []): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", ...inlineStyleHashes],
  };
}

/**
 * @fastify/helmet's options for every answer of the app: the page policy above, no framing, no
 * MIME sniffing, no referrer, HSTS (browsers honour it over HTTPS only).
 */
export function securityHeaderOptions(inlineStyleHashes: readonly string[] = []): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: pageDirectives(inlineStyleHashes) },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  };
}

/** API answers are data, never a page: a policy that loads nothing and may not be framed. */
const apiHelmet: Omit<FastifyHelmetOptions, 'global'> = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
};

/** An `onRoute` hook for the API's scopes: their answers get the API's policy instead of the page's. */
export function useApiSecurityHeaders(route: RouteOptions): void {
  route.config = { ...route.config, helmet: apiHelmet };
}

/**
 * An `onRequest` hook for the authenticated API: its answers (errors included) are never stored
 * by a browser or a shared cache. A route that sets its own Cache-Control replaces this one.
 */
export async function noStore(_request: unknown, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
}

/**
 * Swagger UI's bundle (at /docs) inserts one inline `<style>` element at start; this is its hash,
 * as the browser reports it. Allowed on the documentation's pages only (see `docsPolicy`).
 */
export const swaggerUiStyleHash = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** @fastify/swagger-ui's `transformStaticCSP`: the page policy plus Swagger UI's inline style. */
export function docsPolicy(header: string): string {
  return header.replace(/(^|;)\s*style-src ([^;]*)/, `$1style-src $2 ${swaggerUiStyleHash}`);
}
