import { and, asc, count, eq, gt, isNull, max, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Executor } from '../../db/connection.ts';
import { type Comment, type CommentAnchor, prdReviewComments } from './tables.ts';

/** A comment of the PRD, or 404; locked until the transaction ends when asked. */
export async function commentOf(
  db: Executor,
  prdId: string,
  commentId: string,
  lock = false,
): Promise<Comment> {
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

export async function insertComment(
  db: Executor,
  comment: typeof prdReviewComments.$inferInsert,
): Promise<Comment> {
  const [row] = await db.insert(prdReviewComments).values(comment).returning();
  if (!row) throw new Error('comment insert returned nothing');
  return row;
}

/** Resolves a thread in the name of a member, or reopens it (`resolvedBy` null). */
export async function setResolution(
  db: Executor,
  commentId: string,
  resolvedBy: string | null,
): Promise<Comment> {
  const [row] = await db
    .update(prdReviewComments)
    .set(
      resolvedBy
        ? { resolvedAt: sql`now()`, resolvedBy, updatedAt: sql`now()` }
        : { resolvedAt: null, resolvedBy: null, updatedAt: sql`now()` },
    )
    .where(eq(prdReviewComments.id, commentId))
    .returning();
  if (!row) throw new Error('comment vanished under its lock');
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

/** How many comments a PRD has and when the last one changed: what lint's answer depends on. */
export async function commentActivity(
  db: Executor,
  prdId: string,
): Promise<{ total: number; latest: Date | null }> {
  const [activity] = await db
    .select({ total: count(), latest: max(prdReviewComments.updatedAt) })
    .from(prdReviewComments)
    .where(eq(prdReviewComments.prdId, prdId));
  return { total: activity?.total ?? 0, latest: activity?.latest ?? null };
}

/** The anchors of a PRD's comments that still point into its current text. */
export async function liveAnchors(db: Executor, prdId: string) {
  return db
    .select({ id: prdReviewComments.id, anchor: prdReviewComments.anchor })
    .from(prdReviewComments)
    .where(and(eq(prdReviewComments.prdId, prdId), eq(prdReviewComments.outdated, false)));
}

/** Moves a comment's anchor into a new revision, or (anchor null) marks the comment outdated. */
export async function moveAnchor(
  db: Executor,
  commentId: string,
  moved: { anchor: CommentAnchor; revision: number } | null,
): Promise<void> {
  await db
    .update(prdReviewComments)
    .set(moved ? { ...moved, updatedAt: sql`now()` } : { outdated: true, updatedAt: sql`now()` })
    .where(eq(prdReviewComments.id, commentId));
}
