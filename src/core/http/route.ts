import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AccessLogWriter } from '../access-log/writer.ts';
import type { Permission } from '../auth/permissions.ts';
import type { AuthSettings } from '../auth/settings.ts';
import { stringPropertyOf } from '../errors/unknown-values.ts';
import type { CheckpointSigner } from '../events/signing.ts';
import type { BackgroundWork } from '../jobs/background.ts';
import type { Metrics } from '../observability/metrics.ts';
import { type AppContext, type Scope, scopeOf } from '../resource/scope.ts';
import type { RateLimiter } from './rate-limit.ts';
import { installStreamBodyParsers } from './raw-bodies.ts';
import { contextOf } from './request-context.ts';

/** What routes and jobs may use of the app: the data path, plus the app's long-lived services. */
export interface AppServices extends AppContext {
  metrics: Metrics;
  /** Signs audit checkpoints. */
  signer: CheckpointSigner;
  /** The buffered access log, flushed before it is read. */
  accessLog: AccessLogWriter;
  auth: {
    settings: AuthSettings;
    signInLimiter: RateLimiter;
    invitationLimiter: RateLimiter;
  };
  settings: AppSettings;
  /** Work requests start without waiting for it (an import after its upload); the app's close waits for it. */
  background: BackgroundWork;
  /** Every table of the app (core and modules), for the schema export. */
  tables: readonly PgTable[];
}

/** The settings routes and jobs read (config.ts fills them from the environment). */
export interface AppSettings {
  publicUrl?: string;
  /** How often a signed checkpoint of each audit chain is written (0: only on demand). */
  auditCheckpointIntervalSeconds: number;
  /** How often projects without a readiness score for the day get one (0: only when read). */
  readinessRecordingIntervalSeconds: number;
  /** The largest API contract a version upload may carry, unpacked (larger answers 413). */
  contractUploadLimitBytes: number;
  /** The largest SARIF log a findings upload may carry (larger answers 413). */
  sarifUploadLimitBytes: number;
  /** What a test-result upload may hold (larger answers 413; archives beyond the rest are refused, 422). */
  testUploadLimits: {
    uploadBytes: number;
    files: number;
    entryBytes: number;
    unpackedBytes: number;
  };
}

/** The OpenAPI and validation of one route: zod schemas for each part of the request and answer. */
export interface RouteSchema {
  tags?: readonly string[];
  operationId: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  consumes?: readonly string[];
  /** Empty for routes that need no credential. */
  security?: readonly unknown[];
  produces?: readonly string[];
  response: Record<number, unknown>;
}

type Part<S, K extends keyof RouteSchema> = S extends { [P in K]: infer Schema extends z.ZodType }
  ? z.output<Schema>
  : undefined;

/** The parsed request a handler gets, typed from its schemas. */
export interface RouteInput<S extends RouteSchema> {
  params: Part<S, 'params'>;
  query: Part<S, 'querystring'>;
  headers: Part<S, 'headers'>;
  body: Part<S, 'body'>;
  app: AppServices;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** An authenticated call: the input and the caller's scope (workspace-bound database, project). */
export interface RouteCall<S extends RouteSchema> extends RouteInput<S> {
  scope: Scope;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteBase<S extends RouteSchema> {
  method: Method;
  /** Below /api/v1, Fastify syntax (`/projects/:projectId/prd-reviews/:id`). */
  url: string;
  schema: S;
  /** A larger body limit than the app's default, for uploads (from the app's settings when it is configurable). */
  bodyLimit?: number | ((settings: AppSettings) => number);
  /**
   * Media types the handler receives unparsed, as a Buffer (uploads of YAML, archives, documents of
   * any size). Only the routes that list a type accept it; `application/json` listed here reaches
   * the handler unparsed too, and the service reads it with `parseJsonBytes` (same rules).
   */
  rawBodies?: readonly string[];
  /**
   * Media types the handler receives as the request's own stream, unread (uploads too large to
   * hold in memory: the handler counts and stores the bytes as they come). Fastify's body limit
   * does not apply to them, so the handler enforces its own. Other media types keep their parsers.
   */
  streamBodies?: readonly string[];
}

/** A route for authenticated callers. The authentication hook checks `permission` before parsing. */
export interface RouteDefinition<S extends RouteSchema = RouteSchema> extends RouteBase<S> {
  permission: Permission;
  handler(call: RouteCall<S>): Promise<unknown>;
}

/** A route anyone may call (sign-in, accepting an invitation): no scope, no permission. */
export interface PublicRouteDefinition<S extends RouteSchema = RouteSchema> extends RouteBase<S> {
  public: true;
  handler(input: RouteInput<S>): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: the widest route type; each definition keeps its own schema types
export type AnyRoute = RouteDefinition<any> | PublicRouteDefinition<any>;

/**
 * Declares a route as a value: what it is (method, URL, permission, schemas) and a handler that
 * parses nothing itself, calls one service function and answers. Modules list their routes; the
 * app installs them.
 */
export function defineRoute<const S extends RouteSchema>(route: RouteDefinition<S>): RouteDefinition<S> {
  return route;
}

export function definePublicRoute<const S extends RouteSchema>(
  route: Omit<PublicRouteDefinition<S>, 'public'>,
): PublicRouteDefinition<S> {
  return { ...route, public: true };
}

// biome-ignore lint/suspicious/noExplicitAny: narrows the widest route type
export function isPublicRoute(route: AnyRoute): route is PublicRouteDefinition<any> {
  return 'public' in route;
}

/** Adds routes to a Fastify instance (the authenticated or the public /api/v1 scope). */
export function installRoutes(api: FastifyInstance, routes: readonly AnyRoute[], app: AppServices): void {
  for (const route of routes) {
    const { streamBodies } = route;
    if (!streamBodies?.length) {
      addRoute(api, route, app);
      continue;
    }
    // A scope of its own, so that its stream parsers replace the app's for this route only.
    api.register(async (scoped) => {
      installStreamBodyParsers(scoped, streamBodies);
      addRoute(scoped, route, app);
    });
  }
}

function addRoute(api: FastifyInstance, route: AnyRoute, app: AppServices): void {
  api.withTypeProvider<ZodTypeProvider>().route({
    method: route.method,
    url: route.url,
    bodyLimit: typeof route.bodyLimit === 'function' ? route.bodyLimit(app.settings) : route.bodyLimit,
    config: {
      ...(isPublicRoute(route) ? {} : { permission: route.permission }),
      ...(route.rawBodies ? { rawBodies: route.rawBodies } : {}),
    },
    schema: { ...route.schema, tags: route.schema.tags ? [...route.schema.tags] : undefined },
    handler: (request, reply) => {
      // biome-ignore lint/suspicious/noExplicitAny: Fastify has validated each part against the route's own schemas
      const input: RouteInput<any> = {
        params: request.params,
        query: request.query,
        headers: request.headers,
        body: request.body,
        app,
        request,
        reply,
      };
      if (isPublicRoute(route)) return route.handler(input);
      const projectId = stringPropertyOf(request.params, 'projectId');
      return route.handler({ ...input, scope: scopeOf(app, contextOf(request), projectId) });
    },
  });
}
