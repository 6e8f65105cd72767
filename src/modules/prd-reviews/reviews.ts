import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { definePermission, roleAllows } from '../../core/auth/permissions.ts';
import { appendEvent } from '../../core/events/append.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Row } from '../../core/resource/define.ts';
import type { Executor } from '../../db/connection.ts';
import { defaultRequiredSections } from './lint.ts';
import { findMembers } from './members.ts';
import { prdReviewDecisions, prdReviewRequests, prdReviewSettings, type ReviewDecision } from './schema.ts';

/** Approving and requesting changes: owners, admins and reviewers; never agents. */
export const reviewPermission = definePermission('prd_review.review', 'review');
/** Asking members for a review. */
export const requestReviewPermission = definePermission('prd_review.request_review', 'write');
/** Changing a project's review rules. */
export const configurePermission = definePermission('prd_review.configure', 'administer');

export interface ReviewSettings {
  approvalsRequired: number;
  authorMayApprove: boolean;
  requiredSections: string[];
  requireCleanLint: boolean;
}

export const defaultSettings: ReviewSettings = {
  approvalsRequired: 1,
  authorMayApprove: false,
  requiredSections: defaultRequiredSections,
  requireCleanLint: false,
};

/** A project's review rules (the defaults when it never set any), and when they last changed. */
export async function settingsOf(
  db: Executor,
  projectId: string,
): Promise<ReviewSettings & { updatedAt: Date | null }> {
  const [row] = await db.select().from(prdReviewSettings).where(eq(prdReviewSettings.projectId, projectId));
  if (!row) return { ...defaultSettings, updatedAt: null };
  return {
    approvalsRequired: row.approvalsRequired,
    authorMayApprove: row.authorMayApprove,
    requiredSections: row.requiredSections ?? defaultRequiredSections,
    requireCleanLint: row.requireCleanLint,
    updatedAt: row.updatedAt,
  };
}

/** Changes a project's review rules (only the fields given) and audits the change. */
export async function updateSettings(
  tx: Executor,
  ctx: RequestContext,
  projectId: string,
  input: Partial<ReviewSettings>,
): Promise<ReviewSettings> {
  const { updatedAt: _, ...before } = await settingsOf(tx, projectId);
  const after = { ...before, ...input };
  await tx
    .insert(prdReviewSettings)
    .values({ projectId, workspaceId: ctx.workspaceId, ...after })
    .onConflictDoUpdate({ target: prdReviewSettings.projectId, set: { ...after, updatedAt: sql`now()` } });
  const changes = Object.fromEntries(
    Object.keys(input).map((field) => [
      field,
      { before: before[field as keyof ReviewSettings], after: after[field as keyof ReviewSettings] },
    ]),
  );
  await appendEvent(tx, ctx, {
    eventType: 'prd_review_settings.updated',
    aggregateType: 'project',
    aggregateId: projectId,
    changes,
  });
  return after;
}

/** Asks members for a review; members who cannot review (no review permission, agents) answer 422. */
export async function requestReviews(
  tx: Executor,
  ctx: RequestContext,
  prd: Row,
  references: string[],
): Promise<void> {
  const members = await findMembers(tx, ctx.workspaceId, references, 'reviewers');
  const unable = members.filter(
    (member) => member.kind === 'agent' || !roleAllows(member.role, reviewPermission),
  );
  if (unable.length) {
    throw new AppError(
      'unprocessable',
      `These members cannot review: ${unable.map((m) => m.email).join(', ')}.`,
      {
        code: 'prd_review.reviewer_cannot_review',
        errors: unable.map((member) => ({
          path: `reviewers.${references.findIndex((r) => r === member.userId || r.toLowerCase() === member.email.toLowerCase())}`,
          message: `the ${member.role} role cannot review`,
        })),
      },
    );
  }
  const added = await tx
    .insert(prdReviewRequests)
    .values(
      members.map((member) => ({
        workspaceId: ctx.workspaceId,
        prdId: prd.id,
        reviewerId: member.userId,
        requestedBy: ctx.actor.userId,
      })),
    )
    .onConflictDoNothing()
    .returning({ reviewerId: prdReviewRequests.reviewerId });
  if (added.length === 0) return;
  await appendEvent(tx, ctx, {
    eventType: 'prd_review.review_requested',
    aggregateType: 'prd_review',
    aggregateId: prd.id,
    aggregateVersion: prd.version,
    changes: {},
    data: { reviewers: added.map((row) => row.reviewerId) },
  });
}

/** A page of review requests of a PRD, by reviewer id. */
export async function listRequests(db: Executor, prdId: string, limit: number, cursor?: string) {
  const rows = await db
    .select()
    .from(prdReviewRequests)
    .where(
      and(eq(prdReviewRequests.prdId, prdId), cursor ? gt(prdReviewRequests.reviewerId, cursor) : undefined),
    )
    .orderBy(asc(prdReviewRequests.reviewerId))
    .limit(limit + 1);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? last.reviewerId : null };
}

/** A page of decisions on a PRD, oldest first. */
export async function listDecisions(db: Executor, prdId: string, limit: number, cursor?: string) {
  const rows = await db
    .select()
    .from(prdReviewDecisions)
    .where(and(eq(prdReviewDecisions.prdId, prdId), cursor ? gt(prdReviewDecisions.id, cursor) : undefined))
    .orderBy(asc(prdReviewDecisions.id))
    .limit(limit + 1);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? last.id : null };
}

export async function recordDecision(
  tx: Executor,
  ctx: RequestContext,
  prd: Row,
  decision: ReviewDecision,
  comment: string,
): Promise<void> {
  await tx.insert(prdReviewDecisions).values({
    workspaceId: ctx.workspaceId,
    prdId: prd.id,
    revision: Number(prd.currentRevision),
    round: Number(prd.reviewRound),
    reviewerId: ctx.actor.userId,
    decision,
    comment,
  });
}

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
  prd: Row,
  settings: ReviewSettings,
): Promise<ApprovalState> {
  const decisions = await db
    .select()
    .from(prdReviewDecisions)
    .where(
      and(eq(prdReviewDecisions.prdId, prd.id), eq(prdReviewDecisions.revision, Number(prd.currentRevision))),
    )
    .orderBy(asc(prdReviewDecisions.id));
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const decision of decisions) latest.set(decision.reviewerId, decision);
  const approvals = [...latest.values()]
    .filter((d) => d.decision === 'approve' && (settings.authorMayApprove || d.reviewerId !== prd.authorId))
    .map((d) => d.reviewerId);
  const changesRequestedBy = [...latest.values()]
    .filter((d) => d.decision === 'request_changes' && d.round === prd.reviewRound)
    .map((d) => d.reviewerId);
  const requests = await db
    .select({ reviewerId: prdReviewRequests.reviewerId })
    .from(prdReviewRequests)
    .where(eq(prdReviewRequests.prdId, prd.id));
  const decidedThisRound = new Set(
    decisions.filter((d) => d.round === prd.reviewRound).map((d) => d.reviewerId),
  );
  return {
    approvalsRequired: settings.approvalsRequired,
    approvals,
    changesRequestedBy,
    pendingReviewers: requests.map((r) => r.reviewerId).filter((id) => !decidedThisRound.has(id)),
  };
}
