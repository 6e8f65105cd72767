import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { ModuleDefinition } from './core/app/module.ts';
import { bootstrapFirstWorkspace } from './core/auth/bootstrap.ts';
import type { AppServices } from './core/http/route.ts';
import { startJobs } from './core/jobs/queue.ts';
import { createMetrics } from './core/observability/metrics.ts';
import { tracingFromSettings } from './core/observability/tracing.ts';
import { type DatabaseHandle, openDatabase } from './db/connection.ts';
import { migrateDatabase } from './db/migrate.ts';
import { shipshapeModules } from './modules/index.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The app's long-lived services (the saga engine among them). */
  services: AppServices;
  url: string;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

/** Opens the database, migrates it, bootstraps the first workspace if needed, and listens. */
export async function startServer(
  config: Config,
  print: (line: string) => void = console.log,
  /** Modules served beside Shipshape's own (test servers add a test module). */
  extraModules: readonly ModuleDefinition[] = [],
): Promise<RunningServer> {
  const metrics = createMetrics({ processMetrics: true });
  const database = await openDatabase(config.database, metrics.observeQuery);
  try {
    const { applied } = await migrateDatabase(database);
    if (applied > 0) print(`Applied ${applied} database migration(s).`);
    const bootstrap = await bootstrapFirstWorkspace(database, config.bootstrap);
    // Off (and nothing but the no-op API) unless an OTLP endpoint is configured.
    const tracing = tracingFromSettings(config.tracing);
    const {
      http: app,
      services,
      registry,
    } = await buildApp({
      config,
      database,
      metrics,
      auth: config.auth,
      tracing,
      modules: extraModules.length ? [...shipshapeModules, ...extraModules] : undefined,
    });
    let closing = false;
    // Once stopping, answers ask clients to close their keep-alive connections, so that the
    // connections of requests still in flight end with them instead of holding the shutdown open.
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
    const address = await app.listen({ port: config.port, host: config.host });
    // Every module's recurring jobs, each run once across all server processes.
    const scheduled = registry.jobs.flatMap((job) => {
      const cron = job.schedule(services);
      return cron ? [{ name: job.name, cron, run: () => job.run(services) }] : [];
    });
    const jobs = await startJobs(
      database,
      scheduled,
      (error) => app.log.error({ err: error }, 'the job queue reported an error'),
      tracing?.traceJob,
    );
    // Work a stopped process left half done (an import) resumes now rather than at the next schedule.
    for (const job of registry.jobs)
      if (job.runAtStart) services.background.kick(`start:${job.name}`, () => job.run(services));
    const url = config.publicUrl ?? address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    print(`Shipshape is listening on ${url} (${describeDatabase(config)})`);
    print(`  UI:       ${url}/`);
    print(`  API docs: ${url}/docs`);
    if (bootstrap.created) {
      print('');
      print(`First start: created a workspace and its owner (${bootstrap.ownerEmail}).`);
      if (bootstrap.tokenFromEnvironment) print('The owner API token is the one SHIPSHAPE_ADMIN_TOKEN gave.');
      else print(`Owner API token (shown once, keep it safe):\n\n  ${bootstrap.token}\n`);
    }
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        closing = true;
        await jobs.stop();
        await app.close();
        await database.close();
      })();
      return stopping;
    };
    return { app, database, services, url, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function describeDatabase(config: Config): string {
  if (config.database.kind === 'postgres') return 'PostgreSQL';
  return `embedded database in ${config.database.dataDir}`;
}
