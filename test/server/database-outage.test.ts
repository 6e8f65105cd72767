import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../src/core/jobs/queue.ts';
import { createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { testDatabaseKind } from '../../src/test-support/database.ts';
import { withAdminClient } from '../../src/test-support/template-database.ts';

// The test's own database goes away (its connections terminated, new ones refused) and comes back;
// the shared PostgreSQL server is never restarted. The embedded database has no such outage.
const onPostgres = testDatabaseKind() === 'postgres';

describe.skipIf(!onPostgres)('PostgreSQL unreachable, then back', () => {
  let t: TestApp;
  let name: string;
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const admin = (sql: string) => withAdminClient(adminUrl, (client) => client.query(sql));

  const takeDown = async () => {
    await admin(`alter database ${name} allow_connections false`);
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );
  };
  const bringBack = () => admin(`alter database ${name} allow_connections true`);

  async function eventually<T>(attempt: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await attempt();
      if (accept(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    const url = new URL(t.testDatabase.url ?? '');
    name = url.pathname.slice(1);
  });
  afterAll(async () => {
    if (name) await bringBack();
    await t?.close();
  });

  it('answers 503 problems with Retry-After, reports not ready, and recovers on its own', async () => {
    expect((await t.owner.get('/api/v1/projects')).status).toBe(200);
    const notified: string[] = [];
    const unlisten = await t.database.listen('outage_test', (payload) => notified.push(payload));
    const jobRuns: string[] = [];
    const jobs = await startJobs(
      t.database,
      [{ name: 'outage-probe', cron: '0 0 1 1 *', run: async () => void jobRuns.push('ran') }],
      () => {},
    );
    try {
      await takeDown();

      const started = Date.now();
      const read = await t.owner.get('/api/v1/projects');
      expect(read.status).toBe(503);
      expect(read.headers['content-type']).toContain('application/problem+json');
      expect(read.headers['retry-after']).toBe('5');
      expect(read.body).toMatchObject({ status: 503, code: 'database_unavailable' });
      const write = await t.owner.post('/api/v1/projects', { key: 'OUT', name: 'Outage' });
      expect(write.status).toBe(503);
      expect(write.headers['retry-after']).toBe('5');

      const ready = await t.anonymous.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not_ready', checks: { database: 'unreachable' } });
      // Nothing hung: every answer came well within the connection timeout.
      expect(Date.now() - started).toBeLessThan(10_000);

      await bringBack();

      const back = await eventually(
        () => t.owner.get('/api/v1/projects'),
        (answer) => answer.status === 200,
      );
      expect(back.status).toBe(200);
      const created = await t.owner.post('/api/v1/projects', { key: 'BACK', name: 'Back' });
      expect(created.status).toBe(201);
      expect((await t.anonymous.get('/readyz')).status).toBe(200);

      // The listening connection came back too: a notification reaches it again.
      await eventually(
        async () => {
          await t.database.exec(`notify outage_test, 'again'`);
          await new Promise((resolve) => setTimeout(resolve, 100));
          return notified.length;
        },
        (count) => count > 0,
      );
      expect(notified).toContain('again');

      // And the job queue works again.
      await jobs.runNow('outage-probe', 20_000);
      expect(jobRuns).toEqual(['ran']);
    } finally {
      await jobs.stop();
      await unlisten();
    }
  });
});
