import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { AppError } from '../../core/http/errors.ts';
import { defineResource, type HookContext, type Row } from '../../core/resource/define.ts';
import { filterOn } from '../../core/resource/filters.ts';
import type { Executor } from '../../db/connection.ts';
import { relocateAnchor } from './anchors.ts';
import { invalidatePrdCache } from './cache.ts';
import { prdCreateSchema, prdSchema, prdUpdateSchema } from './contracts.ts';
import { insertRevision } from './revisions.ts';
import {
  type PrdStatus,
  prdReviewComments,
  prdReviewDecisions,
  prdReviewRequests,
  prdReviews,
  prdStatuses,
} from './schema.ts';
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
async function followAnchors(tx: Executor, current: Row, content: string, revision: number): Promise<void> {
  const anchored = await tx
    .select({ id: prdReviewComments.id, anchor: prdReviewComments.anchor })
    .from(prdReviewComments)
    .where(and(eq(prdReviewComments.prdId, current.id), eq(prdReviewComments.outdated, false)));
  for (const comment of anchored) {
    if (!comment.anchor) continue;
    const moved = relocateAnchor(String(current.content), content, comment.anchor);
    await tx
      .update(prdReviewComments)
      .set(
        moved
          ? { anchor: moved, revision, updatedAt: sql`now()` }
          : { outdated: true, updatedAt: sql`now()` },
      )
      .where(eq(prdReviewComments.id, comment.id));
  }
}

async function onContentChange(
  changes: Record<string, unknown>,
  current: Row,
  { ctx, tx }: HookContext,
): Promise<Record<string, unknown>> {
  const status = current.status as PrdStatus;
  const title = (changes.title as string | undefined) ?? String(current.title);
  const content = (changes.content as string | undefined) ?? String(current.content);
  if (title === current.title && content === current.content) return changes;
  if (!isEditable(status)) {
    throw new AppError('conflict', `A ${status} PRD can no longer be edited.`, {
      code: 'prd_review.not_editable',
      extensions: { currentStatus: status, allowed: allowedActions(status) },
    });
  }
  const revision = Number(current.currentRevision) + 1;
  await insertRevision(tx, {
    workspaceId: ctx.workspaceId,
    prdId: current.id,
    number: revision,
    title,
    content,
    authorId: ctx.actor.userId,
  });
  if (content !== current.content) await followAnchors(tx, current, content, revision);
  await invalidatePrdCache(tx, current.id);
  // Editing an approved PRD starts a new draft; the approval stays with the revision it was given on.
  return { ...changes, currentRevision: revision, ...(status === 'approved' ? { status: 'draft' } : {}) };
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
    beforeCreate: (values, { ctx }) => ({ ...values, authorId: ctx.actor.userId, currentRevision: 1 }),
    afterCreate: async (row, { ctx, tx }) => {
      await insertRevision(tx, {
        workspaceId: ctx.workspaceId,
        prdId: row.id,
        number: 1,
        title: String(row.title),
        content: String(row.content),
        authorId: ctx.actor.userId,
      });
    },
    beforeUpdate: onContentChange,
    beforeDelete: async (current, { tx }) => {
      await invalidatePrdCache(tx, current.id);
    },
    toOutput: (row) => ({ allowedActions: allowedActions(row.status as PrdStatus) }),
  },
});

/** Open threads of a PRD (for lint). */
export async function unresolvedComments(db: Executor, prdId: string) {
  return db
    .select({ id: prdReviewComments.id, body: prdReviewComments.body })
    .from(prdReviewComments)
    .where(
      and(
        eq(prdReviewComments.prdId, prdId),
        isNull(prdReviewComments.resolvedAt),
        isNull(prdReviewComments.parentId),
      ),
    );
}
