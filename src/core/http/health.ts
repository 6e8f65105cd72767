import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from '../../db/connection.ts';
import { appliedMigrationCount, shippedMigrations } from '../../db/migrate.ts';

const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['reachable', 'unreachable']),
    migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
  }),
});

/** How long readiness waits for the database: a probe answers, even when the database hangs. */
const readinessTimeoutMs = 2_000;

function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Liveness and readiness probes, for load balancers and orchestrators. */
export function registerHealthRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/healthz',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('alive') }) },
      },
    },
    async () => ({ status: 'alive' as const }),
  );
  routes.get(
    '/readyz',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Readiness: the database is reachable and every migration is applied',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const expected = shippedMigrations().length;
      let applied = 0;
      let reachable = true;
      try {
        applied = await withinTime(appliedMigrationCount(database), readinessTimeoutMs);
      } catch {
        reachable = false;
      }
      const ready = reachable && applied >= expected;
      reply.code(ready ? 200 : 503);
      return {
        status: ready ? ('ready' as const) : ('not_ready' as const),
        checks: {
          database: reachable ? ('reachable' as const) : ('unreachable' as const),
          migrations: { applied, expected },
        },
      };
    },
  );
}
