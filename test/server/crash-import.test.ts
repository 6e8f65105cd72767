// A server killed (kill -9) in the middle of importing a test run: after a restart the run ends
// imported with exactly its results, or failed with a reason, and never with rows twice or half.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { folderOf, result, zipOf } from '../../src/modules/test-evidence/test-helpers.ts';
import type { JsonBody } from '../../src/test-support/app.ts';
import {
  type ServerDatabase,
  type ServerProcess,
  serverDatabase,
  startServerProcess,
} from '../../src/test-support/server-process.ts';

const adminToken = 'shp_crash_import_test_token_01';
/** Enough results that the import takes a while: the kill lands in the middle of it. */
const results = 20_000;
const stepsEach = 5;

type Started = ServerProcess;

let database: ServerDatabase;

beforeAll(async () => {
  database = await serverDatabase('crash-import');
});

afterAll(async () => {
  await database.dispose();
});

function serve(): Promise<Started> {
  return startServerProcess({ ...database.settings, SHIPSHAPE_ADMIN_TOKEN: adminToken });
}

async function call(started: Started, method: string, route: string, body?: unknown, type?: string) {
  const response = await fetch(`${started.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': type ?? 'application/json' },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as JsonBody };
}

function bigRun(): Buffer {
  const many = Array.from({ length: results }, (_, index) =>
    result({ name: `test ${index}`, status: index % 10 === 0 ? 'failed' : 'passed', steps: stepsEach }),
  );
  return zipOf(folderOf(many));
}

/** Rows the run has, read straight from the database once no server holds it. */
async function rowsOf(runId: string): Promise<{ scenarios: number; steps: number; chunks: number }> {
  const handle = await openDatabase(database.config);
  try {
    const count = async (table: string) =>
      (
        await handle.query<{ count: number }>(
          `select count(*)::int as count from ${table} where run_id = $1`,
          [runId],
        )
      )[0]?.count;
    return {
      scenarios: (await count('allure_scenarios')) ?? -1,
      steps: (await count('allure_steps')) ?? -1,
      chunks: (await count('test_run_upload_chunks')) ?? -1,
    };
  } finally {
    await handle.close();
  }
}

describe('a server killed during an import', () => {
  it('resumes the import after a restart: the whole run, exactly once', async () => {
    const first = await serve();
    let runId = '';
    let projectPath = '';
    try {
      const project = await call(first, 'POST', '/api/v1/projects', { name: 'Crash', key: 'CRASH' });
      expect(project.status).toBe(201);
      projectPath = `/api/v1/projects/${project.body.id}/test-runs`;
      const uploaded = await call(first, 'POST', projectPath, bigRun(), 'application/zip');
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
      runId = uploaded.body.id;
      // Killed once the import is under way.
      await vi.waitFor(
        async () => {
          const run = await call(first, 'GET', `${projectPath}/${runId}`);
          expect(run.body.status).toBe('importing');
        },
        { timeout: 60_000, interval: 20 },
      );
    } finally {
      first.child.kill('SIGKILL');
    }
    await first.exited;

    const second = await serve();
    let final: JsonBody;
    try {
      // The run's import saga: the dead process's lease on it lapses, and this process takes it
      // over, the import starting over; the saga then deletes the stored upload.
      await vi.waitFor(
        async () => {
          final = (await call(second, 'GET', `${projectPath}/${runId}`)).body;
          expect(['imported', 'failed']).toContain(final.status);
          const sagas = await call(second, 'GET', '/api/v1/sagas?type=test-evidence.import');
          const saga = sagas.body.data.find((each: JsonBody) => each.context.runId === runId);
          expect(['completed', 'failed']).toContain(saga?.status);
        },
        { timeout: 240_000, interval: 500 },
      );
    } finally {
      second.child.kill('SIGINT');
    }
    expect(await second.exited).toBe(0);
    const rows = await rowsOf(runId);
    if (final.status === 'failed') {
      expect(final.importErrors[0].message).toBeTruthy();
      expect(rows).toEqual({ scenarios: 0, steps: 0, chunks: 0 });
      return;
    }
    expect(final.totals).toEqual({
      total: results,
      passed: results - results / 10,
      failed: results / 10,
      broken: 0,
      skipped: 0,
      unknown: 0,
    });
    expect(rows).toEqual({ scenarios: results, steps: results * stepsEach, chunks: 0 });
  }, 420_000);
});
