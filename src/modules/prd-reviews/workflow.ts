import { AppError } from '../../core/http/errors.ts';
import type { PrdStatus } from './schema.ts';

export const prdActions = [
  'submit',
  'approve',
  'request-changes',
  'withdraw',
  'supersede',
  'archive',
] as const;
export type PrdAction = (typeof prdActions)[number];

/**
 * The review workflow: which action each status allows. `approve` may leave the PRD in review
 * (when more approvals are needed); every other action moves it to the status on the right.
 */
const transitions: Record<PrdStatus, Partial<Record<PrdAction, PrdStatus>>> = {
  draft: { submit: 'in_review', archive: 'archived' },
  in_review: { approve: 'approved', 'request-changes': 'changes_requested', withdraw: 'draft' },
  changes_requested: { submit: 'in_review', archive: 'archived' },
  approved: { supersede: 'superseded', archive: 'archived' },
  superseded: { archive: 'archived' },
  archived: {},
};

/** The actions allowed from a status. */
export function allowedActions(status: PrdStatus): PrdAction[] {
  return Object.keys(transitions[status]) as PrdAction[];
}

/** The status an action leads to, or 409 naming the allowed actions. */
export function nextStatus(status: PrdStatus, action: PrdAction): PrdStatus {
  const next = transitions[status][action];
  if (!next) {
    const allowed = allowedActions(status);
    throw new AppError(
      'illegal_transition',
      `A PRD in status ${status} cannot ${action}; allowed: ${allowed.length ? allowed.join(', ') : 'nothing'}.`,
      { code: 'prd_review.illegal_transition', extensions: { currentStatus: status, action, allowed } },
    );
  }
  return next;
}

/** Statuses in which the content may still be edited. Editing an approved PRD starts a new draft. */
export function isEditable(status: PrdStatus): boolean {
  return status !== 'superseded' && status !== 'archived';
}

/** The past-tense event name of an action (`prd_review.changes_requested`). */
export const actionEvents: Record<PrdAction, string> = {
  submit: 'prd_review.submitted',
  approve: 'prd_review.approved',
  'request-changes': 'prd_review.changes_requested',
  withdraw: 'prd_review.withdrawn',
  supersede: 'prd_review.superseded',
  archive: 'prd_review.archived',
};
