import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { memberships } from '../../core/auth/schema.ts';
import { type AppendScope, appendEvent, type EventLog } from '../../core/events/append.ts';
import type { Executor } from '../../db/connection.ts';

export interface IdentityEvent {
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  data?: Record<string, unknown>;
}

/** Records an identity event (no field diff, just what happened) in the scope's workspace. */
export function recordIdentityEvent(tx: Executor, scope: AppendScope, event: IdentityEvent) {
  return appendEvent(tx, scope, { ...event, changes: {} });
}

/**
 * Sign-in concerns a person, not one workspace: the event goes to every workspace they belong to,
 * so each workspace's trail shows who signed in (or tried to) as one of its members.
 */
export async function recordInEveryWorkspaceOf(
  tx: Executor,
  app: { events: EventLog },
  userId: string,
  ctxFor: (workspaceId: string, role: RequestContext['actor']['role']) => RequestContext,
  event: IdentityEvent,
): Promise<void> {
  const rows = await tx
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const row of rows)
    await recordIdentityEvent(tx, { ctx: ctxFor(row.workspaceId, row.role), app }, event);
}
