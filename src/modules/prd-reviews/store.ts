import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import type { ReviewSettings } from './contracts.ts';
import { defaultRequiredSections } from './lint.ts';
import {
  type PrdRow,
  prdReviewDecisions,
  prdReviewRequests,
  prdReviewSettings,
  prdReviews,
} from './tables.ts';

/** A PRD of the workspace by id alone, whatever its project. */
export async function prdById(db: Executor, workspaceId: string, id: string): Promise<PrdRow | undefined> {
  const [row] = await db
    .select()
    .from(prdReviews)
    .where(and(eq(prdReviews.id, id), eq(prdReviews.workspaceId, workspaceId)));
  return row;
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

export async function saveSettings(
  db: Executor,
  workspaceId: string,
  projectId: string,
  settings: ReviewSettings,
): Promise<void> {
  await db
    .insert(prdReviewSettings)
    .values({ projectId, workspaceId, ...settings })
    .onConflictDoUpdate({ target: prdReviewSettings.projectId, set: { ...settings, updatedAt: sql`now()` } });
}

/** Adds review requests (members already asked stay as they were); returns the reviewers added. */
export async function insertReviewRequests(
  db: Executor,
  request: { workspaceId: string; prdId: string; requestedBy: string; reviewerIds: string[] },
): Promise<string[]> {
  const { workspaceId, prdId, requestedBy } = request;
  const added = await db
    .insert(prdReviewRequests)
    .values(request.reviewerIds.map((reviewerId) => ({ workspaceId, prdId, reviewerId, requestedBy })))
    .onConflictDoNothing()
    .returning({ reviewerId: prdReviewRequests.reviewerId });
  return added.map((row) => row.reviewerId);
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

/** Every member asked to review the PRD. */
export async function requestedReviewers(db: Executor, prdId: string): Promise<string[]> {
  const rows = await db
    .select({ reviewerId: prdReviewRequests.reviewerId })
    .from(prdReviewRequests)
    .where(eq(prdReviewRequests.prdId, prdId));
  return rows.map((row) => row.reviewerId);
}

export async function insertDecision(
  db: Executor,
  decision: typeof prdReviewDecisions.$inferInsert,
): Promise<void> {
  await db.insert(prdReviewDecisions).values(decision);
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

/** The decisions on one revision of a PRD, oldest first. */
export async function decisionsOnRevision(db: Executor, prdId: string, revision: number) {
  return db
    .select()
    .from(prdReviewDecisions)
    .where(and(eq(prdReviewDecisions.prdId, prdId), eq(prdReviewDecisions.revision, revision)))
    .orderBy(asc(prdReviewDecisions.id));
}
