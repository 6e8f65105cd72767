import type { CheckOutcome } from './contracts.ts';
import type { PlanExport } from './export.ts';

const passing = new Set(['pass', 'not_applicable', 'waived']);

/** `job_types` → "Job types". */
const heading = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');

function inline(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(inline).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value).replace(/\s*\n\s*/g, ' ');
}

function checkLine(check: CheckOutcome): string {
  const box = passing.has(check.status) ? 'x' : ' ';
  const note =
    check.status === 'pass' ? '' : ` — ${check.status.replace('_', ' ')}: ${inline(check.message)}`;
  return `- [${box}] \`${check.id}\` (${check.level}) ${check.title}${note}`;
}

/**
 * The plan as Markdown a coding agent can act on: like an AGENTS.md, one section per area with the
 * rules (checks) to keep and the planned rows to build from, each under its stable id.
 */
export function planToMarkdown(plan: PlanExport): string {
  const lines = [
    `# Production-readiness plan: ${plan.project.name} (${plan.project.key})`,
    '',
    `Generated ${plan.generatedAt.toISOString()} by Shipshape. Overall readiness: **${plan.level}**.`,
    'Check ids (`jobs.retry-policy-for-every-job-type`) and row ids (`job_types/<uuid>`) are stable:',
    'quote them in commits and reports. Levels: bronze = planned, silver = specified, gold = verified.',
    '',
    '## Readiness gaps (fix these first)',
    '',
  ];
  if (plan.gaps.length === 0) lines.push('None: every applicable check passes.');
  for (const gap of plan.gaps) {
    lines.push(`- [ ] \`${gap.id}\` (${gap.level}) ${gap.title} — ${inline(gap.message)}`);
    lines.push(`  - Why: ${gap.why}`);
  }
  lines.push('', '## Approved requirements', '');
  if (plan.requirements.length === 0) lines.push('No approved PRD yet.');
  for (const prd of plan.requirements)
    lines.push(`- PRD \`${prd.id}\` ${prd.title} (revision ${prd.revision})`);
  lines.push('', '## Accepted decisions', '');
  if (plan.decisions.length === 0) lines.push('No accepted decision yet.');
  for (const decision of plan.decisions) {
    lines.push(`- ${decision.reference} ${decision.title} (${decision.decisionDate})`);
    if (decision.decision) lines.push(`  - ${inline(decision.decision).slice(0, 500)}`);
  }
  for (const area of plan.areas) {
    lines.push('', `## ${area.number}. ${area.title}`, '');
    if (!area.applicable) {
      lines.push(`Not applicable to this project: ${area.notApplicableReason}`);
      continue;
    }
    lines.push(area.summary, '', `Readiness: **${area.level}**.`, '', '### Rules', '');
    lines.push(...area.checks.map(checkLine));
    for (const table of area.tables) {
      lines.push('', `### ${heading(table.name)} (\`plan.${table.name}\`)`, '', `${table.purpose}.`, '');
      if (table.rows.length === 0) lines.push('Nothing planned yet.');
      for (const row of table.rows) {
        const fields = Object.entries(row.fields).map(([field, value]) => `${field}: ${inline(value)}`);
        lines.push(
          `- **${inline(row.name)}** \`${row.ref}\`${fields.length ? ` — ${fields.join('; ')}` : ''}`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
