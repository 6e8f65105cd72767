import { and, eq, isNotNull } from 'drizzle-orm';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import type { FindingSeverity } from '../../engines/sarif/index.ts';
import { codeReviewChecklists, qualityGates } from '../plan/areas/code-review-automation.ts';
import { severities } from './open-findings.ts';

// Whether a finding blocks the work comes from the project's plan: a checklist that lists its rule
// in blockingRules, or a blocking quality gate whose blockingSeverity it reaches. Else it warns.

export interface Judgement {
  disposition: 'blocks' | 'warns';
  /** The blocking gate whose severity the finding reaches (the most lenient of them), if any. */
  gateId: string | null;
  /** The checklist that lists the finding's rule as blocking, if any. */
  checklistId: string | null;
}

export type Judge = (ruleId: string, severity: FindingSeverity) => Judgement;

/** Reads the project's checklists and blocking gates once, and answers how each finding is judged. */
export async function dispositionJudge(db: Executor, scope: Scope, projectId: string): Promise<Judge> {
  const workspaceId = scope.ctx.workspaceId;
  const checklists = await db
    .select({ id: codeReviewChecklists.id, rules: codeReviewChecklists.blockingRules })
    .from(codeReviewChecklists)
    .where(
      and(eq(codeReviewChecklists.workspaceId, workspaceId), eq(codeReviewChecklists.projectId, projectId)),
    )
    .orderBy(codeReviewChecklists.createdAt, codeReviewChecklists.id);
  const gates = await db
    .select({ id: qualityGates.id, severity: qualityGates.blockingSeverity })
    .from(qualityGates)
    .where(
      and(
        eq(qualityGates.workspaceId, workspaceId),
        eq(qualityGates.projectId, projectId),
        eq(qualityGates.blocking, true),
        isNotNull(qualityGates.blockingSeverity),
      ),
    )
    .orderBy(qualityGates.createdAt, qualityGates.id);
  const checklistOfRule = new Map<string, string>();
  for (const checklist of checklists)
    for (const rule of checklist.rules ?? [])
      if (!checklistOfRule.has(rule)) checklistOfRule.set(rule, checklist.id);
  const ranks = new Map<string, number>(severities.map((severity, index) => [severity, index]));
  const rank = (severity: string | null) => ranks.get(severity ?? 'info') ?? severities.length;
  // The most lenient gate first: a finding that reaches it is caught by it.
  const byLeniency = [...gates].sort((a, b) => rank(b.severity) - rank(a.severity));
  return (ruleId, severity) => {
    const checklistId = checklistOfRule.get(ruleId) ?? null;
    const gate = byLeniency.find((candidate) => rank(severity) <= rank(candidate.severity));
    return {
      disposition: checklistId || gate ? 'blocks' : 'warns',
      gateId: gate?.id ?? null,
      checklistId,
    };
  };
}
