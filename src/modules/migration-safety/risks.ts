import type { Scope } from '../../core/resource/scope.ts';
import { createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import type { Finding, LintReport } from '../../engines/sql-lint/index.ts';
import { findingKey, openLintRiskKeys } from './store.ts';
import { riskResource } from './strategies.ts';

const maxName = 200;
const maxMitigation = 10_000;

/** "<rule> in <file>:<line>", the file shortened from the left when the name would be too long. */
export function riskName(finding: Pick<Finding, 'ruleId' | 'path' | 'line'>): string {
  const name = `${finding.ruleId} in ${finding.path}:${finding.line}`;
  if (name.length <= maxName) return name;
  const room = maxName - `${finding.ruleId} in …:${finding.line}`.length;
  return `${finding.ruleId} in …${finding.path.slice(-Math.max(room, 1))}:${finding.line}`;
}

/** An error risks an outage (high, high); a warning is worth planning for (medium, medium). */
function riskValues(finding: Finding, strategyId: string | null, detectedAt: Date) {
  const serious = finding.severity === 'error';
  return {
    name: riskName(finding),
    strategyId,
    likelihood: serious ? 'high' : 'medium',
    impact: serious ? 'high' : 'medium',
    mitigation: finding.recipe.slice(0, maxMitigation),
    ruleId: finding.ruleId,
    severity: finding.severity,
    migrationFile: finding.path,
    line: finding.line,
    detectedAt,
  };
}

/**
 * Records each finding of the report as a migration risk of the strategy (or of no strategy),
 * unless a risk for the same rule, file and line is still open: linting the same migrations again
 * adds nothing. Each new risk is created through the plan's resource, so it is audited like any
 * other plan row.
 */
export async function recordRisks(
  tx: Transaction,
  scope: Scope,
  strategyId: string | null,
  report: LintReport,
  detectedAt: Date,
): Promise<{ created: number; alreadyOpen: number }> {
  const open = await openLintRiskKeys(tx, scope, strategyId);
  const seen = new Set<string>();
  let created = 0;
  let alreadyOpen = 0;
  for (const finding of report.files.flatMap((file) => file.findings)) {
    const key = findingKey(finding.ruleId, finding.path, finding.line);
    // Two messages of one rule on one statement are one risk.
    if (seen.has(key)) continue;
    seen.add(key);
    if (open.has(key)) {
      alreadyOpen += 1;
      continue;
    }
    await createRow(tx, riskResource, scope, riskValues(finding, strategyId, detectedAt));
    created += 1;
  }
  return { created, alreadyOpen };
}
