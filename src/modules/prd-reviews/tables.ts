import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { users, workspaces } from '../../core/auth/schema.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projects } from '../../core/tenancy/projects-table.ts';

export const prdStatuses = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'superseded',
  'archived',
] as const;
export type PrdStatus = (typeof prdStatuses)[number];
export const prdStatusEnum = pgEnum('prd_review_status', prdStatuses);

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const workspaceColumn = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

/** A product requirements document and where it stands in its review. */
export const prdReviews = pgTable(
  'prd_reviews',
  {
    ...resourceColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    content: text('content').notNull(),
    status: prdStatusEnum('status').notNull().default('draft'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The number of the revision `content` is. */
    currentRevision: integer('current_revision').notNull().default(1),
    /** Increases on every submit: decisions belong to the round they were given in. */
    reviewRound: integer('review_round').notNull().default(0),
    /** The approval that completed the last approval, and the revision it approved. */
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    approvedRevision: integer('approved_revision'),
    supersededBy: uuid('superseded_by'),
  },
  (table) => [
    index('prd_reviews_project_created_idx').on(
      table.workspaceId,
      table.projectId,
      table.createdAt,
      table.id,
    ),
    index('prd_reviews_project_status_idx').on(table.projectId, table.status),
  ],
);

/** Every content change of a PRD: immutable once written. */
export const prdReviewRevisions = pgTable(
  'prd_review_revisions',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: workspaceColumn(),
    prdId: uuid('prd_id')
      .notNull()
      .references(() => prdReviews.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: at('approved_at'),
  },
  (table) => [uniqueIndex('prd_review_revisions_number_unique').on(table.prdId, table.number)],
);

/** Members asked to review a PRD. */
export const prdReviewRequests = pgTable(
  'prd_review_requests',
  {
    workspaceId: workspaceColumn(),
    prdId: uuid('prd_id')
      .notNull()
      .references(() => prdReviews.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.prdId, table.reviewerId] }),
    index('prd_review_requests_reviewer_idx').on(table.reviewerId),
  ],
);

export const reviewDecisions = ['approve', 'request_changes'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];
export const reviewDecisionEnum = pgEnum('prd_review_decision', reviewDecisions);

/** A reviewer's verdict on one revision, in one review round. */
export const prdReviewDecisions = pgTable(
  'prd_review_decisions',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: workspaceColumn(),
    prdId: uuid('prd_id')
      .notNull()
      .references(() => prdReviews.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    round: integer('round').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    decision: reviewDecisionEnum('decision').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [index('prd_review_decisions_prd_idx').on(table.prdId, table.revision, table.round)],
);

/** Where a comment points in a revision: the quoted text and its character offsets. */
export interface CommentAnchor {
  quote: string;
  start: number;
  end: number;
}

/** Threaded comments, on the whole PRD or anchored to a text range. */
export const prdReviewComments = pgTable(
  'prd_review_comments',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: workspaceColumn(),
    prdId: uuid('prd_id')
      .notNull()
      .references(() => prdReviews.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    /** The revision the anchor was made on, then the revision it was last re-located to. */
    revision: integer('revision').notNull(),
    anchor: jsonb('anchor').$type<CommentAnchor>(),
    outdated: boolean('outdated').notNull().default(false),
    mentions: uuid('mentions').array().notNull().default(sql`'{}'::uuid[]`),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [index('prd_review_comments_prd_idx').on(table.prdId, table.createdAt, table.id)],
);

/** Derived views (rendered HTML, diffs, lint) by key; keys carry what they were derived from. */
export const prdReviewCache = pgTable(
  'prd_review_cache',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: workspaceColumn(),
    prdId: uuid('prd_id')
      .notNull()
      .references(() => prdReviews.id, { onDelete: 'cascade' }),
    cacheKey: text('cache_key').notNull(),
    cacheType: text('cache_type').notNull(),
    data: jsonb('data').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('prd_review_cache_key_unique').on(table.cacheKey),
    index('prd_review_cache_expires_idx').on(table.expiresAt),
    index('prd_review_cache_prd_idx').on(table.prdId),
  ],
);

/** A project's review rules. A project without a row uses the defaults. */
export const prdReviewSettings = pgTable('prd_review_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  workspaceId: workspaceColumn(),
  approvalsRequired: integer('approvals_required').notNull().default(1),
  authorMayApprove: boolean('author_may_approve').notNull().default(false),
  requiredSections: text('required_sections').array(),
  requireCleanLint: boolean('require_clean_lint').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export type PrdRow = typeof prdReviews.$inferSelect;
export type Revision = typeof prdReviewRevisions.$inferSelect;
export type Comment = typeof prdReviewComments.$inferSelect;
