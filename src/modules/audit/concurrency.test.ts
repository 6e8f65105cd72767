import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      // A second, separate server process (`shipshape serve`) on the same database.
      const child = spawn(
        process.execPath,
        [path.resolve(import.meta.dirname, '../../../bin/shipshape.js'), 'serve'],
        {
          env: {
            ...process.env,
            DATABASE_URL: url,
            PORT: '0',
            HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
            SHIPSHAPE_TEST_DATABASE: '',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        const address = await new Promise<string>((resolve, reject) => {
          readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
            const listening = /listening on (http:\/\/\S+)/.exec(line);
            if (listening?.[1]) resolve(listening[1]);
          });
          exited.then(() => reject(new Error('the second server exited before listening')));
        });
        const caller = await t.newWorkspace();
        const viaOtherProcess = async () => {
          const response = await fetch(`${address}/api/v1/projects`, {
            method: 'POST',
            headers: { authorization: `Bearer ${caller.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'Concurrent', key: uniqueKey('P') }),
          });
          await response.text();
          return response.status;
        };
        const statuses = await Promise.all(
          Array.from({ length: 60 }, async (_, index) =>
            index % 2 ? viaOtherProcess() : (await createThrough(t.app, caller.token)).statusCode,
          ),
        );
        expect(statuses).toEqual(Array(60).fill(201));
        expect(await sequencesOf(caller.workspaceId)).toEqual(
          Array.from({ length: 60 }, (_, index) => index + 1),
        );
        expect(await verify(caller)).toMatchObject({ ok: true, eventsChecked: 60 });
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    },
  );
});
