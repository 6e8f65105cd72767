import { AppError } from '../../core/errors/app-error.ts';
import type { PrdStatus } from './tables.ts';

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
  return prdActions.filter((action) => transitions[status][action] !== undefined);
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

/** What an action records, in the past tense: `changes_requested` is the `prd_review.changes_requested` event. */
export const actionEvents: Record<PrdAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  'request-changes': 'changes_requested',
  withdraw: 'withdrawn',
  supersede: 'superseded',
  archive: 'archived',
};
