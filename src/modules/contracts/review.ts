import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow, lockRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { breakingChanges } from '../plan/areas/breaking-change-management.ts';
import { type ContractRow, findContract } from './api-contract.ts';
import type { ContractVersion, ReviewRequest } from './contracts.ts';
import { breakingChangeResource, versionResource } from './resource.ts';
import { projectOf } from './store.ts';
import { toVersion, versionOf } from './versions.ts';

/** Accepting a version's breaking changes approves them in the plan; rejecting rejects them. */
const planStatusOf = { accepted: 'approved', rejected: 'rejected' } as const;

/** The plan's breaking changes the version introduced that nobody has moved on from proposed. */
async function proposedChangesOf(tx: Transaction, scope: Scope, contract: ContractRow, label: string) {
  return tx
    .select()
    .from(breakingChanges)
    .where(
      and(
        eq(breakingChanges.workspaceId, scope.ctx.workspaceId),
        eq(breakingChanges.projectId, projectOf(scope)),
        eq(breakingChanges.contractId, contract.id),
        eq(breakingChanges.contractVersion, label),
        eq(breakingChanges.detectedBy, 'contract-diff'),
        eq(breakingChanges.status, 'proposed'),
      ),
    )
    .for('update');
}

/**
 * POST …/versions/{versionId}/review: accepts or rejects the ERR changes of a version. Only a
 * version waiting for review may be reviewed (409 otherwise, naming its state); the decision moves
 * the version's proposed breaking changes in the plan to approved or rejected. Audited.
 */
export async function reviewVersion(
  scope: Scope,
  address: { contract: string; version: string },
  request: ReviewRequest,
): Promise<ContractVersion> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const contract = await findContract(tx, scope, address.contract);
    const found = await versionOf(tx, scope, contract, address.version);
    const current = await lockRow(tx, versionResource, scope, found.id, request.version);
    if (current.reviewStatus !== 'pending')
      throw new AppError(
        'illegal_transition',
        current.reviewStatus === 'not-required'
          ? `${current.label} breaks nothing: only versions with ERR changes are reviewed.`
          : `${current.label} was ${current.reviewStatus} already.`,
        {
          code: 'contract_version.not_pending',
          extensions: { reviewStatus: current.reviewStatus, allowed: [] },
        },
      );
    const reviewed = await changeRow(tx, versionResource, scope, current, {
      values: {
        reviewStatus: request.decision,
        reviewedBy: scope.ctx.actor.userId,
        reviewedAt: new Date(),
        reviewNote: request.note ?? null,
      },
      event: 'reviewed',
      reason: request.note,
    });
    for (const change of await proposedChangesOf(tx, scope, contract, current.label))
      await changeRow(tx, breakingChangeResource, scope, change, {
        values: { status: planStatusOf[request.decision] },
        data: { contractVersionId: current.id },
      });
    const { document: _, ...summary } = reviewed;
    return toVersion(summary);
  });
}
