import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { inProject, type Scope } from '../../core/resource/scope.ts';
import { changeRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { codeReviewAutomation, qualityGates } from '../plan/areas/code-review-automation.ts';

// What delivery tells the plan: the project's quality gates that require a reviewer on every merged
// merge request, or accept a longest median pickup time, get the figures of the last 30 days after
// every sync and import, written through the plan's own resource (audited), for the readiness
// checks review.merged-mrs-reviewed and review.pickup-within-target.

const qualityGateResource = (() => {
  const table = codeReviewAutomation.tables.find((candidate) => candidate.key === 'qualityGates');
  if (!table) throw new Error('the code review area has no quality gates table');
  return table.resource;
})();

const hour = 3_600_000;

/** Merged in the last 30 days: how many without a reviewer, and the median pickup in hours. */
async function lastThirtyDays(tx: Transaction, projectId: string, now: Date) {
  const since = new Date(now.getTime() - 30 * 24 * hour).toISOString();
  const result = await tx.execute<{ unreviewed: number; pickup: number | string | null }>(sql`
    select count(*) filter (where reviewer_count = 0)::int as unreviewed,
      percentile_cont(0.5) within group (order by pickup_ms) as pickup
    from gitlab_mr_lead_times
    where project_id = ${projectId} and merged_at >= ${since}::timestamptz and merged_at < ${now.toISOString()}::timestamptz`);
  const row = result.rows[0];
  const pickup = row?.pickup === null || row?.pickup === undefined ? null : Number(row.pickup) / hour;
  return {
    unreviewed: Number(row?.unreviewed ?? 0),
    pickupHours: pickup === null ? null : Number(pickup.toFixed(2)),
  };
}

export async function measureQualityGates(
  tx: Transaction,
  scope: Scope,
  projectId: string,
  now = new Date(),
) {
  const gates = await tx
    .select()
    .from(qualityGates)
    .where(
      and(
        eq(qualityGates.projectId, projectId),
        or(eq(qualityGates.requireReviewer, true), isNotNull(qualityGates.maxPickupHours)),
      ),
    );
  if (gates.length === 0) return;
  const figures = await lastThirtyDays(tx, projectId, now);
  for (const gate of gates)
    await changeRow(tx, qualityGateResource, inProject(scope, projectId), gate, {
      values: {
        unreviewedMerged: figures.unreviewed,
        pickupHours: figures.pickupHours,
        deliveryCheckedAt: now,
      },
      data: { measuredBy: 'delivery' },
    });
}
