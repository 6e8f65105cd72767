import { z } from 'zod';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { getRow } from '../../core/resource/service.ts';
import type { Executor } from '../../db/connection.ts';
import { mentionedEmails, relocateAnchor } from './anchors.ts';
import { invalidatePrdCache } from './cache.ts';
import { commentOf, insertComment, listComments, setResolution } from './comment-store.ts';
import type { CommentInput, PageQuery } from './contracts.ts';
import { findMembers } from './members.ts';
import { prdResource } from './resource.ts';
import { getRevision } from './revisions.ts';
import type { Comment, CommentAnchor, PrdRow } from './tables.ts';

/**
 * Adds a comment. An anchor names a quote and its offsets in a revision; an anchor on an older
 * revision is carried into the current one (or the comment starts out outdated).
 */
export async function addComment(scope: Scope, prdId: string, input: CommentInput): Promise<Comment> {
  return scope.db.transaction(async (tx) => {
    const prd = await getRow(tx, prdResource, scope, prdId);
    if (input.parentId) await checkReply(tx, prd.id, input.parentId, input.anchor);
    const placed = await placeAnchor(tx, prd, input);
    const { workspaceId } = scope.ctx;
    const mentions = await findMembers(tx, workspaceId, mentionedEmails(input.body), 'body.mentions');
    const row = await insertComment(tx, {
      workspaceId,
      prdId: prd.id,
      parentId: input.parentId ?? null,
      authorId: scope.ctx.actor.userId,
      body: input.body,
      ...placed,
      mentions: mentions.map((member) => member.userId),
    });
    await invalidatePrdCache(tx, prd.id);
    await appendEvent(tx, scope, {
      eventType: 'prd_review.comment_added',
      aggregateType: 'prd_review',
      aggregateId: prd.id,
      changes: {},
      data: { commentId: row.id, parentId: row.parentId, anchor: row.anchor, mentions: row.mentions },
    });
    return row;
  });
}

/** Threads are one level deep, and a reply belongs to its thread's place in the text. */
async function checkReply(tx: Executor, prdId: string, parentId: string, anchor?: CommentAnchor) {
  const parent = await commentOf(tx, prdId, parentId);
  if (parent.parentId) {
    throw new AppError('unprocessable', 'Reply to the first comment of the thread.', {
      code: 'prd_comment.nested_reply',
      errors: [{ path: 'parentId', message: 'is itself a reply' }],
    });
  }
  if (anchor) throw invalidInput('anchor', 'a reply belongs to its thread and has no anchor of its own');
}

/** Where a new comment points: its anchor checked against its revision, then carried into the current one. */
async function placeAnchor(
  tx: Executor,
  prd: PrdRow,
  input: CommentInput,
): Promise<{ revision: number; anchor: CommentAnchor | null; outdated: boolean }> {
  const current = prd.currentRevision;
  const revisionNumber = input.revision ?? current;
  if (!input.anchor) return { revision: revisionNumber, anchor: null, outdated: false };
  const revision = await getRevision(tx, prd.id, revisionNumber);
  const { quote, start, end } = input.anchor;
  if (end - start !== quote.length || revision.content.slice(start, end) !== quote) {
    throw invalidInput('anchor', `the quote is not at ${start}–${end} of revision ${revisionNumber}`);
  }
  if (revisionNumber === current) return { revision: current, anchor: input.anchor, outdated: false };
  const moved = relocateAnchor(revision.content, prd.content, input.anchor);
  if (moved) return { revision: current, anchor: moved, outdated: false };
  return { revision: revisionNumber, anchor: input.anchor, outdated: true };
}

function invalidInput(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Resolves or reopens a thread (its first comment). */
export async function resolveThread(
  scope: Scope,
  prdId: string,
  commentId: string,
  resolved: boolean,
): Promise<Comment> {
  return scope.db.transaction(async (tx) => {
    const prd = await getRow(tx, prdResource, scope, prdId);
    const comment = await commentOf(tx, prd.id, commentId, true);
    if (comment.parentId) throw invalidInput('commentId', 'resolve the thread through its first comment');
    if (Boolean(comment.resolvedAt) === resolved) {
      throw new AppError('illegal_transition', `This comment is already ${resolved ? 'resolved' : 'open'}.`, {
        code: 'prd_comment.illegal_transition',
        extensions: { allowed: [resolved ? 'reopen' : 'resolve'] },
      });
    }
    const row = await setResolution(tx, commentId, resolved ? scope.ctx.actor.userId : null);
    await invalidatePrdCache(tx, prd.id);
    await appendEvent(tx, scope, {
      eventType: resolved ? 'prd_review.comment_resolved' : 'prd_review.comment_reopened',
      aggregateType: 'prd_review',
      aggregateId: prd.id,
      changes: {},
      data: { commentId },
    });
    return row;
  });
}

/** A page of the PRD's comments in the order written; `unresolved`: only open threads. */
export async function commentsOf(
  scope: Scope,
  prdId: string,
  query: PageQuery & { unresolved?: 'true' | 'false' },
) {
  return scope.db.read(async (db) => {
    const prd = await getRow(db, prdResource, scope, prdId);
    const { limit, cursor, unresolved } = query;
    // Comment ids are the only cursors this list issues: anything else is a 400, as on every list.
    if (cursor !== undefined && !z.uuid().safeParse(cursor).success)
      throw invalidField('query.cursor', 'is not a cursor this server issued');
    return listComments(db, prd.id, { limit, cursor, unresolved: unresolved === 'true' });
  });
}
