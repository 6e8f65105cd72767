import { AppError } from '../../core/errors/app-error.ts';
import type { ValuesOf } from '../../core/resource/define.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { getRow } from '../../core/resource/service.ts';
import { changeRow, lockRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { invalidatePrdCache } from './cache.ts';
import { unresolvedComments } from './comment-store.ts';
import type { ReviewSettings } from './contracts.ts';
import { lintPrd } from './lint.ts';
import { prdResource } from './resource.ts';
import { approvalState } from './reviews.ts';
import { markRevisionApproved } from './revisions.ts';
import { insertDecision, settingsOf } from './store.ts';
import type { PrdRow, prdReviews, ReviewDecision } from './tables.ts';
import { actionEvents, nextStatus, type PrdAction } from './workflow.ts';

/** The fields whose before and after a workflow event records. */
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

export type TransitionAction = Exclude<PrdAction, 'approve' | 'request-changes'>;
export type ReviewAction = 'approve' | 'request-changes';

interface WorkflowStep {
  /** An action, or an approval that does not yet approve. */
  action: PrdAction | 'approval_added';
  values: ValuesOf<typeof prdReviews>;
  data?: Record<string, unknown>;
  reason?: string;
}

/** Records a step of the review: new values, version and `prd_review.<what>` event; drops cached views. */
async function applyStep(tx: Transaction, scope: Scope, current: PrdRow, step: WorkflowStep) {
  await invalidatePrdCache(tx, current.id);
  return changeRow(tx, prdResource, scope, current, {
    values: step.values,
    event: step.action === 'approval_added' ? 'approval_added' : actionEvents[step.action],
    fields: workflowFields,
    data: { action: step.action, revision: current.currentRevision, ...step.data },
    reason: step.reason,
    always: true,
  });
}

/** Submit, withdraw, supersede or archive: a status change with its audit event. */
export async function transitionPrd(
  scope: Scope,
  id: string,
  action: TransitionAction,
  input: ActionInput,
): Promise<PrdRow> {
  return scope.db.transaction(async (tx) => {
    const current = await lockRow(tx, prdResource, scope, id, input.version);
    const values: ValuesOf<typeof prdReviews> = { status: nextStatus(current.status, action) };
    if (action === 'submit') {
      values.reviewRound = current.reviewRound + 1;
      await assertSubmittable(tx, current);
    }
    if (action === 'supersede') values.supersededBy = await successorOf(tx, scope, id, input.supersededBy);
    return applyStep(tx, scope, current, { action, values, reason: input.reason });
  });
}

/** A project that submits only clean PRDs refuses a PRD lint finds problems in. */
async function assertSubmittable(tx: Transaction, current: PrdRow): Promise<void> {
  const settings = await settingsOf(tx, current.projectId);
  if (!settings.requireCleanLint) return;
  const problems = lintPrd(current.content, {
    requiredSections: settings.requiredSections,
    unresolvedComments: await unresolvedComments(tx, current.id),
  });
  if (problems.length) {
    throw new AppError(
      'unprocessable',
      `Lint reports ${problems.length} problem(s); this project submits only clean PRDs.`,
      { code: 'prd_review.lint_failed', extensions: { problems } },
    );
  }
}

/** The PRD of the same project that replaces this one. */
async function successorOf(tx: Transaction, scope: Scope, id: string, successorId?: string): Promise<string> {
  if (!successorId || successorId === id) {
    throw new AppError('validation_failed', 'supersededBy must name another PRD.', {
      errors: [{ path: 'supersededBy', message: 'must be another PRD of the project' }],
    });
  }
  const successor = await getRow(tx, prdResource, scope, successorId).catch(() => null);
  if (!successor) {
    throw new AppError('unprocessable', 'supersededBy must be a PRD of the same project.', {
      code: 'prd_review.unknown_successor',
      errors: [{ path: 'supersededBy', message: 'no such PRD in this project' }],
    });
  }
  return successor.id;
}

/**
 * A reviewer's decision on the current revision. Requesting changes moves the PRD to
 * changes_requested; an approval makes it approved once the project's rule is met. Reviewing is a
 * person's act, and an author approves their own PRD only where the project allows it.
 */
export async function reviewPrd(
  scope: Scope,
  id: string,
  decision: ReviewAction,
  input: ActionInput,
): Promise<PrdRow> {
  const { actor } = scope.ctx;
  if (actor.kind === 'agent') {
    throw new AppError('forbidden', 'Agents cannot review PRDs; a person must.', {
      code: 'prd_review.agent_cannot_review',
    });
  }
  return scope.db.transaction(async (tx) => {
    const current = await lockRow(tx, prdResource, scope, id, input.version);
    nextStatus(current.status, decision);
    const settings = await settingsOf(tx, current.projectId);
    if (decision === 'approve' && actor.userId === current.authorId && !settings.authorMayApprove) {
      throw new AppError('forbidden', 'This project does not let authors approve their own PRD.', {
        code: 'prd_review.author_cannot_approve',
      });
    }
    const comment = input.comment ?? '';
    if (decision === 'approve')
      return approve(tx, scope, current, settings, { comment, reason: input.reason });
    await recordDecision(tx, scope, current, 'request_changes', comment);
    return applyStep(tx, scope, current, {
      action: 'request-changes',
      values: { status: 'changes_requested' },
      data: { comment },
      reason: input.reason,
    });
  });
}

/** Adds the caller's approval; the one that meets the project's rule approves the PRD. */
async function approve(
  tx: Transaction,
  scope: Scope,
  current: PrdRow,
  settings: ReviewSettings,
  { comment, reason }: { comment: string; reason?: string },
): Promise<PrdRow> {
  const reviewerId = scope.ctx.actor.userId;
  const before = await approvalState(tx, current, settings);
  if (before.approvals.includes(reviewerId)) {
    throw new AppError('conflict', `You already approved revision ${current.currentRevision}.`, {
      code: 'prd_review.already_approved',
    });
  }
  await recordDecision(tx, scope, current, 'approve', comment);
  const state = await approvalState(tx, current, settings);
  const data = { comment, approvals: state.approvals, approvalsRequired: settings.approvalsRequired };
  if (state.approvals.length < settings.approvalsRequired) {
    return applyStep(tx, scope, current, { action: 'approval_added', values: {}, data, reason });
  }
  const approvedAt = await markRevisionApproved(tx, current.id, current.currentRevision, reviewerId);
  const values: ValuesOf<typeof prdReviews> = {
    status: 'approved',
    reviewedBy: reviewerId,
    reviewedAt: approvedAt,
    approvedRevision: current.currentRevision,
  };
  return applyStep(tx, scope, current, { action: 'approve', values, data, reason });
}

async function recordDecision(
  tx: Transaction,
  scope: Scope,
  prd: PrdRow,
  decision: ReviewDecision,
  comment: string,
): Promise<void> {
  await insertDecision(tx, {
    workspaceId: scope.ctx.workspaceId,
    prdId: prd.id,
    revision: prd.currentRevision,
    round: prd.reviewRound,
    reviewerId: scope.ctx.actor.userId,
    decision,
    comment,
  });
}
