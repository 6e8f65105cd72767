import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../src/core/http/problem.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/connection.ts';
import { testDatabaseKind } from '../../src/test-support/database.ts';

// A small file system of its own (tmpfs) that the test fills up. Mounting needs root with
// CAP_SYS_ADMIN; anywhere else the test skips. It concerns the embedded database only: PostgreSQL
// reports a full disk with the same SQLSTATE (53100).
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-disk-full-'));
function tryMount(): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=120m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return null;
  } catch {
    return 'cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)';
  }
}
const mountProblem =
  testDatabaseKind() !== 'pglite'
    ? 'embedded database only'
    : os.platform() === 'linux'
      ? tryMount()
      : 'Linux only';

describe.skipIf(mountProblem !== null)('the embedded database on a full disk', () => {
  const dataDir = path.join(mountPoint, 'data');
  const filler = path.join(mountPoint, 'filler');
  let database: DatabaseHandle | undefined;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir });
    await database.exec('create table filling (id serial primary key, v text); checkpoint');
  });
  afterAll(async () => {
    await database?.close().catch(() => {});
    execFileSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  it('fails writes with a 503 problem, keeps committed data and writes again once space is freed', async () => {
    const db = database as DatabaseHandle;
    const available = Number(
      execFileSync('df', ['-k', '--output=avail', mountPoint]).toString().trim().split('\n').at(-1),
    );
    execFileSync('fallocate', ['-l', String((available - 2048) * 1024), filler]);

    let failure: unknown;
    for (let attempt = 0; attempt < 50 && !failure; attempt++) {
      try {
        await db.exec(
          `insert into filling (v) select repeat('x', 2000) from generate_series(1, 2000); checkpoint`,
        );
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeDefined();
    const { problem, headers } = toProblem(failure);
    expect(problem).toMatchObject({ status: 503, code: 'database_cannot_write' });
    expect(headers['retry-after']).toBe('5');

    const [before] = await db.query<{ count: number }>('select count(*)::int as count from filling');
    fs.rmSync(filler);
    await db.query(`insert into filling (v) values ('after')`);
    const [after] = await db.query<{ count: number }>('select count(*)::int as count from filling');
    expect(after?.count).toBe((before?.count ?? 0) + 1);

    // Reopened, the database has every committed row: nothing was corrupted.
    await db.close();
    database = await openDatabase({ kind: 'pglite', dataDir });
    const [reopened] = await database.query<{ count: number }>('select count(*)::int as count from filling');
    expect(reopened?.count).toBe(after?.count);
  });
});

if (mountProblem !== null) fs.rmSync(mountPoint, { recursive: true, force: true });
