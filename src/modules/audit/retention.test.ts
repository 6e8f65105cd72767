import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../core/jobs/queue.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { testDatabaseKind } from '../../test-support/database.ts';
import { accessLogRetentionJob, applyAccessLogRetention } from './retention/job.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = 24 * 60 * 60 * 1000;

/** Writes `count` access-log entries `daysAgo` days old (as if recorded then). */
async function oldEntries(workspaceId: string, userId: string, count: number, daysAgo: number) {
  await t.database.query(
    `insert into audit_logs (id, workspace_id, user_id, method, route, status, duration_ms, request_id, occurred_at)
     select gen_random_uuid(), $1, $2, 'GET', '/api/v1/projects', 200, 1.5, 'old-' || n, $3::timestamptz - n * interval '1 millisecond'
     from generate_series(1, $4) as n`,
    [workspaceId, userId, new Date(Date.now() - daysAgo * day).toISOString(), count],
  );
}

async function counts(workspaceId: string) {
  const [row] = await t.database.query<{ hot: string; archived: string; distinct_archived: string }>(
    `select (select count(*) from audit_logs where workspace_id = $1 and request_id like 'old-%') as hot,
            (select count(*) from audit_logs_archive where workspace_id = $1) as archived,
            (select count(distinct request_id) from audit_logs_archive where workspace_id = $1) as distinct_archived`,
    [workspaceId],
  );
  return {
    hot: Number(row?.hot),
    archived: Number(row?.archived),
    distinctArchived: Number(row?.distinct_archived),
  };
}

describe('the retention policy', () => {
  it('answers the defaults until set, then the workspace’s policy, recorded in the audit trail', async () => {
    const owner = await t.newWorkspace();
    expect((await owner.get('/api/v1/audit/retention')).body).toMatchObject({
      hotDays: 90,
      archiveDays: 365,
      isDefault: true,
      version: 0,
    });
    const set = await owner.put('/api/v1/audit/retention', { hotDays: 30, archiveDays: 700 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ hotDays: 30, archiveDays: 700, isDefault: false, version: 1 });
    expect((await owner.get('/api/v1/audit/retention')).body).toMatchObject({
      hotDays: 30,
      archiveDays: 700,
    });
    const events = await owner.get('/api/v1/audit/events', {
      query: { eventType: 'audit_retention_policy.updated' },
    });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].eventData.changes).toEqual({
      hotDays: { before: 90, after: 30 },
      archiveDays: { before: 365, after: 700 },
    });
    expect((await owner.put('/api/v1/audit/retention', { hotDays: 30, archiveDays: 700 })).body.version).toBe(
      1,
    );
  });

  it('refuses bad values with 400 and members who may not administer with 403, changing nothing', async () => {
    const owner = await t.newWorkspace();
    const bad = await owner.put('/api/v1/audit/retention', { hotDays: 0, archiveDays: -1, extra: true });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((error: { path: string }) => error.path).sort();
    expect(paths).toEqual(['archiveDays', 'extra', 'hotDays']);
    const editor = await t.newMember(owner, 'editor');
    expect((await editor.put('/api/v1/audit/retention', { hotDays: 5, archiveDays: 5 })).status).toBe(403);
    expect((await owner.get('/api/v1/audit/retention')).body.isDefault).toBe(true);
  });
});

describe('archiving the access log', () => {
  it('moves entries past the workspace’s hot period to the archive, queryable with archive=true', async () => {
    const owner = await t.newWorkspace();
    const other = await t.newWorkspace();
    await owner.put('/api/v1/audit/retention', { hotDays: 30, archiveDays: 365 });
    await oldEntries(owner.workspaceId, owner.userId, 5, 40);
    await oldEntries(owner.workspaceId, owner.userId, 3, 10);
    await oldEntries(other.workspaceId, other.userId, 4, 40);
    await applyAccessLogRetention(t.database.db);
    expect(await counts(owner.workspaceId)).toMatchObject({ hot: 3, archived: 5 });
    expect(await counts(other.workspaceId)).toMatchObject({ hot: 4, archived: 0 });
    const archived = await owner.get('/api/v1/audit/access-logs', {
      query: { archive: 'true', limit: '200' },
    });
    expect(archived.body.data).toHaveLength(5);
    expect(archived.body.data[0]).toMatchObject({
      method: 'GET',
      route: '/api/v1/projects',
      userId: owner.userId,
    });
    const exported = await owner.get('/api/v1/audit/access-logs/export', {
      query: { archive: 'true', format: 'csv' },
    });
    expect(String(exported.body).split('\r\n').filter(Boolean)).toHaveLength(6);
    const stranger = await other.get('/api/v1/audit/access-logs', { query: { archive: 'true' } });
    expect(stranger.body.data).toEqual([]);
  });

  it('purges archived entries past the archive period', async () => {
    const owner = await t.newWorkspace();
    await owner.put('/api/v1/audit/retention', { hotDays: 10, archiveDays: 20 });
    await oldEntries(owner.workspaceId, owner.userId, 4, 31);
    await oldEntries(owner.workspaceId, owner.userId, 2, 15);
    const result = await applyAccessLogRetention(t.database.db);
    expect(result.purged).toBeGreaterThanOrEqual(4);
    expect(await counts(owner.workspaceId)).toMatchObject({ hot: 0, archived: 2 });
  });

  it('resumes after a run that stops between batches, never losing or duplicating an entry', async () => {
    const owner = await t.newWorkspace();
    await owner.put('/api/v1/audit/retention', { hotDays: 1, archiveDays: 3650 });
    await oldEntries(owner.workspaceId, owner.userId, 95, 2);
    const failure = new Error('killed after batch 3');
    await expect(
      applyAccessLogRetention(t.database.db, {
        batchSize: 10,
        afterBatch: (batch) => {
          if (batch === 3) throw failure;
        },
      }),
    ).rejects.toBe(failure);
    expect(await counts(owner.workspaceId)).toEqual({ hot: 65, archived: 30, distinctArchived: 30 });
    await applyAccessLogRetention(t.database.db, { batchSize: 10 });
    expect(await counts(owner.workspaceId)).toEqual({ hot: 0, archived: 95, distinctArchived: 95 });
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'resumes after the mover’s process is killed (SIGKILL) mid-run, never losing or duplicating an entry',
    async () => {
      const owner = await t.newWorkspace();
      await owner.put('/api/v1/audit/retention', { hotDays: 1, archiveDays: 3650 });
      await oldEntries(owner.workspaceId, owner.userId, 95, 2);
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(new URL('./retention/archive-child.ts', import.meta.url)),
          String(t.testDatabase.url),
          '10',
          '4',
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(child.signal, child.stderr).toBe('SIGKILL');
      expect(child.stdout.trim().split('\n')).toEqual(['batch 1', 'batch 2', 'batch 3', 'batch 4']);
      expect(await counts(owner.workspaceId)).toEqual({ hot: 55, archived: 40, distinctArchived: 40 });
      await applyAccessLogRetention(t.database.db, { batchSize: 10 });
      expect(await counts(owner.workspaceId)).toEqual({ hot: 0, archived: 95, distinctArchived: 95 });
    },
  );

  it('runs as a scheduled job through the job queue', async () => {
    const owner = await t.newWorkspace();
    await owner.put('/api/v1/audit/retention', { hotDays: 1, archiveDays: 3650 });
    await oldEntries(owner.workspaceId, owner.userId, 7, 2);
    const job = accessLogRetentionJob;
    const cron = job.schedule(t.services) ?? '';
    const definition = { name: job.name, cron, run: () => job.run(t.services) };
    const jobs = await startJobs(t.database, [definition], (error) => {
      throw error;
    });
    try {
      await jobs.runNow('audit-access-log-retention');
    } finally {
      await jobs.stop();
    }
    expect(await counts(owner.workspaceId)).toMatchObject({ hot: 0, archived: 7 });
  });
});
