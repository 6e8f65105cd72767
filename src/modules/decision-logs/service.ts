import { AppError } from '../../core/errors/app-error.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { getRow } from '../../core/resource/service.ts';
import { changeRow, lockRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { checkTransition, type TransitionAction } from './lifecycle.ts';
import { decisionResource } from './resource.ts';
import { decisionTypesOf, saveDecisionTypes } from './store.ts';
import type { DecisionRow } from './tables.ts';

export interface TransitionRequest {
  action: TransitionAction;
  reason?: string;
  /** For `supersede`: the decision that replaces this one. */
  supersededBy?: string;
  expectedVersion?: number;
}

const eventNames: Record<TransitionAction, string> = {
  propose: 'proposed',
  accept: 'accepted',
  reject: 'rejected',
  deprecate: 'deprecated',
  supersede: 'superseded',
};

/** Moves a decision along its lifecycle: checks person, state and version; audits each change. */
export async function transitionDecision(scope: Scope, id: string, request: TransitionRequest) {
  return scope.db.transaction(async (tx) => {
    const current = await lockRow(tx, decisionResource, scope, id, request.expectedVersion);
    const transition = checkTransition(scope.ctx.actor, request.action, current.status);
    const data: Record<string, unknown> = { from: current.status, to: transition.to };
    let supersededBy: string | undefined;
    if (request.action === 'supersede') {
      const replacement = await replacementFor(tx, scope, current, request.supersededBy);
      supersededBy = replacement.id;
      data.supersededBy = replacement.id;
      await changeRow(tx, decisionResource, scope, replacement, {
        values: { supersedes: [...replacement.supersedes, current.id] },
        event: 'supersedes',
        fields: ['supersedes'],
        data: { supersedes: current.id },
        reason: request.reason,
        always: true,
      });
    }
    const values = supersededBy ? { status: transition.to, supersededBy } : { status: transition.to };
    return changeRow(tx, decisionResource, scope, current, {
      values,
      event: eventNames[request.action],
      fields: Object.keys(values),
      data,
      reason: request.reason,
      always: true,
    });
  });
}

async function replacementFor(
  tx: Transaction,
  scope: Scope,
  current: DecisionRow,
  replacementId: string | undefined,
): Promise<DecisionRow> {
  const invalid = (message: string) =>
    new AppError('unprocessable', `supersededBy: ${message}`, {
      code: 'decision_log.invalid_replacement',
      errors: [{ path: 'supersededBy', message }],
    });
  if (!replacementId) throw invalid('name the decision that replaces this one');
  if (replacementId === current.id) throw invalid('a decision cannot supersede itself');
  const replacement = await getRow(tx, decisionResource, scope, replacementId, true).catch(() => null);
  if (!replacement) throw invalid('no such decision in this workspace');
  if (replacement.status !== 'accepted') {
    throw invalid(`the replacing decision must be accepted; it is ${replacement.status}`);
  }
  return replacement;
}

/** The decision types of the workspace (the defaults until someone sets them). */
export async function decisionSettings(scope: Scope): Promise<{ decisionTypes: string[] }> {
  return { decisionTypes: await scope.db.read((db) => decisionTypesOf(db, scope.ctx.workspaceId)) };
}

/** Sets the workspace's decision types; decisions keep the type they have. Audited. */
export async function setDecisionTypes(
  scope: Scope,
  decisionTypes: string[],
): Promise<{ decisionTypes: string[] }> {
  const saved = await scope.db.transaction(async (tx) => {
    const before = await decisionTypesOf(tx, scope.ctx.workspaceId);
    const after = await saveDecisionTypes(tx, scope.ctx.workspaceId, decisionTypes);
    await appendEvent(tx, scope, {
      eventType: 'decision_log_settings.updated',
      aggregateType: 'decision_log_settings',
      aggregateId: scope.ctx.workspaceId,
      changes: { decisionTypes: { before, after } },
    });
    return after;
  });
  return { decisionTypes: saved };
}
