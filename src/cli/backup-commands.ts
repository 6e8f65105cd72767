import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type ConnectionOptions, createApiClient, printResult, resolveConnection } from './api-client.ts';

// The database driver loads only when these commands open a data directory themselves.

interface BackupOptions extends ConnectionOptions {
  out: string;
}

interface WorkspaceCheck {
  workspaceId: string;
  name: string;
  ok: boolean;
  eventsChecked: number;
  firstBroken: { sequence: number; problem: string; detail: string } | null;
}

/** Progress goes to stderr, so that stdout holds only the result (JSON with --json). */
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** A running server answers at SHIPSHAPE_URL; without it (and without a token) the CLI works on DATA_DIR. */
function usesApi(options: ConnectionOptions, environment: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(options.url ?? options.token ?? environment.SHIPSHAPE_URL ?? environment.SHIPSHAPE_TOKEN);
}

/** PGlite writes postmaster.pid into its data directory while it has it open, and removes it on close. */
function heldByAServer(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'postmaster.pid'));
}

/** Writes a file under a temporary name first, so that a crash never leaves half a backup under the real one. */
function writeAtomically(file: string, bytes: Buffer): void {
  const temporary = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

/** `shipshape backup` and `shipshape restore`: the embedded database to a checksummed file and back. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a consistent, checksummed snapshot of the embedded database: through the API when SHIPSHAPE_URL/SHIPSHAPE_TOKEN are set (the server keeps running), else from DATA_DIR (no server may hold it)',
    )
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--url <url>', 'server URL (default: $SHIPSHAPE_URL); with it, the backup goes through the API')
    .option('--token <token>', 'API token of an owner of the first workspace (default: $SHIPSHAPE_TOKEN)')
    .option('--json', 'machine-readable output')
    .action(backup);

  program
    .command('restore')
    .description(
      'Replace the embedded database in DATA_DIR with a backup: checks its checksum, restores into a sibling folder, verifies every audit chain, then swaps it in. The server must be stopped.',
    )
    .argument('<file>', 'a file `shipshape backup` wrote')
    .option('--json', 'machine-readable output')
    .action(restore);
}

/** Loads the dump into a fresh data directory and verifies every workspace's audit chain there. */
async function restoreAndVerify(
  staging: string,
  payload: Buffer,
  secretKey: string | undefined,
): Promise<WorkspaceCheck[]> {
  const [{ openDatabase }, { workspaces }, { createCheckpointSigner }, { verifyChain }, { asc }] =
    await Promise.all([
      import('../db/connection.ts'),
      import('../core/auth/schema.ts'),
      import('../core/events/signing.ts'),
      import('../core/events/verify.ts'),
      import('drizzle-orm'),
    ]);
  const handle = await openDatabase({
    kind: 'pglite',
    dataDir: staging,
    loadDataDir: new Blob([new Uint8Array(payload)]),
  });
  try {
    const signer = await createCheckpointSigner(handle.db, secretKey);
    const rows = await handle.db
      .select({ id: workspaces.id, name: workspaces.name })
      .from(workspaces)
      .orderBy(asc(workspaces.createdAt));
    progress(`Verifying the audit chain of ${rows.length} workspace(s) …`);
    const checks: WorkspaceCheck[] = [];
    for (const row of rows) {
      const report = await verifyChain(handle.db, signer, row.id);
      checks.push({
        workspaceId: row.id,
        name: row.name,
        ok: report.ok,
        eventsChecked: report.eventsChecked,
        firstBroken: report.firstBroken
          ? {
              sequence: report.firstBroken.sequence,
              problem: report.firstBroken.problem,
              detail: report.firstBroken.detail,
            }
          : null,
      });
    }
    return checks;
  } finally {
    await handle.close();
  }
}

async function backup(options: BackupOptions): Promise<void> {
  const { decodeBackup, encodeBackup } = await import('../db/backup-file.ts');
  let file: Buffer;
  let source: string;
  if (usesApi(options)) {
    const connection = resolveConnection(options);
    progress(`Taking a backup through ${connection.url} …`);
    file = await createApiClient(connection).download('/api/v1/admin/backup');
    source = connection.url;
  } else {
    const [{ loadConfig }, { openDatabase }] = await Promise.all([
      import('../config.ts'),
      import('../db/connection.ts'),
    ]);
    const { database } = loadConfig();
    if (database.kind !== 'pglite' || !database.dataDir) {
      throw new Error(
        'DATABASE_URL points at PostgreSQL: back it up with pg_dump (docs/operations.md, "Backup and restore")',
      );
    }
    const dataDir = database.dataDir;
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`no database in ${dataDir}`);
    if (heldByAServer(dataDir)) {
      throw new Error(
        `a server holds ${dataDir}: back up through it (set SHIPSHAPE_URL and SHIPSHAPE_TOKEN), or stop it first`,
      );
    }
    progress(`Opening ${dataDir} …`);
    const handle = await openDatabase(database);
    try {
      if (!handle.dumpDataDir) throw new Error('this database cannot dump its data directory');
      progress('Dumping the data directory …');
      file = encodeBackup(new Uint8Array(await (await handle.dumpDataDir()).arrayBuffer()));
    } finally {
      await handle.close();
    }
    source = dataDir;
  }
  const { manifest } = decodeBackup(file);
  const out = path.resolve(options.out);
  writeAtomically(out, file);
  const result = { file: out, source, ...manifest, fileBytes: file.byteLength };
  printResult(
    options,
    result,
    () => `Backed up ${source} to ${out}: ${file.byteLength} byte(s), sha256 ${manifest.sha256}.`,
  );
}

async function restore(fileName: string, options: { json?: boolean }): Promise<void> {
  const [{ decodeBackup, BackupFileError }, { loadConfig }] = await Promise.all([
    import('../db/backup-file.ts'),
    import('../config.ts'),
  ]);
  const config = loadConfig();
  if (config.database.kind !== 'pglite' || !config.database.dataDir) {
    throw new Error(
      'DATABASE_URL points at PostgreSQL: restore it with pg_restore (docs/operations.md, "Backup and restore")',
    );
  }
  const dataDir = config.database.dataDir;

  progress(`Checking ${fileName} …`);
  let payload: Buffer;
  let manifest: import('../db/backup-file.ts').BackupManifest;
  try {
    ({ payload, manifest } = decodeBackup(fs.readFileSync(fileName)));
  } catch (error) {
    if (error instanceof BackupFileError || isMissingFile(error)) {
      throw new Error(`refusing to restore ${fileName}: ${messageOf(error)}; nothing was changed`);
    }
    throw error;
  }
  progress(`Checksum ok: sha256 ${manifest.sha256}, taken ${manifest.createdAt}.`);
  if (heldByAServer(dataDir)) {
    throw new Error(
      `a server holds ${dataDir} (postmaster.pid is there): stop it, then restore; nothing was changed`,
    );
  }

  const staging = stagingFolderFor(dataDir);
  fs.rmSync(staging, { recursive: true, force: true });
  let workspaces: WorkspaceCheck[];
  try {
    progress(`Restoring into ${staging} …`);
    workspaces = await restoreAndVerify(staging, payload, config.secretKey);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`restore failed, ${dataDir} was left as it was: ${messageOf(error)}`);
  }
  const broken = workspaces.filter((workspace) => !workspace.ok);
  if (broken.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    const report = {
      ok: false,
      file: path.resolve(fileName),
      dataDir,
      sha256: manifest.sha256,
      workspaces,
    };
    printResult(options, report, () =>
      [
        `The backup's audit trail does not verify; ${dataDir} was left as it was.`,
        ...broken.map(
          (workspace) =>
            `  workspace ${workspace.workspaceId} (${workspace.name}): broken at sequence ${workspace.firstBroken?.sequence}: ${workspace.firstBroken?.detail} (${workspace.firstBroken?.problem})`,
        ),
      ].join('\n'),
    );
    process.stderr.write(
      `shipshape: the audit trail of ${broken.length} workspace(s) is broken; nothing was changed\n`,
    );
    process.exitCode = 2;
    return;
  }

  swapIn(staging, dataDir);

  const events = workspaces.reduce((sum, workspace) => sum + workspace.eventsChecked, 0);
  const report = { ok: true, file: path.resolve(fileName), dataDir, sha256: manifest.sha256, workspaces };
  printResult(
    options,
    report,
    () =>
      `Restored ${fileName} into ${dataDir}: ${workspaces.length} workspace(s), ${events} audit event(s), every chain intact.`,
  );
}

/** Renames the old data directory away, the restored one into place, then deletes the old one. */
function swapIn(staging: string, dataDir: string): void {
  progress(`Swapping ${staging} in as ${dataDir} …`);
  const previous = `${dataDir}.before-restore-${process.pid}`;
  const hadData = fs.existsSync(dataDir);
  if (hadData) fs.renameSync(dataDir, previous);
  try {
    fs.renameSync(staging, dataDir);
  } catch (error) {
    if (hadData) fs.renameSync(previous, dataDir);
    throw error;
  }
  if (hadData) fs.rmSync(previous, { recursive: true, force: true });
}

/** A fresh folder beside the data directory (same file system, so the swap is a rename). */
function stagingFolderFor(dataDir: string): string {
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  return path.join(parent, `.${path.basename(dataDir)}.restore-${process.pid}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
