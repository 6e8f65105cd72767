import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { prdStatuses, reviewDecisions } from './tables.ts';
import { prdActions } from './workflow.ts';

/** The largest PRD we accept, in characters (about 200 pages of text). */
export const maxContentLength = 500_000;

const title = z.string().trim().min(1).max(300).describe('The PRD title').meta({ example: 'Refunds v2' });
const content = z
  .string()
  .max(maxContentLength)
  .describe('The PRD in Markdown')
  .meta({ example: '## Problem\nRefunds take days.\n' });
const reason = z.string().trim().max(2000).describe('Why: kept in the audit trail');

export const prdCreateSchema = z
  .strictObject({ title, content: content.default('') })
  .meta({ id: 'PrdReviewCreate' });

export const prdUpdateSchema = z
  .strictObject({ title, content })
  .partial()
  .describe('Status changes only through the actions (submit, approve, …), never through PATCH')
  .meta({ id: 'PrdReviewUpdate' });
export type PrdUpdate = z.output<typeof prdUpdateSchema>;

export const prdSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    title,
    content,
    status: z
      .enum(prdStatuses)
      .describe('draft → in_review → changes_requested | approved → superseded | archived'),
    authorId: z.uuid(),
    currentRevision: z.number().int().min(1).describe('The revision number `content` is'),
    reviewRound: z.number().int().min(0).describe('How many times the PRD was submitted'),
    reviewedBy: z.uuid().nullable().describe('Who gave the approval that made it approved'),
    reviewedAt: z.date().nullable(),
    approvedRevision: z.number().int().nullable().describe('The revision that approval was given on'),
    supersededBy: z.uuid().nullable().describe('The PRD that replaces this one, when superseded'),
    allowedActions: z
      .array(z.enum(prdActions))
      .describe('The actions the status allows (whether you may take them depends on your role)'),
  })
  .meta({ id: 'PrdReview' });

export const actionBodySchema = z
  .strictObject({
    reason: reason.optional(),
    version: z.number().int().min(1).optional().describe('The version you read; 412 if it changed since'),
  })
  .meta({ id: 'PrdReviewAction' });

export const reviewBodySchema = z
  .strictObject({
    comment: z.string().trim().max(10_000).optional().describe('What the reviewer says with the decision'),
    version: z.number().int().min(1).optional().describe('The version you read; 412 if it changed since'),
  })
  .meta({ id: 'PrdReviewDecisionBody' });

export const requestChangesBodySchema = reviewBodySchema
  .extend({ comment: z.string().trim().min(1).max(10_000).describe('What must change') })
  .meta({ id: 'PrdReviewRequestChanges' });

export const supersedeBodySchema = actionBodySchema
  .extend({ supersededBy: z.uuid().describe('The PRD (same project) that replaces this one') })
  .meta({ id: 'PrdReviewSupersede' });

export const revisionSchema = z
  .object({
    number: z.number().int().min(1),
    title: z.string(),
    content: z.string(),
    authorId: z.uuid(),
    createdAt: z.date(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.date().nullable(),
  })
  .meta({ id: 'PrdRevision' });

export const revisionSummarySchema = revisionSchema
  .omit({ content: true })
  .meta({ id: 'PrdRevisionSummary' });

const changeSchema = z.object({
  type: z.enum(['added', 'removed', 'unchanged']),
  value: z.string(),
});
export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    lines: z.array(changeSchema).describe('Line-level changes, in order'),
    words: z.array(changeSchema).describe('Word-level changes, in order'),
    unified: z.string().describe('The unified diff text (like `diff -u`)'),
  })
  .meta({ id: 'PrdDiff' });

export const reviewerInputSchema = z
  .strictObject({
    reviewers: z
      .array(z.string().trim().min(1).max(320))
      .min(1)
      .max(50)
      .describe('Members to ask, by user id or email'),
  })
  .meta({ id: 'PrdReviewRequestCreate' });

export const reviewRequestSchema = z
  .object({ reviewerId: z.uuid(), requestedBy: z.uuid(), createdAt: z.date() })
  .meta({ id: 'PrdReviewRequest' });

export const decisionSchema = z
  .object({
    id: z.uuid(),
    reviewerId: z.uuid(),
    decision: z.enum(reviewDecisions),
    comment: z.string(),
    revision: z.number().int(),
    round: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'PrdReviewDecision' });

export const approvalStateSchema = z
  .object({
    approvalsRequired: z.number().int(),
    approvals: z.array(z.uuid()).describe('Reviewers whose approval of the current revision counts'),
    changesRequestedBy: z.array(z.uuid()),
    pendingReviewers: z.array(z.uuid()).describe('Requested reviewers without a decision this round'),
  })
  .meta({ id: 'PrdApprovalState' });

export const settingsSchema = z
  .object({
    approvalsRequired: z.number().int().min(1).max(20).describe('Approvals of the current revision needed'),
    authorMayApprove: z.boolean().describe('Whether the author counts as a reviewer of their own PRD'),
    requiredSections: z
      .array(z.string().trim().min(1).max(100))
      .max(30)
      .describe('Section headings lint expects'),
    requireCleanLint: z.boolean().describe('Refuse submit while lint reports problems'),
  })
  .meta({ id: 'PrdReviewSettings' });

export const settingsInputSchema = settingsSchema.partial().strict().meta({ id: 'PrdReviewSettingsUpdate' });

export type ReviewSettings = z.output<typeof settingsSchema>;

export const lintProblemSchema = z
  .object({
    rule: z.enum([
      'missing_section',
      'vague_word',
      'missing_acceptance_criterion',
      'unresolved_comment',
      'needs_clarification',
    ]),
    message: z.string(),
    line: z.number().int().nullable().describe('1-based line in the content, when it has one'),
  })
  .meta({ id: 'PrdLintProblem' });

export const lintResultSchema = z
  .object({ revision: z.number().int(), clean: z.boolean(), problems: z.array(lintProblemSchema) })
  .meta({ id: 'PrdLintResult' });

export const htmlSchema = z
  .object({ revision: z.number().int(), html: z.string().describe('Sanitized HTML') })
  .meta({ id: 'PrdHtml' });

export const anchorInputSchema = z.strictObject({
  quote: z.string().min(1).max(5000).describe('The text the comment is about, exactly as in the revision'),
  start: z.number().int().min(0).describe('Offset of the quote in the revision content (characters)'),
  end: z.number().int().min(1).describe('Offset just past the quote'),
});

export const commentInputSchema = z
  .strictObject({
    body: z.string().trim().min(1).max(20_000).describe('Markdown; @alice@example.com mentions a member'),
    parentId: z.uuid().optional().describe('Reply to this comment (threads are one level deep)'),
    revision: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The revision the anchor refers to (default: current)'),
    anchor: anchorInputSchema.optional(),
  })
  .meta({ id: 'PrdCommentCreate' });

export const commentSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    authorId: z.uuid(),
    body: z.string(),
    revision: z.number().int().describe('The revision the anchor points into'),
    anchor: z.object({ quote: z.string(), start: z.number().int(), end: z.number().int() }).nullable(),
    outdated: z.boolean().describe('The quoted text is gone from the current revision'),
    mentions: z.array(z.uuid()),
    resolvedAt: z.date().nullable(),
    resolvedBy: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'PrdComment' });

export const importSchema = z
  .strictObject({
    markdown: z
      .string()
      .min(1)
      .max(maxContentLength + 10_000)
      .describe('Markdown, optionally with YAML front matter (title)'),
    title: title.optional().describe('Overrides the front matter and the first heading'),
  })
  .meta({ id: 'PrdImport' });

export type CommentInput = z.output<typeof commentInputSchema>;

// The parts of the requests beyond the resource's own routes.

export const collectionParams = z.object({ projectId: z.uuid().describe('The project id') });

export const itemParams = z.object({
  projectId: z.uuid().describe('The project id'),
  id: z.uuid().describe('The PRD id'),
});

export const commentParams = itemParams.extend({ commentId: z.uuid() });

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (default 50, at most 200)'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
});
export type PageQuery = z.output<typeof pageQuery>;

export const commentListQuery = pageQuery.extend({
  unresolved: z.enum(['true', 'false']).optional().describe('true: only open threads (their first comments)'),
});

const revisionNumber = z.coerce.number().int().min(1).max(1_000_000);

export const revisionParams = itemParams.extend({ number: revisionNumber });

export const diffQuery = z.strictObject({
  from: revisionNumber.describe('The older revision'),
  to: revisionNumber.optional().describe('The newer revision (default: the current one)'),
});

export const htmlQuery = z.strictObject({
  revision: revisionNumber.optional().describe('Default: the current one'),
});

export const exportFormats = ['markdown', 'spec'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportQuery = z.strictObject({
  format: z.enum(exportFormats).default('markdown').describe('markdown (front matter) or spec (spec.md)'),
});

/** A page of some list of a PRD (revisions, comments, reviewers, decisions). */
function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const revisionPageSchema = pageOf(revisionSummarySchema);
export const commentPageSchema = pageOf(commentSchema);
export const reviewRequestPageSchema = pageOf(reviewRequestSchema);
export const decisionPageSchema = pageOf(decisionSchema);

export type ImportInput = z.output<typeof importSchema>;
