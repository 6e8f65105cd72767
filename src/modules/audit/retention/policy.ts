import { eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../../core/auth/context.ts';
import { appendEvent, diffFields } from '../../../core/events/append.ts';
import type { Executor } from '../../../db/connection.ts';
import { auditRetentionPolicies } from '../tables.ts';

/** Kept hot for 90 days, then archived for a year, unless the workspace sets its own policy. */
export const defaultRetention = { hotDays: 90, archiveDays: 365 } as const;

export interface RetentionPolicy {
  hotDays: number;
  archiveDays: number;
  /** 0 while the workspace uses the defaults. */
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
}

export async function readRetentionPolicy(db: Executor, workspaceId: string): Promise<RetentionPolicy> {
  const [row] = await db
    .select()
    .from(auditRetentionPolicies)
    .where(eq(auditRetentionPolicies.workspaceId, workspaceId));
  if (!row) return { ...defaultRetention, version: 0, isDefault: true, updatedAt: null };
  return {
    hotDays: row.hotDays,
    archiveDays: row.archiveDays,
    version: row.version,
    isDefault: false,
    updatedAt: row.updatedAt,
  };
}

/**
 * Sets the workspace's policy and records `audit_retention_policy.updated` in the same transaction.
 * Setting the values it already has changes nothing and records nothing.
 */
export async function setRetentionPolicy(
  tx: Executor,
  ctx: RequestContext,
  values: { hotDays: number; archiveDays: number },
): Promise<RetentionPolicy> {
  const current = await readRetentionPolicy(tx, ctx.workspaceId);
  const changes = diffFields({ ...current }, values, ['hotDays', 'archiveDays']);
  if (Object.keys(changes).length === 0) return current;
  const [row] = await tx
    .insert(auditRetentionPolicies)
    .values({ workspaceId: ctx.workspaceId, ...values })
    .onConflictDoUpdate({
      target: auditRetentionPolicies.workspaceId,
      set: { ...values, version: sql`${auditRetentionPolicies.version} + 1`, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('saving the retention policy returned nothing');
  await appendEvent(tx, ctx, {
    eventType: 'audit_retention_policy.updated',
    aggregateType: 'audit_retention_policy',
    aggregateId: ctx.workspaceId,
    aggregateVersion: row.version,
    changes,
  });
  return {
    hotDays: row.hotDays,
    archiveDays: row.archiveDays,
    version: row.version,
    isDefault: false,
    updatedAt: row.updatedAt,
  };
}
