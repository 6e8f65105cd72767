import { and, eq, sql } from 'drizzle-orm';
import { appendEvent, diffFields } from '../../core/events/append.ts';
import { AppError } from '../../core/http/errors.ts';
import type { Row } from '../../core/resource/define.ts';
import { getRow, type Scope } from '../../core/resource/service.ts';
import type { Database, Executor } from '../../db/connection.ts';
import { checkTransition, type TransitionAction } from './lifecycle.ts';
import { decisionResource } from './resource.ts';
import { type DecisionStatus, decisionLogs } from './schema.ts';

export interface TransitionRequest {
  action: TransitionAction;
  reason?: string;
  /** For `supersede`: the decision that replaces this one. */
  supersededBy?: string;
  expectedVersion?: number;
}

/**
 * Changes columns of a locked decision outside the body rules (status and links), bumps its
 * version and records one typed event, in the caller's transaction.
 */
async function applyChange(
  tx: Executor,
  scope: Scope,
  current: Row,
  values: Record<string, unknown>,
  event: { type: string; data: Record<string, unknown>; reason?: string },
): Promise<Row> {
  const [row] = (await tx
    .update(decisionLogs)
    .set({ ...values, version: sql`${decisionLogs.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(decisionLogs.id, current.id), eq(decisionLogs.workspaceId, scope.ctx.workspaceId)))
    .returning()) as Row[];
  if (!row) throw new Error('decision vanished inside its transaction');
  await appendEvent(tx, scope.ctx, {
    eventType: `decision_log.${event.type}`,
    aggregateType: decisionResource.name,
    aggregateId: row.id,
    aggregateVersion: row.version,
    changes: diffFields(current, row, Object.keys(values)),
    data: event.data,
    reason: event.reason,
  });
  return row;
}

const eventNames: Record<TransitionAction, string> = {
  propose: 'proposed',
  accept: 'accepted',
  reject: 'rejected',
  deprecate: 'deprecated',
  supersede: 'superseded',
};

/** Moves a decision along its lifecycle: checks permission, person, state and version; audits. */
export async function transitionDecision(
  db: Database,
  scope: Scope,
  id: string,
  request: TransitionRequest,
): Promise<Row> {
  return db.transaction(async (tx) => {
    const current = await getRow(tx, decisionResource, scope, id, true);
    const status = current.status as DecisionStatus;
    const transition = checkTransition(scope.ctx.actor, request.action, status);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
      throw new AppError(
        'precondition_failed',
        `This decision is at version ${current.version}, not ${request.expectedVersion}: read it again.`,
        { code: 'version_mismatch', extensions: { currentVersion: current.version } },
      );
    }
    const values: Record<string, unknown> = { status: transition.to };
    const data: Record<string, unknown> = { from: status, to: transition.to };
    if (request.action === 'supersede') {
      const replacement = await replacementFor(tx, scope, current, request.supersededBy);
      values.supersededBy = replacement.id;
      data.supersededBy = replacement.id;
      await applyChange(
        tx,
        scope,
        replacement,
        { supersedes: [...(replacement.supersedes as string[]), current.id] },
        { type: 'supersedes', data: { supersedes: current.id }, reason: request.reason },
      );
    }
    return applyChange(tx, scope, current, values, {
      type: eventNames[request.action],
      data,
      reason: request.reason,
    });
  });
}

async function replacementFor(tx: Executor, scope: Scope, current: Row, replacementId: string | undefined) {
  const invalid = (message: string) =>
    new AppError('unprocessable', `supersededBy: ${message}`, {
      code: 'decision_log.invalid_replacement',
      errors: [{ path: 'supersededBy', message }],
    });
  if (!replacementId) throw invalid('name the decision that replaces this one');
  if (replacementId === current.id) throw invalid('a decision cannot supersede itself');
  let replacement: Row;
  try {
    replacement = await getRow(tx, decisionResource, scope, replacementId, true);
  } catch {
    throw invalid('no such decision in this workspace');
  }
  if (replacement.status !== 'accepted') {
    throw invalid(`the replacing decision must be accepted; it is ${replacement.status as string}`);
  }
  return replacement;
}
