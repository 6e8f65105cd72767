import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { createAuthenticationHook } from './core/auth/authenticate.ts';
import type { AuthSettings } from './core/auth/settings.ts';
import { scheduleCheckpoints } from './core/events/checkpoints.ts';
import { createFieldCipher, useFieldCipher } from './core/events/sensitive.ts';
import { createCheckpointSigner } from './core/events/signing.ts';
import { registerHealthRoutes } from './core/http/health.ts';
import { toProblem } from './core/http/problem.ts';
import { createRateLimiter } from './core/http/rate-limit.ts';
import { instrumentRequests, type Metrics } from './core/observability/metrics.ts';
import type { DatabaseHandle } from './db/connection.ts';
import { registerAccessLogRoutes } from './modules/audit/access-log/routes.ts';
import { createAccessLogWriter } from './modules/audit/access-log/writer.ts';
import { registerAuditEventRoutes } from './modules/audit/events-routes.ts';
import { registerRetentionRoutes } from './modules/audit/retention/routes.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerDecisionLogRoutes } from './modules/decision-logs/routes.ts';
import {
  identityDependencies,
  registerIdentityRoutes,
  registerPublicIdentityRoutes,
} from './modules/identity/routes.ts';
import { registerMetadataRoutes } from './modules/metadata/routes.ts';
import { scheduleDailyScores } from './modules/plan/history.ts';
import { registerPlanRoutes } from './modules/plan/routes.ts';
import { registerPrdReviewRoutes } from './modules/prd-reviews/routes.ts';
import { registerProjectRoutes } from './modules/projects/routes.ts';
import { registerSchemaExportRoutes } from './modules/schema-export/routes.ts';
import { registerSearchRoutes } from './modules/search/routes.ts';
import { registerUi } from './ui.ts';

export interface AppDependencies {
  config: Pick<Config, 'bodyLimitBytes' | 'logLevel' | 'publicUrl'> &
    Partial<
      Pick<
        Config,
        | 'secretKey'
        | 'previousSecretKeys'
        | 'auditCheckpointIntervalSeconds'
        | 'readinessRecordingIntervalSeconds'
      >
    >;
  database: DatabaseHandle;
  metrics: Metrics;
  /** Sessions, sign-in throttling and rate limits; defaults when absent. */
  auth?: Partial<AuthSettings>;
  /** Further modules served under /api/v1 with authentication (tests add test-only resources). */
  modules?: ((api: FastifyInstance, db: DatabaseHandle['db']) => void)[];
  /** Pino options or false; tests pass false. */
  logger?: FastifyServerOptions['logger'];
}

export const apiPrefix = '/api/v1';
const incomingRequestId = /^[\w.:-]{1,128}$/;

/**
 * The composition root: assembles mechanisms and modules into one Fastify app. `main.ts` and the
 * tests both build the app through here, so that what is tested is what runs.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { database, metrics } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request) => {
      const offered = request.headers['x-request-id'];
      return typeof offered === 'string' && incomingRequestId.test(offered) ? offered : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error, request, reply) => {
    const { problem, headers, internal } = toProblem(error);
    if (internal) request.log.error({ err: error }, 'request failed');
    else if (problem.status >= 500) request.log.warn({ code: problem.code }, problem.detail);
    return reply
      .code(problem.status)
      .headers(headers)
      .type('application/problem+json')
      .serializer((body) => JSON.stringify(body))
      .send({ ...problem, instance: request.url.split('?')[0], requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
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
        requestId: request.id,
      });
  });

  instrumentRequests(app, metrics);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shipshape API',
        version: '1.0.0',
        description:
          'The control plane for production-ready software delivery. Errors are RFC 9457 problem+json; lists paginate with cursors.',
      },
      servers: deps.config.publicUrl ? [{ url: deps.config.publicUrl }] : [],
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (shp_…)' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'shipshape_session',
            description: 'The session cookie sign-in sets; writes also need the X-CSRF-Token header',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const signer = await createCheckpointSigner(database.db, deps.config.secretKey);
  useFieldCipher(
    await createFieldCipher(database.db, deps.config.secretKey, deps.config.previousSecretKeys ?? []),
  );
  const stopCheckpoints = scheduleCheckpoints(
    database.db,
    signer,
    deps.config.auditCheckpointIntervalSeconds ?? 0,
    (error) => app.log.error({ err: error }, 'writing audit checkpoints failed'),
  );
  app.addHook('onClose', async () => stopCheckpoints());
  const stopScores = scheduleDailyScores(
    database.db,
    deps.config.readinessRecordingIntervalSeconds ?? 0,
    (error) => app.log.error({ err: error }, 'recording readiness scores failed'),
  );
  app.addHook('onClose', async () => stopScores());
  const accessLog = createAccessLogWriter(database.db, {
    onError: (error, lost) => app.log.error({ err: error, lost }, 'writing the access log failed'),
  });
  // Registered after everything that may still answer requests, so it flushes last on shutdown.
  app.addHook('onClose', async () => accessLog.close());

  registerHealthRoutes(app, database);
  await registerUi(app);

  const identity = identityDependencies(database.db, deps.auth);
  await app.register(async (publicApi) => registerPublicIdentityRoutes(publicApi, identity), {
    prefix: apiPrefix,
  });
  const perCredential = createRateLimiter('API', identity.settings.rateLimits.perCredentialPerMinute);
  await app.register(
    async (api) => {
      api.addHook('onRoute', (route) => {
        const permission = route.config?.permission;
        route.schema = {
          ...route.schema,
          security: [{ bearerToken: [] }, { sessionCookie: [] }],
          ...(permission ? { 'x-permission': permission } : {}),
        };
      });
      api.addHook('onRequest', createAuthenticationHook(database.db, perCredential));
      api.addHook('onResponse', accessLog.record);
      registerIdentityRoutes(api, identity);
      registerProjectRoutes(api, database.db);
      registerAuditRoutes(api, { db: database.db, signer });
      registerAuditEventRoutes(api, database.db);
      registerAccessLogRoutes(api, database.db, accessLog);
      registerRetentionRoutes(api, database.db);
      registerPrdReviewRoutes(api, database.db, metrics);
      registerDecisionLogRoutes(api, database.db);
      registerMetadataRoutes(api, database.db);
      registerSearchRoutes(api, database.db);
      registerPlanRoutes(api, database.db);
      registerSchemaExportRoutes(api);
      for (const register of deps.modules ?? []) register(api, database.db);
    },
    { prefix: apiPrefix },
  );

  return app;
}
