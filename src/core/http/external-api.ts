import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppServices, installRoutes, type PublicRouteDefinition } from './route.ts';
import { noStore, useApiSecurityHeaders } from './security-headers.ts';

/** An OpenAPI security scheme object (`type`, `scheme`, `in`, `name`, `description`). */
export type SecurityScheme = Record<string, string>;

/** What an external API keeps while the app runs: how it authenticates calls, and how it stops. */
export interface ExternalApiRuntime {
  /** An `onRequest` hook: resolves the caller or throws (a 401 or 403 problem). */
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Flushes what it buffers; the app calls it when it closes. */
  close(): Promise<void>;
}

/**
 * Routes served outside /api/v1 to callers that are not people — applications holding a key of
 * their own — with their own authentication instead of tokens and sessions. URLs are absolute
 * (`/ofrep/v1/...`); a route's handler reads its caller from what `authenticate` resolved.
 */
export interface ExternalApi {
  /** Its name in logs and errors. */
  name: string;
  /** The OpenAPI security schemes its callers use, by name; every route declares them all. */
  securitySchemes: Readonly<Record<string, SecurityScheme>>;
  // biome-ignore lint/suspicious/noExplicitAny: the widest route type; each definition keeps its own schema types
  routes: readonly PublicRouteDefinition<any>[];
  /** Builds the API's state for one app (caches, buffers), once, when the app is built. */
  start(app: AppServices): ExternalApiRuntime;
}

/** Serves an external API: its routes, authenticated by its own hook, never cached by browsers. */
export async function installExternalApi(
  http: FastifyInstance,
  api: ExternalApi,
  services: AppServices,
): Promise<void> {
  const runtime = api.start(services);
  const security = [Object.fromEntries(Object.keys(api.securitySchemes).map((name) => [name, []]))];
  await http.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, security };
    });
    scope.addHook('onRoute', useApiSecurityHeaders);
    scope.addHook('onRequest', noStore);
    scope.addHook('onRequest', runtime.authenticate);
    scope.addHook('onClose', async () => runtime.close());
    installRoutes(scope, api.routes, services);
  });
}
