import { definePermission } from '../../core/auth/permissions.ts';

/** The PRD actions beyond the resource's own read, create, update and delete. */
export const prdPermissions = {
  /** Submitting, withdrawing, superseding and archiving: whoever may edit PRDs. */
  transition: definePermission('prd_review.transition', 'write'),
  /** Approving and requesting changes: owners, admins and reviewers; never agents. */
  review: definePermission('prd_review.review', 'review'),
  /** Asking members for a review. */
  requestReview: definePermission('prd_review.request_review', 'write'),
  /** Changing a project's review rules. */
  configure: definePermission('prd_review.configure', 'administer'),
  /** Commenting, replying, resolving and reopening: anyone who may contribute or review. */
  comment: definePermission('prd_review.comment', ['contribute', 'review']),
};
