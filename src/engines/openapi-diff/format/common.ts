import type { DiffResult, Finding, Level } from '../types.ts';
import { levels } from '../types.ts';

/** Where the rule reference lives, relative to the repository root; reports link each rule id to it. */
export const defaultRulesUrl = 'docs/contract-checks.md';

/** `1 operation`, `2 operations`. */
export function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** 0 for ERR, 1 for WARN, 2 for INFO: lower is more serious. */
export function rank(level: Level): number {
  return levels.indexOf(level);
}

/** Whether a finding is at or above the level that fails the run. */
export function fails(finding: Pick<Finding, 'level'>, failOn: Level): boolean {
  return rank(finding.level) <= rank(failOn);
}

/** Whether the diff as a whole fails: a finding at or above the level (`ERR` fails on breaking changes only). */
export function runFails(result: DiffResult, failOn: Level): boolean {
  return levels.some((level) => rank(level) <= rank(failOn) && result.summary[level] > 0);
}

/** A group of findings reports show together: one operation, one GraphQL type, or the document as a whole. */
export interface FindingGroup {
  /** `GET /users/{id}`, `Query`, or null for document-wide changes. */
  name: string | null;
  /** The most serious level in the group. */
  level: Level;
  /** Most serious first, in the engine's order within a level. */
  findings: Finding[];
}

/** The name a finding is grouped under: its operation, or for GraphQL the type its field belongs to. */
function groupName(result: DiffResult, finding: Finding): string | null {
  if (finding.operation) return finding.operation;
  if (result.kind === 'graphql' && finding.field) return finding.field.split('.')[0] ?? null;
  return null;
}

/**
 * The findings grouped as a reader scans them: the groups with breaking changes first, document-wide
 * changes ahead of operations at the same level, then in the order the engine met them.
 */
export function groupFindings(result: DiffResult): FindingGroup[] {
  const groups = new Map<string | null, Finding[]>();
  for (const finding of result.findings) {
    const name = groupName(result, finding);
    groups.set(name, [...(groups.get(name) ?? []), finding]);
  }
  const ordered = [...groups].map(([name, findings], order) => {
    const sorted = [...findings].sort((left, right) => rank(left.level) - rank(right.level));
    return { name, level: sorted[0]?.level ?? 'INFO', findings: sorted, order };
  });
  ordered.sort(
    (left, right) =>
      rank(left.level) - rank(right.level) ||
      Number(left.name !== null) - Number(right.name !== null) ||
      left.order - right.order,
  );
  return ordered.map(({ order: _order, ...group }) => group);
}

/** What a group is called in a report. */
export function groupTitle(result: DiffResult, group: Pick<FindingGroup, 'name'>): string {
  if (group.name !== null) return group.name;
  return result.kind === 'graphql' ? 'Schema' : 'Whole document';
}

/** The finding's message without the operation it starts with, for lists already grouped by operation. */
export function messageInGroup(finding: Finding): string {
  const prefix = finding.operation ? `${finding.operation}: ` : '';
  return prefix && finding.message.startsWith(prefix)
    ? finding.message.slice(prefix.length)
    : finding.message;
}

/**
 * One sentence totalling the diff: `3 ERR, 2 WARN, 5 INFO across 4 operations` (GraphQL: across
 * types). The operations counted are those with at least one change.
 */
export function summarise(result: DiffResult): string {
  const counts = levels.map((level) => `${result.summary[level]} ${level}`).join(', ');
  const named = new Set(
    result.findings.map((finding) => groupName(result, finding)).filter((name) => name !== null),
  );
  if (named.size === 0) return counts;
  return `${counts} across ${count(named.size, result.kind === 'graphql' ? 'type' : 'operation')}`;
}

/** `Payments API 2.2.0 → 2.3.0`, from what the documents say about themselves. */
export function versionsLine(result: DiffResult): string {
  const side = (info: DiffResult['base']) =>
    [info.title, info.version].filter((part) => part !== null && part !== '').join(' ') || 'untitled';
  const base = side(result.base);
  const revision = side(result.revision);
  // GraphQL schemas name no title or version: say what was compared rather than `untitled → untitled`.
  if (base === 'untitled' && revision === 'untitled')
    return result.kind === 'graphql' ? 'GraphQL schema' : 'OpenAPI document';
  if (result.base.title !== null && result.base.title === result.revision.title)
    return `${result.base.title} ${result.base.version ?? '?'} → ${result.revision.version ?? '?'}`;
  return `${base} → ${revision}`;
}

/** `12 operations in the revision: 1 added, 2 removed, 3 changed` (for GraphQL, its root fields). */
export function operationsLine(result: DiffResult): string {
  const { revision, added, removed, changed } = result.operations;
  const noun = result.kind === 'graphql' ? 'root field' : 'operation';
  return `${count(revision, noun)} in the revision: ${added} added, ${removed} removed, ${changed} changed`;
}

/** The anchor of a rule in the rule reference: the id itself, which is the heading's text. */
export function ruleLink(ruleId: string, rulesUrl: string = defaultRulesUrl): string {
  return `${rulesUrl}#${ruleId}`;
}
