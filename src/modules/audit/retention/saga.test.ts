import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveToArchive } from '../../../core/archive/mover.ts';
import { sagaSteps, workflowSagas } from '../../../core/sagas/tables.ts';
import { createTestApp, type TestApp } from '../../../test-support/app.ts';
import { workspaceAccessLogArchive } from './archive-pair.ts';
import { accessLogRetentionJob } from './job.ts';
import { retentionPeriod, retentionSagaType, startRetentionSagas } from './saga.ts';

// Access-log retention runs as one saga per workspace and hour: archive, verify, purge.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = 24 * 60 * 60 * 1000;

async function oldEntries(workspaceId: string, userId: string, count: number, daysAgo: number) {
  await t.database.query(
    `insert into audit_logs (id, workspace_id, user_id, method, route, status, duration_ms, request_id, occurred_at)
     select gen_random_uuid(), $1, $2, 'GET', '/api/v1/projects', 200, 1.5, 'old-' || n, $3::timestamptz - n * interval '1 millisecond'
     from generate_series(1, $4) as n`,
    [workspaceId, userId, new Date(Date.now() - daysAgo * day).toISOString(), count],
  );
}

async function counts(workspaceId: string) {
  const [row] = await t.database.query<{ hot: number; archived: number; distinct_archived: number }>(
    `select (select count(*)::int from audit_logs where workspace_id = $1 and request_id like 'old-%') as hot,
            (select count(*)::int from audit_logs_archive where workspace_id = $1) as archived,
            (select count(distinct request_id)::int from audit_logs_archive where workspace_id = $1) as distinct_archived`,
    [workspaceId],
  );
  return { hot: row?.hot, archived: row?.archived, distinctArchived: row?.distinct_archived };
}

const sagasOf = (workspaceId: string) =>
  t.services.tenancy.bind(workspaceId).read((db) =>
    db
      .select()
      .from(workflowSagas)
      .where(and(eq(workflowSagas.workspaceId, workspaceId), eq(workflowSagas.sagaType, retentionSagaType))),
  );

const stepsOf = (workspaceId: string, sagaId: string) =>
  t.services.tenancy
    .bind(workspaceId)
    .read((db) =>
      db
        .select()
        .from(sagaSteps)
        .where(eq(sagaSteps.sagaId, sagaId))
        .orderBy(asc(sagaSteps.stepIndex), asc(sagaSteps.attempt)),
    );

describe('access-log retention as a saga', () => {
  it('runs archive, verify and purge once per workspace and hour, however often the job runs', async () => {
    const owner = await t.newWorkspace();
    const untouched = await t.newWorkspace();
    await owner.put('/api/v1/audit/retention', { hotDays: 10, archiveDays: 20 });
    await oldEntries(owner.workspaceId, owner.userId, 4, 31);
    await oldEntries(owner.workspaceId, owner.userId, 6, 15);
    await accessLogRetentionJob.run(t.services);
    await accessLogRetentionJob.run(t.services);

    const [saga, ...more] = await sagasOf(owner.workspaceId);
    expect(more).toEqual([]);
    expect(saga).toMatchObject({
      status: 'completed',
      title: 'Access-log retention',
      startedBy: null,
      idempotencyKey: `access-log-retention:${retentionPeriod()}`,
    });
    expect(saga?.outputs).toMatchObject({
      archive: { archived: 10 },
      verify: { leftDue: 0 },
      purge: { purged: 4 },
    });
    const steps = await stepsOf(owner.workspaceId, saga?.id ?? '');
    expect(steps.map((step) => `${step.stepName}:${step.attempt}:${step.status}`)).toEqual([
      'archive:1:succeeded',
      'verify:1:succeeded',
      'purge:1:succeeded',
    ]);
    expect(await counts(owner.workspaceId)).toEqual({ hot: 0, archived: 6, distinctArchived: 6 });
    expect(await sagasOf(untouched.workspaceId)).toEqual([]);
    // Started and ended in the workspace's audit trail, by the system.
    const events = await owner.get('/api/v1/audit/events', { query: { aggregateType: 'saga' } });
    expect(events.body.data.map((event: { eventType: string }) => event.eventType).sort()).toEqual([
      'saga.completed',
      'saga.started',
    ]);
  });

  it('starts a new saga the next hour, and finishes what an attempt cut off mid-way left, moving nothing twice', async () => {
    const owner = await t.newWorkspace();
    await owner.put('/api/v1/audit/retention', { hotDays: 1, archiveDays: 3650 });
    await oldEntries(owner.workspaceId, owner.userId, 95, 2);
    // What an archive attempt whose process died after three batches leaves behind.
    await moveToArchive(t.database.db, workspaceAccessLogArchive(owner.workspaceId), {
      batchSize: 10,
      maxBatches: 3,
    });
    expect(await counts(owner.workspaceId)).toEqual({ hot: 65, archived: 30, distinctArchived: 30 });
    const nextHour = new Date(Date.now() + 60 * 60 * 1000);
    // Started twice for the hour (the second start may come after the first saga archived all).
    await startRetentionSagas(t.services, nextHour);
    await startRetentionSagas(t.services, nextHour);
    await t.services.sagas.idle();
    const key = `access-log-retention:${retentionPeriod(nextHour)}`;
    const started = (await sagasOf(owner.workspaceId)).filter((row) => row.idempotencyKey === key);
    expect(started).toHaveLength(1);
    const [saga] = started;
    expect(saga?.status).toBe('completed');
    expect(saga?.outputs).toMatchObject({ archive: { archived: 65 } });
    expect(await counts(owner.workspaceId)).toEqual({ hot: 0, archived: 95, distinctArchived: 95 });
  });
});
