import { createTwoFilesPatch, diffLines, diffWords } from 'diff';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Executor } from '../../db/connection.ts';
import { prdReviewRevisions, type Revision } from './tables.ts';

/** Records a revision of a PRD. Revisions are never changed afterwards (except their approval). */
export async function insertRevision(
  tx: Executor,
  revision: {
    workspaceId: string;
    prdId: string;
    number: number;
    title: string;
    content: string;
    authorId: string;
  },
): Promise<void> {
  await tx.insert(prdReviewRevisions).values(revision);
}

/** One revision of a PRD, or 404. */
export async function getRevision(db: Executor, prdId: string, number: number): Promise<Revision> {
  const [row] = await db
    .select()
    .from(prdReviewRevisions)
    .where(and(eq(prdReviewRevisions.prdId, prdId), eq(prdReviewRevisions.number, number)))
    .limit(1);
  if (!row) {
    throw new AppError('not_found', `This PRD has no revision ${number}.`, {
      code: 'prd_revision.not_found',
    });
  }
  return row;
}

/** Records who approved a revision; returns when (the database's clock). */
export async function markRevisionApproved(
  tx: Executor,
  prdId: string,
  number: number,
  approvedBy: string,
): Promise<Date> {
  const [row] = await tx
    .update(prdReviewRevisions)
    .set({ approvedBy, approvedAt: sql`now()` })
    .where(and(eq(prdReviewRevisions.prdId, prdId), eq(prdReviewRevisions.number, number)))
    .returning({ approvedAt: prdReviewRevisions.approvedAt });
  if (!row?.approvedAt) throw new Error(`revision ${number} of PRD ${prdId} vanished`);
  return row.approvedAt;
}

/** A page of revisions, newest first; the cursor is the last revision number seen. */
export async function listRevisions(
  db: Executor,
  prdId: string,
  limit: number,
  cursor?: number,
): Promise<{ data: Revision[]; nextCursor: string | null }> {
  const rows = await db
    .select()
    .from(prdReviewRevisions)
    .where(
      and(
        eq(prdReviewRevisions.prdId, prdId),
        cursor === undefined ? undefined : lt(prdReviewRevisions.number, cursor),
      ),
    )
    .orderBy(desc(prdReviewRevisions.number))
    .limit(limit + 1);
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? String(last.number) : null };
}

type Change = { type: 'added' | 'removed' | 'unchanged'; value: string };

function toChanges(changes: { added?: boolean; removed?: boolean; value: string }[]): Change[] {
  return changes.map((change) => ({
    type: change.added ? 'added' : change.removed ? 'removed' : 'unchanged',
    value: change.value,
  }));
}

/** A level-one ATX heading on the first line that is not blank: `# Refunds v2`. */
const leadingHeading = /^\s*# /;

/**
 * The text a diff compares: the content, led by the title as a heading so a renaming shows, unless
 * the content starts with a heading of its own (the usual case), which would show the title twice.
 */
export function diffText(revision: Pick<Revision, 'title' | 'content'>): string {
  if (leadingHeading.test(revision.content)) return revision.content;
  return `# ${revision.title}\n\n${revision.content}`;
}

/**
 * Bumped whenever what `diffRevisions` answers changes, so cached diffs computed the old way are
 * never served (their keys name the old version).
 */
export const diffFormat = 2;

/** The line and word diffs of two revisions, structured and as unified text. */
export function diffRevisions(from: Revision, to: Revision) {
  const before = diffText(from);
  const after = diffText(to);
  return {
    from: from.number,
    to: to.number,
    lines: toChanges(diffLines(before, after)),
    words: toChanges(diffWords(before, after)),
    unified: createTwoFilesPatch(`revision ${from.number}`, `revision ${to.number}`, before, after, '', '', {
      context: 3,
    }),
  };
}
