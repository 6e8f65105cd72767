import type { Actor } from '../../core/auth/context.ts';
import { authorize, definePermission, type Permission } from '../../core/auth/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { DecisionStatus } from './contracts.ts';

export const decisionPermissions = {
  read: definePermission('decision_log.read', 'read'),
  /** Agents contribute decisions too, but only as proposals. */
  create: definePermission('decision_log.create', 'contribute'),
  update: definePermission('decision_log.update', 'write'),
  delete: definePermission('decision_log.delete', 'write'),
  propose: definePermission('decision_log.propose', 'contribute'),
  /** Accept or reject: a person's act of ratification. */
  ratify: definePermission('decision_log.ratify', 'review'),
  /** Deprecate or supersede an accepted decision. */
  retire: definePermission('decision_log.retire', 'review'),
  import: definePermission('decision_log.import', 'write'),
  configure: definePermission('decision_log.configure', 'administer'),
};

export const transitionActions = ['propose', 'accept', 'reject', 'deprecate', 'supersede'] as const;
export type TransitionAction = (typeof transitionActions)[number];

interface Transition {
  from: readonly DecisionStatus[];
  to: DecisionStatus;
  permission: Permission;
  /** Only people may take this step. */
  personOnly: boolean;
}

export const transitions: Record<TransitionAction, Transition> = {
  propose: { from: ['draft'], to: 'proposed', permission: decisionPermissions.propose, personOnly: false },
  accept: { from: ['proposed'], to: 'accepted', permission: decisionPermissions.ratify, personOnly: true },
  reject: { from: ['proposed'], to: 'rejected', permission: decisionPermissions.ratify, personOnly: true },
  deprecate: {
    from: ['accepted'],
    to: 'deprecated',
    permission: decisionPermissions.retire,
    personOnly: true,
  },
  supersede: {
    from: ['accepted'],
    to: 'superseded',
    permission: decisionPermissions.retire,
    personOnly: true,
  },
};

/** The actions allowed from a status. */
export function allowedActions(status: DecisionStatus): TransitionAction[] {
  return transitionActions.filter((action) => transitions[action].from.includes(status));
}

/** Statuses whose body may still change; from acceptance on, only links and tags may. */
export const editableStatuses: readonly DecisionStatus[] = ['draft', 'proposed'];

/** Is this identity an agent? Either by the kind of user or by its role in the workspace. */
export function isAgent(actor: Actor): boolean {
  return actor.kind === 'agent' || actor.role === 'agent';
}

/** Refuses agents: ratifying, deprecating and superseding decisions are acts of people. */
export function assertPerson(actor: Actor, what: string): void {
  if (isAgent(actor)) {
    throw new AppError('forbidden', `Agents may not ${what}: ratification is a person's act.`, {
      code: 'decision_log.person_required',
    });
  }
}

/**
 * Checks the caller may take the action from the current status: people only where it says so
 * (403), and only from the statuses it starts from (409 with `allowed`). The action's permission
 * itself is the route's, checked before the request is read.
 */
export function checkTransition(actor: Actor, action: TransitionAction, status: DecisionStatus): Transition {
  const transition = transitions[action];
  if (transition.personOnly) assertPerson(actor, `${action} decisions`);
  if (!transition.from.includes(status)) {
    const allowed = allowedActions(status);
    throw new AppError(
      'illegal_transition',
      `${/^[aeiou]/.test(status) ? 'An' : 'A'} ${status} decision cannot be ${transition.to}; allowed: ${allowed.join(', ') || 'none'}.`,
      { code: 'decision_log.illegal_transition', extensions: { allowed, currentStatus: status } },
    );
  }
  return transition;
}

/** The status a new decision takes, refusing what the caller may not create. */
export function initialStatus(actor: Actor, requested: DecisionStatus | undefined): DecisionStatus {
  if (isAgent(actor)) {
    if (requested !== undefined && requested !== 'proposed') {
      throw new AppError(
        'forbidden',
        "Agents may create only proposed decisions: ratification is a person's act.",
        {
          code: 'decision_log.person_required',
          errors: [{ path: 'status', message: 'agents may only propose' }],
        },
      );
    }
    return 'proposed';
  }
  const status = requested ?? 'draft';
  if (!editableStatuses.includes(status)) authorize(actor, decisionPermissions.ratify);
  return status;
}
