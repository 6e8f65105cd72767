import { and, eq } from 'drizzle-orm';
import type { WorkspaceDatabase } from '../../core/tenancy/workspace-database.ts';
import { testRunUploadChunks } from './tables.ts';

// An upload is kept as it came, in rows of about 1 MiB, until its import ends: the import reads it
// back as a stream, so any process can (re)start it. Each row is its own short statement, so no
// transaction stays open while bytes arrive over the network (PGlite has a single connection).

export const chunkBytes = 1024 * 1024;

export interface ChunkWriter {
  write(bytes: Uint8Array): Promise<void>;
  /** Stores what is left; answers the number of bytes stored in all. */
  end(): Promise<number>;
}

export function createChunkWriter(db: WorkspaceDatabase, runId: string): ChunkWriter {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let sequence = 0;
  let stored = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const row = { workspaceId: db.workspaceId, runId, sequence, bytes };
    sequence += 1;
    await db.read((executor) => executor.insert(testRunUploadChunks).values(row));
    stored += bytes.byteLength;
  };
  return {
    async write(bytes) {
      pending.push(bytes);
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= chunkBytes) await flush();
    },
    async end() {
      await flush();
      return stored;
    },
  };
}

/** The stored upload, chunk by chunk, one statement each: only one chunk is in memory at a time. */
export async function* readChunks(db: WorkspaceDatabase, runId: string): AsyncGenerator<Uint8Array> {
  for (let sequence = 0; ; sequence += 1) {
    const [row] = await db.read((executor) =>
      executor
        .select({ bytes: testRunUploadChunks.bytes })
        .from(testRunUploadChunks)
        .where(and(eq(testRunUploadChunks.runId, runId), eq(testRunUploadChunks.sequence, sequence))),
    );
    if (!row) return;
    yield row.bytes;
  }
}

/** Drops the stored upload once its import has ended (it is the import's input, not evidence). */
export async function deleteChunks(db: WorkspaceDatabase, runId: string): Promise<void> {
  await db.read((executor) =>
    executor.delete(testRunUploadChunks).where(eq(testRunUploadChunks.runId, runId)),
  );
}
