import { eq, type SQL, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { defineResource, type HookContext } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import type { Executor } from '../../db/connection.ts';
import { relocateAnchor } from './anchors.ts';
import { invalidatePrdCache } from './cache.ts';
import { liveAnchors, moveAnchor } from './comment-store.ts';
import { type PrdUpdate, prdCreateSchema, prdSchema, prdUpdateSchema } from './contracts.ts';
import { insertRevision } from './revisions.ts';
import { type PrdRow, prdReviewDecisions, prdReviewRequests, prdReviews, prdStatuses } from './tables.ts';
import { allowedActions, isEditable } from './workflow.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `me` or a user id, for filters about people. */
function userOf(raw: string, ctx: RequestContext): string {
  if (raw === 'me') return ctx.actor.userId;
  if (!uuidPattern.test(raw)) throw new Error('must be `me` or a user id');
  return raw;
}

/** PRDs in review that the user was asked to review and has not decided on (this round, this revision). */
function awaitingReviewBy(userId: string): SQL {
  return sql`(${prdReviews.status} = 'in_review' and exists (
    select 1 from ${prdReviewRequests} where ${prdReviewRequests.prdId} = ${prdReviews.id}
      and ${prdReviewRequests.reviewerId} = ${userId})
    and not exists (
    select 1 from ${prdReviewDecisions} where ${prdReviewDecisions.prdId} = ${prdReviews.id}
      and ${prdReviewDecisions.reviewerId} = ${userId}
      and ${prdReviewDecisions.round} = ${prdReviews.reviewRound}
      and ${prdReviewDecisions.revision} = ${prdReviews.currentRevision}))`;
}

/** Moves every live anchor of the PRD's comments into the new content, or marks it outdated. */
async function followAnchors(
  tx: Executor,
  current: PrdRow,
  content: string,
  revision: number,
): Promise<void> {
  for (const comment of await liveAnchors(tx, current.id)) {
    if (!comment.anchor) continue;
    const anchor = relocateAnchor(current.content, content, comment.anchor);
    await moveAnchor(tx, comment.id, anchor ? { anchor, revision } : null);
  }
}

/**
 * A change of title or content is a new revision: recorded, with the comments' anchors carried
 * into it and the PRD's cached views dropped.
 */
async function onContentChange(changes: PrdUpdate, current: PrdRow, { scope, tx }: HookContext) {
  const { status } = current;
  const title = changes.title ?? current.title;
  const content = changes.content ?? current.content;
  if (title === current.title && content === current.content) return changes;
  if (!isEditable(status)) {
    throw new AppError('conflict', `A ${status} PRD can no longer be edited.`, {
      code: 'prd_review.not_editable',
      extensions: { currentStatus: status, allowed: allowedActions(status) },
    });
  }
  const revision = current.currentRevision + 1;
  await insertRevision(tx, {
    workspaceId: scope.ctx.workspaceId,
    prdId: current.id,
    number: revision,
    title,
    content,
    authorId: scope.ctx.actor.userId,
  });
  if (content !== current.content) await followAnchors(tx, current, content, revision);
  await invalidatePrdCache(tx, current.id);
  // Editing an approved PRD starts a new draft; the approval stays with the revision it was given on.
  return {
    ...changes,
    currentRevision: revision,
    ...(status === 'approved' ? { status: 'draft' as const } : {}),
  };
}

/** PRDs: project-scoped documents with a review workflow. CRUD comes from the resource layer. */
export const prdResource = defineResource({
  name: 'prd_review',
  path: 'prd-reviews',
  label: 'PRD',
  tag: 'PRD reviews',
  scope: 'project',
  table: prdReviews,
  schemas: { create: prdCreateSchema, update: prdUpdateSchema, output: prdSchema },
  filters: {
    status: filterOn.enum(prdReviews.status, prdStatuses),
    title: filterOn.text(prdReviews.title),
    authorId: filterOn.custom(
      prdReviews.authorId,
      ['eq'],
      (_operator, raw, ctx) => eq(prdReviews.authorId, userOf(raw, ctx)),
      'Written by this user (`me` or a user id)',
    ),
    reviewer: filterOn.custom(
      prdReviews.id,
      ['eq'],
      (_operator, raw, ctx) =>
        sql`exists (select 1 from ${prdReviewRequests} where ${prdReviewRequests.prdId} = ${prdReviews.id}
          and ${prdReviewRequests.reviewerId} = ${userOf(raw, ctx)})`,
      'This user (`me` or a user id) was asked to review',
    ),
    awaitingReviewBy: filterOn.custom(
      prdReviews.id,
      ['eq'],
      (_operator, raw, ctx) => awaitingReviewBy(userOf(raw, ctx)),
      'In review, this user (`me` or a user id) was asked and has not decided in this round',
    ),
    reviewedBy: filterOn.nullable(filterOn.uuid(prdReviews.reviewedBy, ['eq'])),
    createdAt: filterOn.timestamp(prdReviews.createdAt),
    updatedAt: filterOn.timestamp(prdReviews.updatedAt),
  },
  sortable: {
    createdAt: prdReviews.createdAt,
    updatedAt: prdReviews.updatedAt,
    title: prdReviews.title,
    status: prdReviews.status,
  },
  defaultSort: '-createdAt',
  searchable: [prdReviews.title, prdReviews.content],
  hooks: {
    beforeCreate: (values, { scope }) => ({
      ...values,
      authorId: scope.ctx.actor.userId,
      currentRevision: 1,
    }),
    afterCreate: async (row, { scope, tx }) => {
      await insertRevision(tx, {
        workspaceId: scope.ctx.workspaceId,
        prdId: row.id,
        number: 1,
        title: row.title,
        content: row.content,
        authorId: scope.ctx.actor.userId,
      });
    },
    beforeUpdate: onContentChange,
    beforeDelete: async (current, { tx }) => {
      await invalidatePrdCache(tx, current.id);
    },
    toOutput: (row) => ({ allowedActions: allowedActions(row.status) }),
  },
});
