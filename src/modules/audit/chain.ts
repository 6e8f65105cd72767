import { writeCheckpoint } from '../../core/events/checkpoints.ts';
import type { CheckpointSigner } from '../../core/events/signing.ts';
import { type VerifyReport, verifyChain } from '../../core/events/verify.ts';
import type { Scope } from '../../core/resource/scope.ts';

/** Recomputes the workspace's hash chain and checks it against its head and signed checkpoints. */
export async function verifyTrail(scope: Scope, signer: CheckpointSigner): Promise<VerifyReport> {
  return scope.db.read((db) => verifyChain(db, signer, scope.ctx.workspaceId));
}

/** Signs the workspace's chain head now; null while its trail is empty. Shown without the workspace. */
export async function signCheckpoint(scope: Scope, signer: CheckpointSigner) {
  const checkpoint = await scope.db.transaction((tx) => writeCheckpoint(tx, signer, scope.ctx.workspaceId));
  if (!checkpoint) return null;
  const { workspaceId: _workspace, ...shown } = checkpoint;
  return shown;
}
