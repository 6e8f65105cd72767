import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../../db/connection.ts';

/**
 * A recurring job: a stable name, when it runs (cron, in UTC) and what it does. Handlers must be
 * idempotent: a job that fails or whose process dies is retried, possibly by another process.
 */
export interface JobDefinition {
  name: string;
  cron: string;
  run(): Promise<void>;
}

/** Runs one job's work, e.g. in a trace span of its own (see core/observability/tracing.ts). */
export type JobTracer = <T>(name: string, run: () => Promise<T>) => Promise<T>;

export interface Jobs {
  /** Queues one run now and waits until it completed (or throws if it failed). */
  runNow(name: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss's connection: the server's own database handle. Statements without parameters may be
 * several at once (pg-boss creates its schema that way), which PGlite only runs through `exec`.
 */
function bossDatabase(database: DatabaseHandle): PgBoss.Db {
  return {
    executeSql: async (text, values) =>
      values && values.length > 0
        ? { rows: await database.query(text, values) }
        : { rows: await database.exec(text) },
  };
}

/**
 * Starts the job queue (pg-boss, in the `pgboss` schema of the same database) and the workers of
 * the given jobs. Every process may call this: pg-boss creates its schema once under a lock, fires
 * each cron schedule once across processes, and hands each queued run to exactly one worker
 * (`SELECT … FOR UPDATE SKIP LOCKED`).
 */
export async function startJobs(
  database: DatabaseHandle,
  definitions: JobDefinition[],
  onError: (error: unknown) => void,
  traceJob: JobTracer = (_name, run) => run(),
): Promise<Jobs> {
  const boss = new PgBoss({ db: bossDatabase(database), schema: 'pgboss', supervise: true, schedule: true });
  boss.on('error', onError);
  await boss.start();
  for (const definition of definitions) {
    await boss.createQueue(definition.name, { name: definition.name, retryLimit: 3, retryBackoff: true });
    await boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
    await boss.work(definition.name, { pollingIntervalSeconds: 2 }, async () => {
      await traceJob(definition.name, () => definition.run());
    });
  }
  return {
    async runNow(name, timeoutMs = 30_000) {
      const id = await boss.send(name, {}, { retryLimit: 0 });
      if (!id) throw new Error(`job ${name} was not queued`);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById(name, id);
        if (job?.state === 'completed') return;
        if (job?.state === 'failed') throw new Error(`job ${name} failed: ${JSON.stringify(job.output)}`);
        if (Date.now() > deadline) throw new Error(`job ${name} did not finish within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
