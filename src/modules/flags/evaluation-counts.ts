import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { flagEvaluationCounts } from './tables.ts';

// Telemetry: how often each flag was evaluated, per environment, variant and hour. Counts are added
// in place (an upsert that increments), so many SDK reports for the same hour land in one row.

/** Evaluations of one flag and variant at one time, as an SDK or OFREP call reports them. */
export interface EvaluationTally {
  flagKey: string;
  /** The variant served; empty or absent when the flag has none. */
  variant?: string;
  yes: number;
  no: number;
  /** When the evaluations happened (the end of the SDK's reporting window). */
  at: Date;
}

export interface EvaluationTarget {
  workspaceId: string;
  projectId: string;
  environmentId: string;
}

function hourOf(at: Date): Date {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour;
}

/** Adds the tallies to the environment's counts. */
export async function recordEvaluations(
  db: Executor,
  target: EvaluationTarget,
  tallies: readonly EvaluationTally[],
): Promise<void> {
  // One row per flag, variant and hour: an upsert may not touch the same row twice in a statement.
  const merged = new Map<string, typeof flagEvaluationCounts.$inferInsert & { lastEvaluatedAt: Date }>();
  for (const tally of tallies) {
    if (tally.yes <= 0 && tally.no <= 0) continue;
    const hour = hourOf(tally.at);
    const variant = tally.variant ?? '';
    const key = JSON.stringify([tally.flagKey, variant, hour.getTime()]);
    const row = merged.get(key);
    if (row) {
      row.yes = (row.yes ?? 0) + tally.yes;
      row.no = (row.no ?? 0) + tally.no;
      if (tally.at > row.lastEvaluatedAt) row.lastEvaluatedAt = tally.at;
    } else {
      merged.set(key, {
        ...target,
        flagKey: tally.flagKey,
        variant,
        hour,
        yes: tally.yes,
        no: tally.no,
        lastEvaluatedAt: tally.at,
      });
    }
  }
  const rows = [...merged.values()];
  if (rows.length === 0) return;
  await db
    .insert(flagEvaluationCounts)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        flagEvaluationCounts.environmentId,
        flagEvaluationCounts.flagKey,
        flagEvaluationCounts.variant,
        flagEvaluationCounts.hour,
      ],
      set: {
        yes: sql`${flagEvaluationCounts.yes} + excluded.yes`,
        no: sql`${flagEvaluationCounts.no} + excluded.no`,
        lastEvaluatedAt: sql`greatest(${flagEvaluationCounts.lastEvaluatedAt}, excluded.last_evaluated_at)`,
      },
    });
}
