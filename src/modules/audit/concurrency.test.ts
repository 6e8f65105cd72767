import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createMetrics } from '../../core/observability/metrics.ts';
import { type DatabaseHandle, openDatabase } from '../../db/connection.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { testDatabaseKind } from '../../test-support/database.ts';
import { uniqueKey, verify } from './test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function sequencesOf(workspaceId: string): Promise<number[]> {
  const rows = await t.database.query<{ sequence: string }>(
    'select sequence from audit_events where workspace_id = $1 order by sequence',
    [workspaceId],
  );
  return rows.map((row) => Number(row.sequence));
}

function createThrough(app: FastifyInstance, token: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/projects',
    headers: { authorization: `Bearer ${token}` },
    payload: { name: 'Concurrent', key: uniqueKey('C') },
  });
}

describe('concurrent appends', () => {
  it('gives 50 concurrent creations sequences 1..50 in one unbroken chain', async () => {
    const caller = await t.newWorkspace();
    const answers = await Promise.all(Array.from({ length: 50 }, () => createThrough(t.app, caller.token)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(50).fill(201));
    expect(await sequencesOf(caller.workspaceId)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    expect(await verify(caller)).toMatchObject({ ok: true, eventsChecked: 50, firstBroken: null });
  });

  it('consumes no sequence for a write that fails', async () => {
    const caller = await t.newWorkspace();
    const key = uniqueKey('F');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => caller.post('/api/v1/projects', { name: 'Same key', key })),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    await caller.post('/api/v1/projects', { name: 'After', key: uniqueKey('F') });
    expect(await sequencesOf(caller.workspaceId)).toEqual([1, 2]);
    expect((await verify(caller)).ok).toBe(true);
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'never forks the chain when two server processes write to one PostgreSQL at once',
    async () => {
      const url = t.testDatabase.url;
      if (!url) throw new Error('the PostgreSQL test database has no URL');
      const second: DatabaseHandle = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
      const otherApp = await buildApp({
        config: { bodyLimitBytes: 1024 * 1024, logLevel: 'silent' },
        database: second,
        metrics: createMetrics(),
        logger: false,
      });
      try {
        const caller = await t.newWorkspace();
        const answers = await Promise.all(
          Array.from({ length: 60 }, (_, index) => createThrough(index % 2 ? otherApp : t.app, caller.token)),
        );
        expect(answers.map((answer) => answer.statusCode)).toEqual(Array(60).fill(201));
        expect(await sequencesOf(caller.workspaceId)).toEqual(
          Array.from({ length: 60 }, (_, index) => index + 1),
        );
        expect(await verify(caller)).toMatchObject({ ok: true, eventsChecked: 60 });
      } finally {
        await otherApp.close();
        await second.close();
      }
    },
  );
});
