import { referenceOf } from '../contracts.ts';
import type { ExportedDecision } from './madr.ts';

const columns: [string, (decision: ExportedDecision, referenceOfId: (id: string) => string) => string][] = [
  ['reference', (d) => referenceOf(d.number)],
  ['title', (d) => d.title],
  ['status', (d) => d.status],
  ['decision_type', (d) => d.decisionType],
  ['decision_date', (d) => d.decisionDate],
  ['decision_owner', (d) => d.decisionOwner],
  ['involved_qa', (d) => d.qaEmails.join('; ')],
  ['sprint_release', (d) => d.sprintRelease],
  ['impact_risk_level', (d) => d.impactRiskLevel ?? ''],
  ['impact_risk', (d) => d.impactRiskText],
  ['tags', (d) => d.tags.join('; ')],
  ['project_id', (d) => d.projectId ?? ''],
  ['superseded_by', (d, ref) => (d.supersededBy ? ref(d.supersededBy) : '')],
  ['supersedes', (d, ref) => d.supersedes.map(ref).join('; ')],
  ['context', (d) => d.context],
  ['decision', (d) => d.decision],
  [
    'consequences',
    (d) =>
      [
        d.consequences,
        ...d.consequencesGood.map((c) => `Good: ${c}`),
        ...d.consequencesBad.map((c) => `Bad: ${c}`),
      ]
        .filter(Boolean)
        .join('\n'),
  ],
  ['id', (d) => d.id],
];

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** All decisions as CSV (RFC 4180, CRLF line ends, a header row). */
export function renderCsv(decisions: ExportedDecision[], referenceOfId: (id: string) => string): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const decision of decisions) {
    lines.push(columns.map(([, value]) => cell(value(decision, referenceOfId))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
