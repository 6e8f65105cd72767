// An operator backs up the embedded database while the server runs (through the API), keeps
// writing, then restores into a data directory with the server stopped: exactly the backed-up
// state comes back, its audit chains verified; a damaged file or a broken chain changes nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { type Caller, createTestApp, type TestApp } from '../../src/test-support/app.ts';
import { testDatabaseKind } from '../../src/test-support/database.ts';
import { type CliResult, listen, runCli, runShipshape } from './cli-support.ts';

const onPglite = testDatabaseKind() === 'pglite';

let t: TestApp;
let url: string;
let owner: Caller;
let scratch: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await listen(t);
  owner = t.owner;
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-backup-'));
  expect((await owner.post('/api/v1/projects', { name: 'Web', key: 'WEB' })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** `shipshape …args` with no server configured: the command works on DATA_DIR itself. */
function runOffline(dataDir: string, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
  for (const name of ['SHIPSHAPE_URL', 'SHIPSHAPE_TOKEN', 'DATABASE_URL', 'SHIPSHAPE_SECRET_KEY'])
    delete env[name];
  return runShipshape(env, args);
}

/** One hash over every file of a folder (names and contents): did anything change? */
function fingerprint(folder: string): string {
  const hash = createHash('sha256');
  for (const entry of fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
    const full = path.join(entry.parentPath, entry.name);
    hash.update(full);
    if (entry.isFile()) hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

/** The project keys and the number of audit events in a data directory, opened directly. */
async function contentOf(dataDir: string): Promise<{ keys: string[]; events: number }> {
  const handle = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const keys = (await handle.query<{ key: string }>('select key from projects order by key')).map(
      (row) => row.key,
    );
    const [count] = await handle.query<{ n: number }>('select count(*)::int as n from audit_events');
    return { keys, events: count?.n ?? 0 };
  } finally {
    await handle.close();
  }
}

describe.runIf(onPglite)('shipshape backup and restore (embedded database)', () => {
  const dataDir = () => path.join(scratch, 'data');
  const backupFile = () => path.join(scratch, 'first.backup');

  it('backs up through the API, then restores exactly that state with every chain verified', async () => {
    const backup = await runCli(url, owner, ['backup', '--out', backupFile(), '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.json).toMatchObject({ format: 1, kind: 'pglite-datadir', source: url });
    expect(backup.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(backup.stderr).toContain('Taking a backup through');
    const taken = await owner.get('/api/v1/audit/events', { query: { eventType: 'instance.backed_up' } });
    expect(taken.body.data).toEqual([
      expect.objectContaining({ eventType: 'instance.backed_up', aggregateType: 'instance' }),
    ]);

    // A write after the backup: the restore must not have it.
    expect((await owner.post('/api/v1/projects', { name: 'Api', key: 'API' })).status).toBe(201);

    const restore = await runOffline(dataDir(), ['restore', backupFile(), '--json']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.json).toMatchObject({ ok: true, dataDir: dataDir(), sha256: backup.json.sha256 });
    expect(restore.json.workspaces).toEqual([
      expect.objectContaining({
        workspaceId: owner.workspaceId,
        ok: true,
        eventsChecked: 1,
        firstBroken: null,
      }),
    ]);
    expect(restore.stderr).toContain('Checksum ok');
    expect(restore.stderr).toContain('Verifying the audit chain of 1 workspace(s)');
    expect(await contentOf(dataDir())).toEqual({ keys: ['WEB'], events: 1 });
    // No staging folder or previous data left beside the data directory.
    expect(fs.readdirSync(scratch).sort()).toEqual(['data', 'first.backup']);
  }, 180_000);

  it('refuses a backup with one byte flipped, and changes nothing', async () => {
    const damaged = path.join(scratch, 'damaged.backup');
    const bytes = fs.readFileSync(backupFile());
    bytes[bytes.length - 1000] = (bytes[bytes.length - 1000] ?? 0) ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const before = fingerprint(dataDir());
    const restore = await runOffline(dataDir(), ['restore', damaged, '--json']);
    expect(restore.code).toBe(1);
    expect(restore.stdout).toBe('');
    expect(restore.stderr).toContain('checksum mismatch');
    expect(restore.stderr).toContain('nothing was changed');
    expect(fingerprint(dataDir())).toBe(before);
    fs.rmSync(damaged);
  }, 60_000);

  it('refuses while a server holds the data directory', async () => {
    const pid = path.join(dataDir(), 'postmaster.pid');
    fs.writeFileSync(pid, '-42\n');
    try {
      const before = fingerprint(dataDir());
      const restore = await runOffline(dataDir(), ['restore', backupFile()]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('a server holds');
      expect(fingerprint(dataDir())).toBe(before);
      const backup = await runOffline(dataDir(), ['backup', '--out', path.join(scratch, 'no.backup')]);
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain('back up through it');
      expect(fs.existsSync(path.join(scratch, 'no.backup'))).toBe(false);
    } finally {
      fs.rmSync(pid);
    }
  }, 60_000);

  it('backs up a data directory no server holds', async () => {
    const offline = path.join(scratch, 'offline.backup');
    const backup = await runOffline(dataDir(), ['backup', '--out', offline, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.json).toMatchObject({ format: 1, source: dataDir() });
    fs.rmSync(offline);
  }, 120_000);

  it('names the workspace and event of a broken chain, and keeps the data as it was', async () => {
    await t.database.exec('alter table audit_events disable trigger user');
    try {
      await t.database.query(
        'update audit_events set user_id = null where workspace_id = $1 and sequence = 1',
        [owner.workspaceId],
      );
    } finally {
      await t.database.exec('alter table audit_events enable trigger user');
    }
    const tampered = path.join(scratch, 'tampered.backup');
    expect((await runCli(url, owner, ['backup', '--out', tampered])).code).toBe(0);
    const before = fingerprint(dataDir());
    const restore = await runOffline(dataDir(), ['restore', tampered, '--json']);
    expect(restore.code).toBe(2);
    expect(restore.json.ok).toBe(false);
    expect(restore.json.workspaces).toEqual([
      expect.objectContaining({
        workspaceId: owner.workspaceId,
        ok: false,
        firstBroken: expect.objectContaining({ sequence: 1, problem: 'hash_mismatch' }),
      }),
    ]);
    expect(restore.stderr).toContain('the audit trail of 1 workspace(s) is broken; nothing was changed');
    expect(fingerprint(dataDir())).toBe(before);
    expect(fs.readdirSync(scratch).sort()).toEqual(['data', 'first.backup', 'tampered.backup']);
  }, 180_000);
});

describe('GET /api/v1/admin/backup', () => {
  it.runIf(onPglite)("is for an owner of the instance's first workspace only", async () => {
    const admin = await t.newMember(owner, 'admin');
    const editor = await t.newMember(owner, 'editor');
    const otherOwner = await t.newWorkspace();
    expect((await editor.get('/api/v1/admin/backup')).body).toMatchObject({
      status: 403,
      code: 'permission_denied',
    });
    for (const caller of [admin, otherOwner]) {
      expect((await caller.get('/api/v1/admin/backup')).body).toMatchObject({
        status: 403,
        code: 'backup.instance_owner_only',
      });
    }
    expect((await t.anonymous.get('/api/v1/admin/backup')).status).toBe(401);
  });

  it.runIf(!onPglite)('answers on PostgreSQL that pg_dump is the way', async () => {
    const answer = await owner.get('/api/v1/admin/backup');
    expect(answer.body).toMatchObject({ status: 409, code: 'backup.use_pg_dump' });
  });
});
