import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { reviewFindings } from '../plan/areas/code-review-automation.ts';
import { findingSetFindings } from './tables.ts';

export const severities = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof severities)[number];

/** The severities at or above this one, worst first. */
export function severitiesFrom(least: Severity): Severity[] {
  return severities.slice(0, severities.indexOf(least) + 1);
}

export interface OpenFinding {
  id: string;
  name: string;
  severity: Severity | null;
  disposition: 'blocks' | 'warns' | null;
  ruleId: string | null;
  location: string | null;
}

/**
 * The findings that these finding sets reported and that are still open, at or above a severity,
 * or that block whatever their severity (a checklist lists their rule). What a task's gate asks of
 * the findings in its evidence: a later upload that no longer reports one closes it.
 */
export async function openFindingsOf(
  db: Executor,
  workspaceId: string,
  setIds: readonly string[],
  atLeast: Severity,
): Promise<OpenFinding[]> {
  if (setIds.length === 0) return [];
  const f = reviewFindings;
  const rows = await db
    .selectDistinct({
      id: f.id,
      name: f.name,
      severity: f.severity,
      disposition: f.disposition,
      ruleId: f.ruleId,
      location: f.location,
    })
    .from(findingSetFindings)
    .innerJoin(f, eq(f.id, findingSetFindings.findingId))
    .where(
      and(
        eq(findingSetFindings.workspaceId, workspaceId),
        inArray(findingSetFindings.setId, [...setIds]),
        eq(f.status, 'open'),
      ),
    );
  const counted = new Set<string>(severitiesFrom(atLeast));
  return rows.filter(
    (row) => (row.severity !== null && counted.has(row.severity)) || row.disposition === 'blocks',
  );
}
