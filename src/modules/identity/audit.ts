import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/auth/context.ts';
import { memberships } from '../../core/auth/schema.ts';
import { appendEvent } from '../../core/events/append.ts';
import type { Executor } from '../../db/connection.ts';

/** Records an identity event (no field diff, just what happened) in the context's workspace. */
export function recordIdentityEvent(
  tx: Executor,
  ctx: RequestContext,
  event: { eventType: string; aggregateType: string; aggregateId: string; data?: Record<string, unknown> },
) {
  return appendEvent(tx, ctx, { ...event, changes: {} });
}

/**
 * Sign-in concerns a person, not one workspace: the event goes to every workspace they belong to,
 * so each workspace's trail shows who signed in (or tried to) as one of its members.
 */
export async function recordInEveryWorkspaceOf(
  tx: Executor,
  userId: string,
  ctxFor: (workspaceId: string, role: RequestContext['actor']['role']) => RequestContext,
  event: { eventType: string; aggregateType: string; aggregateId: string; data?: Record<string, unknown> },
): Promise<void> {
  const rows = await tx
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const row of rows) await recordIdentityEvent(tx, ctxFor(row.workspaceId, row.role), event);
}
