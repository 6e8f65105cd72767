import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import {
  type Config,
  defaultContractUploadLimitBytes,
  defaultSarifUploadLimitBytes,
  defaultTestUploadLimits,
} from './config.ts';
import type { ModuleDefinition } from './core/app/module.ts';
import { createRegistry, type Registry } from './core/app/registry.ts';
import { createAppServices } from './core/app/services.ts';
import type { AuthSettings } from './core/auth/settings.ts';
import { createAuthenticationHook } from './core/http/authenticate.ts';
import { installExternalApi, type SecurityScheme } from './core/http/external-api.ts';
import { registerHealthRoutes } from './core/http/health.ts';
import { frameworkError, installJsonBodyRules, refuseUnsafeUrl } from './core/http/input-rules.ts';
import { toProblem } from './core/http/problem.ts';
import { createRateLimiter } from './core/http/rate-limit.ts';
import { installRawBodyParsers } from './core/http/raw-bodies.ts';
import { type AppServices, type AppSettings, installRoutes, isPublicRoute } from './core/http/route.ts';
import {
  docsPolicy,
  noStore,
  securityHeaderOptions,
  useApiSecurityHeaders,
} from './core/http/security-headers.ts';
import { instrumentRequests, type Metrics } from './core/observability/metrics.ts';
import { type TraceIdOf, type Tracing, traceRequests } from './core/observability/tracing.ts';
import type { DatabaseHandle } from './db/connection.ts';
import { type McpHttpSettings, registerMcpRoute } from './mcp/http.ts';
import { shipshapeModules } from './modules/index.ts';
import { placeholderStyleHash, registerUi } from './ui.ts';

export interface AppDependencies {
  config: Pick<Config, 'bodyLimitBytes' | 'logLevel' | 'publicUrl'> &
    Partial<
      Pick<
        Config,
        | 'secretKey'
        | 'previousSecretKeys'
        | 'auditCheckpointIntervalSeconds'
        | 'readinessRecordingIntervalSeconds'
        | 'contractUploadLimitBytes'
        | 'sarifUploadLimitBytes'
        | 'testUploadLimits'
        | 'sagaLeaseSeconds'
      >
    >;
  database: DatabaseHandle;
  metrics: Metrics;
  /** Sessions, sign-in throttling and rate limits; defaults when absent. */
  auth?: Partial<AuthSettings>;
  /** The modules to serve: every Shipshape module unless given (tests add test-only modules). */
  modules?: readonly ModuleDefinition[];
  /** Where the built web UI is: `web/dist/` unless given (tests serve a UI of their own). */
  webRoot?: string;
  /** Pino options or false; tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** OpenTelemetry tracing, when on; the app shuts it down (flushing its spans) when it closes. */
  tracing?: Tracing;
  /** The MCP endpoint's settings over those of the environment (MCP_ALLOWED_ORIGINS…). */
  mcp?: Partial<McpHttpSettings>;
}

/** A built app: its HTTP server, its long-lived services and what its modules declare. */
export interface App {
  http: FastifyInstance;
  services: AppServices;
  registry: Registry;
}

export const apiPrefix = '/api/v1';

/** The settings every request and job reads, from the configuration (defaults where absent). */
function appSettings(config: AppDependencies['config']): AppSettings {
  return {
    publicUrl: config.publicUrl,
    auditCheckpointIntervalSeconds: config.auditCheckpointIntervalSeconds ?? 0,
    readinessRecordingIntervalSeconds: config.readinessRecordingIntervalSeconds ?? 0,
    contractUploadLimitBytes: config.contractUploadLimitBytes ?? defaultContractUploadLimitBytes,
    sarifUploadLimitBytes: config.sarifUploadLimitBytes ?? defaultSarifUploadLimitBytes,
    testUploadLimits: config.testUploadLimits ?? defaultTestUploadLimits,
  };
}
const incomingRequestId = /^[\w.:-]{1,128}$/;

/**
 * The composition root: assembles mechanisms and modules into one app. `server.ts` and the tests
 * both build the app through here, so that what is tested is what runs.
 */
export async function buildApp(deps: AppDependencies): Promise<App> {
  const { database, metrics } = deps;
  const registry = createRegistry(deps.modules ?? shipshapeModules);
  const http = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request) => {
      const offered = request.headers['x-request-id'];
      return typeof offered === 'string' && incomingRequestId.test(offered) ? offered : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Malformed percent-encoding and over-long parameters fail before routing: still a problem document.
    frameworkErrors: (error, request, reply) => sendProblem(frameworkError(error), request, reply),
  });
  const services = await createAppServices({
    database,
    metrics,
    registry,
    settings: appSettings(deps.config),
    secretKey: deps.config.secretKey,
    previousSecretKeys: deps.config.previousSecretKeys,
    auth: deps.auth,
    sagaLeaseSeconds: deps.config.sagaLeaseSeconds,
    onAccessLogError: (error, lost) => http.log.error({ err: error, lost }, 'writing the access log failed'),
    onBackgroundError: (name, error) => http.log.error({ err: error, work: name }, 'background work failed'),
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  http.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Security headers on every answer, errors included (docs/security.md, "Response headers"):
  // registered before the input rules, so that a refused request carries them too.
  await http.register(helmet, securityHeaderOptions([placeholderStyleHash]));
  http.addHook('onRequest', refuseUnsafeUrl);
  installJsonBodyRules(http);
  installRawBodyParsers(
    http,
    registry.routes.flatMap((route) => route.rawBodies ?? []),
  );
  const { tracing } = deps;
  const traceIdOf: TraceIdOf = tracing ? traceRequests(http, tracing) : () => undefined;
  setErrorHandlers(http, traceIdOf);
  instrumentRequests(http, metrics);
  await registerOpenApi(
    http,
    deps.config.publicUrl,
    Object.assign({}, ...registry.externalApis.map((api) => api.securitySchemes)),
  );
  // Registered before the API, so it runs after every route's own close: the access log flushes last.
  http.addHook('onClose', async () => {
    // Work started by requests stops first: it may still be writing.
    services.sagas.close();
    await services.background.close();
    await services.credentials.close();
    await services.accessLog.close();
    await tracing?.shutdown();
  });

  registerHealthRoutes(http, database);
  await registerUi(http, deps.webRoot);

  await registerApi(http, registry, services, database);
  for (const api of registry.externalApis) await installExternalApi(http, api, services);
  // MCP over Streamable HTTP at /mcp, authenticated exactly as the API (docs/agents.md).
  const mcpLimiter = createRateLimiter('MCP', services.auth.settings.rateLimits.perCredentialPerMinute);
  registerMcpRoute(http, {
    authenticate: createAuthenticationHook(database.db, mcpLimiter, services.credentials),
    publicUrl: deps.config.publicUrl,
    settings: deps.mcp,
  });
  return { http, services, registry };
}

/**
 * The API under /api/v1: public routes (sign-in, invitations) as they are; every other route
 * authenticated, authorized by its declared permission, never cached and access-logged.
 */
async function registerApi(
  http: FastifyInstance,
  registry: Registry,
  services: AppServices,
  database: DatabaseHandle,
): Promise<void> {
  const publicRoutes = registry.routes.filter(isPublicRoute);
  const privateRoutes = registry.routes.filter((route) => !isPublicRoute(route));
  await http.register(
    async (api) => {
      api.addHook('onRoute', useApiSecurityHeaders);
      installRoutes(api, publicRoutes, services);
    },
    { prefix: apiPrefix },
  );
  const perCredential = createRateLimiter('API', services.auth.settings.rateLimits.perCredentialPerMinute);
  await http.register(
    async (api) => {
      api.addHook('onRoute', (route) => {
        const permission = route.config?.permission;
        route.schema = {
          ...route.schema,
          security: [{ bearerToken: [] }, { sessionCookie: [] }],
          ...(permission ? { 'x-permission': permission.name } : {}),
        };
      });
      api.addHook('onRoute', useApiSecurityHeaders);
      // Before authentication, so that a refused credential's 401 is not stored either.
      api.addHook('onRequest', noStore);
      api.addHook('onRequest', createAuthenticationHook(database.db, perCredential, services.credentials));
      api.addHook('onResponse', services.accessLog.record);
      installRoutes(api, privateRoutes, services);
    },
    { prefix: apiPrefix },
  );
}

function setErrorHandlers(http: FastifyInstance, traceIdOf: TraceIdOf): void {
  const ids = (request: FastifyRequest) => {
    const traceId = traceIdOf(request);
    return traceId ? { requestId: request.id, traceId } : { requestId: request.id };
  };
  http.setErrorHandler((error, request, reply) => sendProblem(error, request, reply, ids(request)));
  http.setNotFoundHandler((request, reply) => {
    const { problem } = toProblem(null);
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        ...problem,
        type: 'urn:shipshape:problem:route_not_found',
        title: 'Not found',
        status: 404,
        code: 'route_not_found',
        detail: `No route ${request.method} ${request.url.split('?')[0]}. See /docs for the API.`,
        ...ids(request),
      });
  });
}

/** Any error, from any layer, as an RFC 9457 problem document. */
function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  ids: { requestId: string; traceId?: string } = { requestId: request.id },
): FastifyReply {
  const { problem, headers, internal } = toProblem(error);
  if (internal) request.log.error({ err: error }, 'request failed');
  else if (problem.status >= 500) request.log.warn({ code: problem.code }, problem.detail);
  return reply
    .code(problem.status)
    .headers(headers)
    .type('application/problem+json')
    .serializer((body) => JSON.stringify(body))
    .send({ ...problem, instance: request.url.split('?')[0], ...ids });
}

async function registerOpenApi(
  http: FastifyInstance,
  publicUrl: string | undefined,
  externalSchemes: Record<string, SecurityScheme>,
): Promise<void> {
  await http.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shipshape API',
        version: '1.0.0',
        description:
          'The control plane for production-ready software delivery. Errors are RFC 9457 problem+json; lists paginate with cursors.',
      },
      servers: publicUrl ? [{ url: publicUrl }] : [],
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (shp_…)' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'shipshape_session',
            description: 'The session cookie sign-in sets; writes also need the X-CSRF-Token header',
          },
          ...externalSchemes,
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await http.register(swaggerUi, { routePrefix: '/docs', transformStaticCSP: docsPolicy });
  http.get('/openapi.json', { schema: { hide: true } }, async () => http.swagger());
}
