import { definePermission } from '../../core/auth/permissions.ts';

/**
 * The plan's actions. Plan data is read by everyone in the workspace and written by people who plan;
 * tables agents write (review findings, auto-fix history) take the `contribute` class instead.
 * Waivers and disabled checks change what readiness means, so only administrators may set them.
 */
export const planPermissions = {
  read: definePermission('plan.read', 'read'),
  write: definePermission('plan.write', 'write'),
  contribute: definePermission('plan.contribute', 'contribute'),
  markNotApplicable: definePermission('plan.mark_not_applicable', 'write'),
  readinessRead: definePermission('readiness.read', 'read'),
  waive: definePermission('readiness.waive', 'administer'),
  disableCheck: definePermission('readiness.disable_check', 'administer'),
} as const;
