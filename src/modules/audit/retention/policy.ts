import { eq } from 'drizzle-orm';
import type { Scope } from '../../../core/resource/scope.ts';
import { changeWorkspaceRow } from '../../../core/resource/workspace-rows.ts';
import type { Executor } from '../../../db/connection.ts';
import type { RetentionPolicy, RetentionPolicyRequest } from '../contracts.ts';
import { auditRetentionPolicies } from '../tables.ts';

/** Kept hot for 90 days, then archived for a year, unless the workspace sets its own policy. */
export const defaultRetention = { hotDays: 90, archiveDays: 365 } as const;

type PolicyRow = typeof auditRetentionPolicies.$inferSelect;

function policyOf(row: PolicyRow | null | undefined): RetentionPolicy {
  if (!row) return { ...defaultRetention, version: 0, isDefault: true, updatedAt: null };
  const { hotDays, archiveDays, version, updatedAt } = row;
  return { hotDays, archiveDays, version, isDefault: false, updatedAt };
}

async function policyRow(db: Executor, workspaceId: string): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(auditRetentionPolicies)
    .where(eq(auditRetentionPolicies.workspaceId, workspaceId));
  return row;
}

/** The workspace's access-log retention policy: the defaults (version 0) until it sets one. */
export async function retentionPolicy(scope: Scope): Promise<RetentionPolicy> {
  return policyOf(await scope.db.read((db) => policyRow(db, scope.ctx.workspaceId)));
}

/**
 * Sets the workspace's policy and records `audit_retention_policy.updated` in the same transaction.
 * Setting the values it already has changes nothing and records nothing.
 */
export async function setRetentionPolicy(
  scope: Scope,
  values: RetentionPolicyRequest,
): Promise<RetentionPolicy> {
  const row = await scope.db.transaction((tx) =>
    changeWorkspaceRow(tx, scope, {
      name: 'audit_retention_policy',
      table: auditRetentionPolicies,
      values,
      fields: ['hotDays', 'archiveDays'],
      defaults: defaultRetention,
    }),
  );
  return policyOf(row);
}
