import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/connection.ts';
import { auditChainHeads, auditCheckpoints } from './schema.ts';
import type { CheckpointSigner } from './signing.ts';

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

/**
 * Signs the workspace's current chain head, unless the latest checkpoint already covers it.
 * Safe to run from several processes at once: a checkpoint is unique per (workspace, sequence).
 */
export async function writeCheckpoint(
  db: Executor,
  signer: CheckpointSigner,
  workspaceId: string,
): Promise<Checkpoint | null> {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.workspaceId, workspaceId));
  if (!head || head.lastSequence === 0) return null;
  const [inserted] = await db
    .insert(auditCheckpoints)
    .values({
      workspaceId,
      sequence: head.lastSequence,
      headHash: head.lastHash,
      keyId: signer.keyId,
      signature: signer.sign(workspaceId, head.lastSequence, head.lastHash),
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(auditCheckpoints)
    .where(
      and(eq(auditCheckpoints.workspaceId, workspaceId), eq(auditCheckpoints.sequence, head.lastSequence)),
    );
  return existing ?? null;
}

/** Writes a checkpoint for every workspace whose chain grew since its latest checkpoint. */
export async function writeDueCheckpoints(db: Database, signer: CheckpointSigner): Promise<number> {
  const due = await db
    .select({ workspaceId: auditChainHeads.workspaceId })
    .from(auditChainHeads)
    .where(
      sql`${auditChainHeads.lastSequence} > coalesce((select max(c.sequence) from audit_checkpoints c where c.workspace_id = ${auditChainHeads.workspaceId}), 0)`,
    );
  for (const { workspaceId } of due) await writeCheckpoint(db, signer, workspaceId);
  return due.length;
}

/** The latest checkpoint of a workspace, if any. */
export async function latestCheckpoint(db: Executor, workspaceId: string): Promise<Checkpoint | null> {
  const [row] = await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.workspaceId, workspaceId))
    .orderBy(desc(auditCheckpoints.sequence))
    .limit(1);
  return row ?? null;
}
