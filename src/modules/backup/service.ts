import { asc } from 'drizzle-orm';
import { workspaces } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { type BackupManifest, decodeBackup, encodeBackup } from '../../db/backup-file.ts';

/**
 * A consistent snapshot of the embedded database as a backup file, audited in the caller's
 * workspace. PGlite runs one unit of work at a time, so the dump sees no half-done transaction.
 * The snapshot holds every workspace, so only an owner of the instance's first workspace (the one
 * the server created at bootstrap) may take it; on PostgreSQL the answer is to use pg_dump.
 */
export async function takeBackup(scope: Scope): Promise<{ file: Buffer; manifest: BackupManifest }> {
  const database = scope.app.systemDatabase;
  // Crosses workspaces on purpose: which workspace is the instance's first is not the caller's to see.
  const [first] = await database.db
    .select({ id: workspaces.id })
    .from(workspaces)
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id))
    .limit(1);
  // Who may ask comes first, so that the answer to anyone else is the same on either database.
  if (scope.ctx.actor.role !== 'owner' || first?.id !== scope.ctx.workspaceId) {
    throw new AppError(
      'forbidden',
      "A backup holds every workspace: only an owner of the instance's first workspace may take one.",
      { code: 'backup.instance_owner_only' },
    );
  }
  if (database.kind !== 'pglite' || !database.dumpDataDir) {
    throw new AppError(
      'conflict',
      'This server stores its data in PostgreSQL: back it up with pg_dump and restore with pg_restore (docs/operations.md).',
      { code: 'backup.use_pg_dump' },
    );
  }
  const dump = await database.dumpDataDir();
  const file = encodeBackup(new Uint8Array(await dump.arrayBuffer()));
  const { manifest } = decodeBackup(file);
  await scope.db.transaction((tx) =>
    appendEvent(tx, scope, {
      eventType: 'instance.backed_up',
      aggregateType: 'instance',
      aggregateId: scope.ctx.workspaceId,
      changes: {},
      data: { sha256: manifest.sha256, bytes: manifest.bytes, format: manifest.format },
    }),
  );
  return { file, manifest };
}
