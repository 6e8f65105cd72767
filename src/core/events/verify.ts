import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { chainHash, genesisHash, type StoredEvent } from './chain.ts';
import { auditChainHeads, auditCheckpoints, auditEvents } from './schema.ts';
import type { CheckpointSigner } from './signing.ts';

export type BrokenLinkProblem =
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'checkpoint_mismatch'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_key_unknown'
  | 'events_missing'
  | 'head_mismatch';

/** The first place where the stored chain differs from what it should be. */
export interface BrokenLink {
  /** The sequence number where the chain breaks. */
  sequence: number;
  problem: BrokenLinkProblem;
  expected: string;
  found: string;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  workspaceId: string;
  /** Events recomputed. */
  eventsChecked: number;
  headSequence: number;
  headHash: string;
  checkpointsChecked: number;
  lastCheckpointSequence: number | null;
  firstBroken: BrokenLink | null;
}

const batchSize = 1000;

/** The workspace's events up to `upTo`, in sequence order, a batch at a time. */
async function* eventBatches(db: Executor, workspaceId: string, upTo: number): AsyncGenerator<StoredEvent[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.workspaceId, workspaceId),
          gt(auditEvents.sequence, after),
          lte(auditEvents.sequence, Math.max(upTo, 0)),
        ),
      )
      .orderBy(asc(auditEvents.sequence))
      .limit(batchSize);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = last.sequence;
  }
}

/** Checks one event against the one before it: its place, its link and its own hash. */
function checkLink(
  row: StoredEvent,
  expectedSequence: number,
  previous: string,
): { problem: BrokenLink } | { hash: string } {
  if (row.sequence !== expectedSequence) {
    return {
      problem: broken(
        expectedSequence,
        'sequence_gap',
        `sequence ${expectedSequence}`,
        `sequence ${row.sequence}`,
        `event ${expectedSequence} is missing or out of place`,
      ),
    };
  }
  if (row.prevHash !== previous) {
    return {
      problem: broken(
        row.sequence,
        'prev_hash_mismatch',
        previous,
        row.prevHash,
        `event ${row.sequence} does not link to the event before it`,
      ),
    };
  }
  const recomputed = chainHash(previous, row);
  if (recomputed !== row.hash) {
    return {
      problem: broken(
        row.sequence,
        'hash_mismatch',
        recomputed,
        row.hash,
        `event ${row.sequence} was changed after it was written`,
      ),
    };
  }
  return { hash: recomputed };
}

/** The problem with the checkpoint signed at this event, if there is one. */
function checkpointProblemAt(
  signer: CheckpointSigner,
  checkpoint: typeof auditCheckpoints.$inferSelect | undefined,
  hash: string,
): BrokenLink | null {
  return checkpoint ? checkpointProblem(signer, checkpoint, hash) : null;
}

/**
 * Recomputes the workspace's chain from its first event and compares it with the stored hashes,
 * the chain head and the signed checkpoints; reports the first broken link. Reads in batches, so
 * memory stays constant; events appended while it runs are left for the next run.
 */
export async function verifyChain(
  db: Executor,
  signer: CheckpointSigner,
  workspaceId: string,
): Promise<VerifyReport> {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.workspaceId, workspaceId));
  const checkpoints = await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.workspaceId, workspaceId))
    .orderBy(asc(auditCheckpoints.sequence));
  const headSequence = Math.max(head?.lastSequence ?? 0, checkpoints.at(-1)?.sequence ?? 0);
  const bySequence = new Map(checkpoints.map((checkpoint) => [checkpoint.sequence, checkpoint]));
  const report = (firstBroken: BrokenLink | null, checked: number, hash: string): VerifyReport => ({
    ok: firstBroken === null,
    workspaceId,
    eventsChecked: checked,
    headSequence: head?.lastSequence ?? 0,
    headHash: head?.lastHash ?? genesisHash,
    checkpointsChecked: checkpoints.filter((checkpoint) => checkpoint.sequence <= checked).length,
    lastCheckpointSequence: checkpoints.at(-1)?.sequence ?? null,
    firstBroken:
      firstBroken ??
      (hash === (head?.lastHash ?? genesisHash)
        ? null
        : headMismatch(checked, hash, head?.lastHash ?? genesisHash)),
  });

  let expectedSequence = 1;
  let previous = genesisHash;
  for await (const rows of eventBatches(db, workspaceId, headSequence)) {
    for (const row of rows) {
      const link = checkLink(row, expectedSequence, previous);
      const problem =
        'problem' in link
          ? link.problem
          : checkpointProblemAt(signer, bySequence.get(row.sequence), link.hash);
      if (problem || !('hash' in link)) return report(problem, expectedSequence - 1, previous);
      previous = link.hash;
      expectedSequence += 1;
    }
  }
  const count = expectedSequence - 1;
  if (count < headSequence) {
    return report(
      broken(
        count + 1,
        'events_missing',
        `events up to ${headSequence}`,
        `events up to ${count}`,
        `the chain ends at ${count} but the ${head && head.lastSequence >= headSequence ? 'chain head' : 'latest signed checkpoint'} records ${headSequence}`,
      ),
      count,
      previous,
    );
  }
  return report(null, count, previous);
}

function checkpointProblem(
  signer: CheckpointSigner,
  checkpoint: typeof auditCheckpoints.$inferSelect,
  recomputed: string,
): BrokenLink | null {
  const verdict = signer.check(
    checkpoint.keyId,
    checkpoint.workspaceId,
    checkpoint.sequence,
    checkpoint.headHash,
    checkpoint.signature,
  );
  if (verdict === 'unknown_key') {
    return broken(
      checkpoint.sequence,
      'checkpoint_key_unknown',
      'a key this server holds',
      `key ${checkpoint.keyId}`,
      `the checkpoint at ${checkpoint.sequence} was signed with a key this server does not hold`,
    );
  }
  if (verdict === 'invalid') {
    return broken(
      checkpoint.sequence,
      'checkpoint_signature_invalid',
      'a valid signature',
      checkpoint.signature,
      `the checkpoint at ${checkpoint.sequence} is not signed by its key`,
    );
  }
  if (checkpoint.headHash !== recomputed) {
    return broken(
      checkpoint.sequence,
      'checkpoint_mismatch',
      checkpoint.headHash,
      recomputed,
      `the chain at ${checkpoint.sequence} differs from the signed checkpoint`,
    );
  }
  return null;
}

function headMismatch(count: number, hash: string, headHash: string): BrokenLink {
  return broken(count, 'head_mismatch', hash, headHash, `the chain head does not match event ${count}`);
}

function broken(
  sequence: number,
  problem: BrokenLinkProblem,
  expected: string,
  found: string,
  detail: string,
): BrokenLink {
  return { sequence, problem, expected, found, detail };
}
