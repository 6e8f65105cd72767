import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/auth/context.ts';
import { authorize, definePermission, roleAllows } from '../../core/auth/permissions.ts';
import { appendEvent } from '../../core/events/append.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Row } from '../../core/resource/define.ts';
import type { Executor } from '../../db/connection.ts';
import { mentionedEmails, relocateAnchor } from './anchors.ts';
import { invalidatePrdCache } from './cache.ts';
import { findMembers } from './members.ts';
import { getRevision } from './revisions.ts';
import { type CommentAnchor, prdReviewComments } from './schema.ts';

/** Commenting, replying, resolving and reopening: anyone who may contribute or review. */
export const commentPermission = definePermission('prd_review.comment', ['contribute', 'review']);

/** Reviewers comment too: they hold `review` rather than `contribute`. */
export function authorizeComment(actor: Actor, reviewPermission: string): void {
  if (!actor.readOnly && roleAllows(actor.role, reviewPermission)) return;
  authorize(actor, commentPermission);
}

export type Comment = typeof prdReviewComments.$inferSelect;

export interface CommentInput {
  body: string;
  parentId?: string;
  revision?: number;
  anchor?: CommentAnchor;
}

async function commentOf(db: Executor, prdId: string, commentId: string, lock = false): Promise<Comment> {
  const query = db
    .select()
    .from(prdReviewComments)
    .where(and(eq(prdReviewComments.id, commentId), eq(prdReviewComments.prdId, prdId)))
    .limit(1);
  const [row] = await (lock ? query.for('update') : query);
  if (!row)
    throw new AppError('not_found', `This PRD has no comment ${commentId}.`, {
      code: 'prd_comment.not_found',
    });
  return row;
}

/**
 * Adds a comment. An anchor names a quote and its offsets in a revision; an anchor on an older
 * revision is carried into the current one (or the comment starts out outdated).
 */
export async function addComment(
  tx: Executor,
  ctx: RequestContext,
  prd: Row,
  input: CommentInput,
): Promise<Comment> {
  if (input.parentId) {
    const parent = await commentOf(tx, prd.id, input.parentId);
    if (parent.parentId) {
      throw new AppError('unprocessable', 'Reply to the first comment of the thread.', {
        code: 'prd_comment.nested_reply',
        errors: [{ path: 'parentId', message: 'is itself a reply' }],
      });
    }
    if (input.anchor)
      throw invalidInput('anchor', 'a reply belongs to its thread and has no anchor of its own');
  }
  const current = Number(prd.currentRevision);
  const revisionNumber = input.revision ?? current;
  let anchor: CommentAnchor | null = null;
  let outdated = false;
  if (input.anchor) {
    const revision = await getRevision(tx, prd.id, revisionNumber);
    const { quote, start, end } = input.anchor;
    if (end - start !== quote.length || revision.content.slice(start, end) !== quote) {
      throw invalidInput('anchor', `the quote is not at ${start}–${end} of revision ${revisionNumber}`);
    }
    anchor = input.anchor;
    if (revisionNumber !== current) {
      anchor = relocateAnchor(revision.content, String(prd.content), input.anchor);
      outdated = anchor === null;
      anchor ??= input.anchor;
    }
  }
  const mentions = await findMembers(tx, ctx.workspaceId, mentionedEmails(input.body), 'body.mentions');
  const [row] = await tx
    .insert(prdReviewComments)
    .values({
      workspaceId: ctx.workspaceId,
      prdId: prd.id,
      parentId: input.parentId ?? null,
      authorId: ctx.actor.userId,
      body: input.body,
      revision: anchor && !outdated ? current : revisionNumber,
      anchor,
      outdated,
      mentions: mentions.map((member) => member.userId),
    })
    .returning();
  if (!row) throw new Error('comment insert returned nothing');
  await invalidatePrdCache(tx, prd.id);
  await appendEvent(tx, ctx, {
    eventType: 'prd_review.comment_added',
    aggregateType: 'prd_review',
    aggregateId: prd.id,
    changes: {},
    data: { commentId: row.id, parentId: row.parentId, anchor: row.anchor, mentions: row.mentions },
  });
  return row;
}

function invalidInput(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Resolves or reopens a thread (its first comment). */
export async function setResolved(
  tx: Executor,
  ctx: RequestContext,
  prd: Row,
  commentId: string,
  resolved: boolean,
): Promise<Comment> {
  const comment = await commentOf(tx, prd.id, commentId, true);
  if (comment.parentId) throw invalidInput('commentId', 'resolve the thread through its first comment');
  if (Boolean(comment.resolvedAt) === resolved) {
    throw new AppError('illegal_transition', `This comment is already ${resolved ? 'resolved' : 'open'}.`, {
      code: 'prd_comment.illegal_transition',
      extensions: { allowed: [resolved ? 'reopen' : 'resolve'] },
    });
  }
  const [row] = await tx
    .update(prdReviewComments)
    .set(
      resolved
        ? { resolvedAt: sql`now()`, resolvedBy: ctx.actor.userId, updatedAt: sql`now()` }
        : { resolvedAt: null, resolvedBy: null, updatedAt: sql`now()` },
    )
    .where(eq(prdReviewComments.id, commentId))
    .returning();
  if (!row) throw new Error('comment vanished under its lock');
  await invalidatePrdCache(tx, prd.id);
  await appendEvent(tx, ctx, {
    eventType: resolved ? 'prd_review.comment_resolved' : 'prd_review.comment_reopened',
    aggregateType: 'prd_review',
    aggregateId: prd.id,
    changes: {},
    data: { commentId },
  });
  return row;
}

/** A page of a PRD's comments in the order they were written (threads via parentId). */
export async function listComments(
  db: Executor,
  prdId: string,
  options: { limit: number; cursor?: string; unresolved?: boolean },
) {
  const rows = await db
    .select()
    .from(prdReviewComments)
    .where(
      and(
        eq(prdReviewComments.prdId, prdId),
        options.cursor ? gt(prdReviewComments.id, options.cursor) : undefined,
        options.unresolved
          ? and(isNull(prdReviewComments.resolvedAt), isNull(prdReviewComments.parentId))
          : undefined,
      ),
    )
    .orderBy(asc(prdReviewComments.id))
    .limit(options.limit + 1);
  const data = rows.slice(0, options.limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > options.limit && last ? last.id : null };
}
