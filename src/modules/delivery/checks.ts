import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Scope } from '../../core/resource/scope.ts';
import type { deliveryChecksSchema } from './metrics-contracts.ts';
import { settingsOf } from './settings.ts';

// Readiness checks the delivery data answers: are merged MRs reviewed, is pickup quick enough.

type Checks = z.input<typeof deliveryChecksSchema>['checks'];

const hour = 3_600_000;

export async function deliveryChecks(
  scope: Scope,
  projectId: string,
  now = new Date(),
): Promise<{ checks: Checks }> {
  const since = new Date(now.getTime() - 30 * 24 * hour).toISOString();
  return scope.db.read(async (db) => {
    const settings = await settingsOf(db, projectId);
    const result = await db.execute<{
      merged: number;
      unreviewed: number;
      keys: string[] | null;
      pickup: unknown;
    }>(sql`
      select count(*)::int as merged, count(*) filter (where reviewer_count = 0)::int as unreviewed,
        (array_agg(mr_key order by merged_at) filter (where reviewer_count = 0))[1:10] as keys,
        percentile_cont(0.5) within group (order by pickup_ms) as pickup
      from gitlab_mr_lead_times
      where project_id = ${projectId} and merged_at >= ${since}::timestamptz and merged_at < ${now.toISOString()}::timestamptz`);
    const row = result.rows[0];
    const merged = Number(row?.merged ?? 0);
    const unreviewed = Number(row?.unreviewed ?? 0);
    const pickup = row?.pickup === null || row?.pickup === undefined ? null : Number(row.pickup);
    const checks: Checks = [
      {
        id: 'delivery.every-merged-mr-reviewed',
        level: 'gold',
        title: 'Every merge request merged in the last 30 days had at least one reviewer',
        status: merged === 0 ? 'not_applicable' : unreviewed === 0 ? 'pass' : 'fail',
        message:
          merged === 0
            ? 'No merge request was merged in the last 30 days.'
            : unreviewed === 0
              ? `All ${merged} merged merge requests had a reviewer.`
              : `${unreviewed} of ${merged} merged merge requests had no reviewer: ${(row?.keys ?? []).join(', ')}.`,
      },
      {
        id: 'delivery.pickup-below-target',
        level: 'gold',
        title: 'Median pickup time over the last 30 days is below the project’s target',
        status:
          settings.pickupTargetHours === null || pickup === null
            ? 'not_applicable'
            : pickup < settings.pickupTargetHours * hour
              ? 'pass'
              : 'fail',
        message:
          settings.pickupTargetHours === null
            ? 'The project sets no pickup target (delivery settings, pickupTargetHours).'
            : pickup === null
              ? 'No merged merge request with a review in the last 30 days.'
              : `Median pickup is ${(pickup / hour).toFixed(1)} h against a target of ${settings.pickupTargetHours} h.`,
      },
    ];
    return { checks };
  });
}
