import type { Executor } from '../../db/connection.ts';
import { appendEvent } from '../events/append.ts';
import { type Scope, systemScope } from '../resource/scope.ts';
import type { SagaRow } from './tables.ts';

/**
 * Who acts for a saga nobody started (one a recurring job starts): audit events name this id,
 * which no account has, and the saga's `startedBy` stays empty.
 */
export const systemActorId = '00000000-0000-0000-0000-000000000000';

/** The account a saga's steps act as: whoever started it, else the system. */
export function sagaScope(app: Scope['app'], saga: SagaRow): Scope {
  return systemScope(app, saga.workspaceId, saga.startedBy ?? systemActorId, saga.projectId ?? undefined);
}

/**
 * Appends `saga.<what>` to the saga's workspace's audit trail. A saga's start, its end and every
 * act of a person on it are audited; its steps' runs are its own history (`saga_steps`).
 */
export async function appendSagaEvent(
  tx: Executor,
  scope: Scope,
  saga: SagaRow,
  what: string,
  details: { data?: Record<string, unknown>; reason?: string } = {},
): Promise<void> {
  await appendEvent(tx, scope, {
    eventType: `saga.${what}`,
    aggregateType: 'saga',
    aggregateId: saga.id,
    changes: {},
    data: { sagaType: saga.sagaType, status: saga.status, ...details.data },
    reason: details.reason,
  });
}
