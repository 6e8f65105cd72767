import { and, eq, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/permissions.ts';
import { appendEvent, diffFields } from '../../core/events/append.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Row } from '../../core/resource/define.ts';
import { getRow, type Scope } from '../../core/resource/service.ts';
import type { Executor } from '../../db/connection.ts';
import { invalidatePrdCache } from './cache.ts';
import { lintPrd } from './lint.ts';
import { prdResource, unresolvedComments } from './resource.ts';
import { approvalState, recordDecision, reviewPermission, settingsOf } from './reviews.ts';
import { type PrdStatus, prdReviewRevisions, prdReviews } from './schema.ts';
import { actionEvents, nextStatus, type PrdAction } from './workflow.ts';

const workflowFields = [
  'status',
  'reviewRound',
  'reviewedBy',
  'reviewedAt',
  'approvedRevision',
  'supersededBy',
];

export interface ActionInput {
  reason?: string;
  version?: number;
  comment?: string;
  supersededBy?: string;
}

async function lockedPrd(tx: Executor, scope: Scope, id: string, expectedVersion?: number): Promise<Row> {
  const current = await getRow(tx, prdResource, scope, id, true);
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw new AppError(
      'precondition_failed',
      `This PRD is at version ${current.version}, not ${expectedVersion}: read it again.`,
      { code: 'version_mismatch', extensions: { currentVersion: current.version } },
    );
  }
  return current;
}

async function applyChange(
  tx: Executor,
  scope: Scope,
  current: Row,
  action: PrdAction | 'approval_added',
  values: Record<string, unknown>,
  data: Record<string, unknown>,
  reason?: string,
): Promise<Row> {
  const [row] = (await tx
    .update(prdReviews)
    .set({ ...values, version: sql`${prdReviews.version} + 1`, updatedAt: sql`now()` })
    .where(eq(prdReviews.id, current.id))
    .returning()) as Row[];
  if (!row) throw new Error('PRD vanished under its lock');
  await invalidatePrdCache(tx, current.id);
  await appendEvent(tx, scope.ctx, {
    eventType: action === 'approval_added' ? 'prd_review.approval_added' : actionEvents[action],
    aggregateType: 'prd_review',
    aggregateId: current.id,
    aggregateVersion: row.version,
    changes: diffFields(current, row, workflowFields),
    data: { action, revision: row.currentRevision, ...data },
    reason,
  });
  return row;
}

/** Submit, withdraw, supersede or archive: a status change with its audit event. */
export async function transition(
  tx: Executor,
  scope: Scope,
  id: string,
  action: Exclude<PrdAction, 'approve' | 'request-changes'>,
  input: ActionInput,
): Promise<Row> {
  const current = await lockedPrd(tx, scope, id, input.version);
  const status = nextStatus(current.status as PrdStatus, action);
  const values: Record<string, unknown> = { status };
  if (action === 'submit') {
    values.reviewRound = Number(current.reviewRound) + 1;
    const settings = await settingsOf(tx, String(current.projectId));
    if (settings.requireCleanLint) {
      const problems = lintPrd(String(current.content), {
        requiredSections: settings.requiredSections,
        unresolvedComments: await unresolvedComments(tx, current.id),
      });
      if (problems.length) {
        throw new AppError(
          'unprocessable',
          `Lint reports ${problems.length} problem(s); this project submits only clean PRDs.`,
          {
            code: 'prd_review.lint_failed',
            extensions: { problems },
          },
        );
      }
    }
  }
  if (action === 'supersede') {
    if (!input.supersededBy || input.supersededBy === id) {
      throw new AppError('validation_failed', 'supersededBy must name another PRD.', {
        errors: [{ path: 'supersededBy', message: 'must be another PRD of the project' }],
      });
    }
    const successor = await getRow(tx, prdResource, scope, input.supersededBy).catch(() => null);
    if (!successor) {
      throw new AppError('unprocessable', 'supersededBy must be a PRD of the same project.', {
        code: 'prd_review.unknown_successor',
        errors: [{ path: 'supersededBy', message: 'no such PRD in this project' }],
      });
    }
    values.supersededBy = successor.id;
  }
  return applyChange(tx, scope, current, action, values, {}, input.reason);
}

/**
 * A reviewer's decision on the current revision. Requesting changes moves the PRD to
 * changes_requested; an approval makes it approved once the project's rule is met.
 */
export async function review(
  tx: Executor,
  scope: Scope,
  id: string,
  decision: 'approve' | 'request-changes',
  input: ActionInput,
): Promise<Row> {
  const { actor } = scope.ctx;
  authorize(actor, reviewPermission);
  if (actor.kind === 'agent') {
    throw new AppError('forbidden', 'Agents cannot review PRDs; a person must.', {
      code: 'prd_review.agent_cannot_review',
    });
  }
  const current = await lockedPrd(tx, scope, id, input.version);
  nextStatus(current.status as PrdStatus, decision);
  const settings = await settingsOf(tx, String(current.projectId));
  if (decision === 'approve' && actor.userId === current.authorId && !settings.authorMayApprove) {
    throw new AppError('forbidden', 'This project does not let authors approve their own PRD.', {
      code: 'prd_review.author_cannot_approve',
    });
  }
  const comment = input.comment ?? '';
  if (decision === 'request-changes') {
    await recordDecision(tx, scope.ctx, current, 'request_changes', comment);
    return applyChange(
      tx,
      scope,
      current,
      'request-changes',
      { status: 'changes_requested' },
      { comment },
      input.reason,
    );
  }
  const before = await approvalState(tx, current, settings);
  if (before.approvals.includes(actor.userId)) {
    throw new AppError('conflict', `You already approved revision ${current.currentRevision}.`, {
      code: 'prd_review.already_approved',
    });
  }
  await recordDecision(tx, scope.ctx, current, 'approve', comment);
  const state = await approvalState(tx, current, settings);
  const data = { comment, approvals: state.approvals, approvalsRequired: settings.approvalsRequired };
  if (state.approvals.length < settings.approvalsRequired) {
    return applyChange(tx, scope, current, 'approval_added', {}, data, input.reason);
  }
  await tx
    .update(prdReviewRevisions)
    .set({ approvedBy: actor.userId, approvedAt: sql`now()` })
    .where(
      and(
        eq(prdReviewRevisions.prdId, current.id),
        eq(prdReviewRevisions.number, Number(current.currentRevision)),
      ),
    );
  return applyChange(
    tx,
    scope,
    current,
    'approve',
    {
      status: 'approved',
      reviewedBy: actor.userId,
      reviewedAt: sql`now()`,
      approvedRevision: current.currentRevision,
    },
    data,
    input.reason,
  );
}
