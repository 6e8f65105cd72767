import { roleAllows } from '../../core/auth/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow } from '../../core/resource/service.ts';
import { lockRow } from '../../core/resource/writes.ts';
import type { Executor } from '../../db/connection.ts';
import type { PageQuery, ReviewSettings } from './contracts.ts';
import { findMembers, type Member } from './members.ts';
import { prdPermissions } from './permissions.ts';
import { prdResource } from './resource.ts';
import {
  decisionsOnRevision,
  insertReviewRequests,
  listDecisions,
  listRequests,
  requestedReviewers,
  saveSettings,
  settingsOf,
} from './store.ts';
import type { PrdRow } from './tables.ts';

export interface ApprovalState {
  approvalsRequired: number;
  approvals: string[];
  changesRequestedBy: string[];
  pendingReviewers: string[];
}

/**
 * Who approved the current revision: each reviewer's latest decision on that revision counts (an
 * approval of an older revision does not), the author's only when the project allows it.
 */
export async function approvalState(
  db: Executor,
  prd: PrdRow,
  settings: ReviewSettings,
): Promise<ApprovalState> {
  const decisions = await decisionsOnRevision(db, prd.id, prd.currentRevision);
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const decision of decisions) latest.set(decision.reviewerId, decision);
  const approvals = [...latest.values()]
    .filter((d) => d.decision === 'approve' && (settings.authorMayApprove || d.reviewerId !== prd.authorId))
    .map((d) => d.reviewerId);
  const changesRequestedBy = [...latest.values()]
    .filter((d) => d.decision === 'request_changes' && d.round === prd.reviewRound)
    .map((d) => d.reviewerId);
  const requested = await requestedReviewers(db, prd.id);
  const decidedThisRound = new Set(
    decisions.filter((d) => d.round === prd.reviewRound).map((d) => d.reviewerId),
  );
  return {
    approvalsRequired: settings.approvalsRequired,
    approvals,
    changesRequestedBy,
    pendingReviewers: requested.filter((id) => !decidedThisRound.has(id)),
  };
}

/** Who approved the PRD's current revision, and who is still to decide. */
export async function approvalOf(scope: Scope, id: string): Promise<ApprovalState> {
  return scope.db.read(async (db) => {
    const prd = await getRow(db, prdResource, scope, id);
    return approvalState(db, prd, await settingsOf(db, prd.projectId));
  });
}

/** Asks members for a review; members who cannot review (no review permission, agents) answer 422. */
export async function requestReviews(scope: Scope, id: string, references: string[]) {
  return scope.db.transaction(async (tx) => {
    const prd = await lockRow(tx, prdResource, scope, id);
    const members = await findMembers(tx, scope.ctx.workspaceId, references, 'reviewers');
    assertAllCanReview(members, references);
    const added = await insertReviewRequests(tx, {
      workspaceId: scope.ctx.workspaceId,
      prdId: prd.id,
      requestedBy: scope.ctx.actor.userId,
      reviewerIds: members.map((member) => member.userId),
    });
    if (added.length) {
      await appendEvent(tx, scope, {
        eventType: 'prd_review.review_requested',
        aggregateType: 'prd_review',
        aggregateId: prd.id,
        aggregateVersion: prd.version,
        changes: {},
        data: { reviewers: added },
      });
    }
    return listRequests(tx, prd.id, 200);
  });
}

function assertAllCanReview(members: Member[], references: string[]): void {
  const unable = members.filter(
    (member) => member.kind === 'agent' || !roleAllows(member.role, prdPermissions.review),
  );
  if (unable.length === 0) return;
  const indexOf = (member: Member) =>
    references.findIndex((r) => r === member.userId || r.toLowerCase() === member.email.toLowerCase());
  throw new AppError(
    'unprocessable',
    `These members cannot review: ${unable.map((m) => m.email).join(', ')}.`,
    {
      code: 'prd_review.reviewer_cannot_review',
      errors: unable.map((member) => ({
        path: `reviewers.${indexOf(member)}`,
        message: `the ${member.role} role cannot review`,
      })),
    },
  );
}

/** A page of the members asked to review the PRD. */
export async function reviewRequestsOf(scope: Scope, id: string, page: PageQuery) {
  return scope.db.read(async (db) => {
    const prd = await getRow(db, prdResource, scope, id);
    return listRequests(db, prd.id, page.limit, page.cursor);
  });
}

/** A page of the review decisions on the PRD, oldest first. */
export async function decisionsOf(scope: Scope, id: string, page: PageQuery) {
  return scope.db.read(async (db) => {
    const prd = await getRow(db, prdResource, scope, id);
    return listDecisions(db, prd.id, page.limit, page.cursor);
  });
}

function projectOf(scope: Scope): string {
  if (!scope.projectId) throw new Error('review settings belong to a project: the route names it');
  return scope.projectId;
}

/** The project's review rules. */
export async function reviewSettings(scope: Scope): Promise<ReviewSettings> {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const { updatedAt: _, ...settings } = await settingsOf(db, projectOf(scope));
    return settings;
  });
}

/** Changes the project's review rules (only the fields given) and audits the change. */
export async function changeReviewSettings(
  scope: Scope,
  input: Partial<ReviewSettings>,
): Promise<ReviewSettings> {
  const projectId = projectOf(scope);
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const { updatedAt: _, ...before } = await settingsOf(tx, projectId);
    const after: ReviewSettings = { ...before, ...input };
    await saveSettings(tx, scope.ctx.workspaceId, projectId, after);
    const previous: Record<string, unknown> = before;
    const next: Record<string, unknown> = after;
    const changes = Object.fromEntries(
      Object.keys(input).map((field) => [field, { before: previous[field], after: next[field] }]),
    );
    await appendEvent(tx, scope, {
      eventType: 'prd_review_settings.updated',
      aggregateType: 'project',
      aggregateId: projectId,
      changes,
    });
    return after;
  });
}
