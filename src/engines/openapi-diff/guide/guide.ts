import { stringify } from 'yaml';
import { normalisePath } from '../document.ts';
import { rules as catalogue } from '../rules/index.ts';
import type { DiffResult, Finding, Json, Level, OpenApiDocument } from '../types.ts';
import { clientAction } from './actions.ts';
import { counterpartPointer, excerptAt } from './excerpt.ts';
import { code, count, fence, inline } from './markdown.ts';

/** What the guide quotes of a rule. */
export interface GuideRule {
  id: string;
  title: string;
  why: string;
}

export interface MigrationGuideOptions {
  apiName: string;
  fromVersion: string;
  toVersion: string;
  /** The two documents the result came from: with them, each change shows the contract before and after. */
  base?: OpenApiDocument;
  revision?: OpenApiDocument;
  /** The rules to quote (why a change breaks). Default: the whole catalogue. */
  rules?: readonly GuideRule[];
  /** A release date to print under the title (YYYY-MM-DD); the guide prints none otherwise. */
  date?: string;
}

const levelWords: Record<Level, string> = { ERR: 'Breaking', WARN: 'May break', INFO: 'Informational' };

/** The findings of one operation (or path, or of the whole document), in the result's order. */
interface Group {
  title: string;
  findings: { finding: Finding; index: number }[];
}

/**
 * A migration guide for an API's clients, in Markdown: the verdict and counts, then each operation
 * with breaking or risky changes (operations with breaking ones first; in each, breaking changes
 * before risky ones) saying what changed, why it breaks, what the contract looked like before and
 * after, and what a client must do; informational changes are listed briefly at the end. The same
 * input always gives the same text.
 */
export function migrationGuide(result: DiffResult, options: MigrationGuideOptions): string {
  const rulesById = new Map((options.rules ?? catalogue).map((rule) => [rule.id, rule]));
  const lines = [...heading(result, options)];
  const groups = groupFindings(result.findings);
  const serious = groups
    .map((group) => ({
      ...group,
      findings: group.findings.filter(({ finding }) => finding.level !== 'INFO'),
    }))
    .filter((group) => group.findings.length > 0);
  const worst = (group: Group) => (group.findings.some(({ finding }) => finding.level === 'ERR') ? 0 : 1);
  const ordered = serious
    .map((group, position) => ({ group, position }))
    .sort((left, right) => worst(left.group) - worst(right.group) || left.position - right.position)
    .map(({ group }) => group);
  if (ordered.length > 0) lines.push('## Changes by operation', '');
  for (const group of ordered) {
    lines.push(`### ${inline(group.title)}`, '');
    const byLevel = [...group.findings].sort(
      (left, right) => rank(left.finding.level) - rank(right.finding.level) || left.index - right.index,
    );
    for (const { finding } of byLevel)
      lines.push(...changeSection(finding, rulesById.get(finding.ruleId), options));
  }
  const informational = result.findings.filter((finding) => finding.level === 'INFO');
  if (informational.length > 0) {
    lines.push(
      '## Other changes',
      '',
      'These break no client; they are listed so that the change log is complete.',
      '',
    );
    for (const finding of informational) {
      const where = finding.operation ? `${code(finding.operation)}: ` : '';
      lines.push(`- ${where}${inline(withoutOperation(finding))} (${code(finding.ruleId)})`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function rank(level: Level): number {
  return level === 'ERR' ? 0 : level === 'WARN' ? 1 : 2;
}

function heading(result: DiffResult, options: MigrationGuideOptions): string[] {
  const { ERR, WARN, INFO } = result.summary;
  const { base, revision, added, removed, changed } = result.operations;
  const lines = [
    `# Migration guide: ${inline(options.apiName)} ${inline(options.fromVersion)} → ${inline(options.toVersion)}`,
    '',
  ];
  if (options.date) lines.push(`Released ${inline(options.date)}.`, '');
  lines.push(verdict(result), '');
  lines.push('| Level | Changes |', '| --- | ---: |');
  lines.push(`| ${levelWords.ERR} (ERR) | ${ERR} |`, `| ${levelWords.WARN} (WARN) | ${WARN} |`);
  lines.push(`| ${levelWords.INFO} (INFO) | ${INFO} |`, '');
  lines.push(
    `Operations: ${base} before, ${revision} after; ${added} added, ${removed} removed, ${changed} changed.`,
    '',
  );
  return lines;
}

function verdict(result: DiffResult): string {
  const { ERR, WARN } = result.summary;
  if (result.findings.length === 0)
    return 'The two versions make the same contract: clients have nothing to do.';
  if (ERR > 0) {
    const risky = WARN > 0 ? `, and ${count(WARN, 'change')} may break some` : '';
    return `This release breaks existing clients: ${count(ERR, 'change')} break them${risky}. Read each one below before you upgrade.`;
  }
  if (WARN > 0)
    return `Nothing here is known to break clients, but ${count(WARN, 'change')} may break some: check each one below.`;
  return 'Nothing here breaks existing clients.';
}

/** Findings grouped by operation (then by path, then the whole document), in order of first appearance. */
function groupFindings(findings: Finding[]): Group[] {
  const groups = new Map<string, Group>();
  findings.forEach((finding, index) => {
    const path = /^\/paths\/([^/]+)/.exec(finding.pointer)?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
    const [key, title] = finding.operationKey
      ? [finding.operationKey, code(finding.operation ?? finding.operationKey)]
      : path
        ? [`path ${normalisePath(path)}`, `Path ${code(path)}`]
        : ['document', 'The whole API'];
    const group = groups.get(key) ?? { title, findings: [] };
    groups.set(key, group);
    group.findings.push({ finding, index });
  });
  return [...groups.values()];
}

/** One change: what changed (the heading), why it breaks, what to do, and the contract around it. */
function changeSection(
  finding: Finding,
  rule: GuideRule | undefined,
  options: MigrationGuideOptions,
): string[] {
  const lines = [`#### ${levelWords[finding.level]}: ${inline(withoutOperation(finding))}`, ''];
  if (rule)
    lines.push(`- **Why it ${finding.level === 'ERR' ? 'breaks' : 'may break'}:** ${inline(rule.why)}`);
  lines.push(`- **What to do:** ${clientAction(finding)}`);
  lines.push(`- **Rule:** ${code(finding.ruleId)}${rule ? ` (${inline(rule.title)})` : ''}`, '');
  lines.push(...valueChange(finding), ...excerpts(finding, options));
  return lines;
}

/** The message without its `GET /users/{id}: ` prefix, which the section heading already says. */
function withoutOperation(finding: Finding): string {
  const prefix = finding.operation ? `${finding.operation}: ` : '';
  return prefix && finding.message.startsWith(prefix)
    ? finding.message.slice(prefix.length)
    : finding.message;
}

/** The values the finding names, `100` → `50`, or as YAML when they are objects or lists. */
function valueChange(finding: Finding): string[] {
  if (finding.before === undefined && finding.after === undefined) return [];
  const isScalar = (value: Json | undefined) =>
    value === undefined || value === null || typeof value !== 'object';
  const show = (value: Json | undefined) => (value === undefined ? '(none)' : code(JSON.stringify(value)));
  if (isScalar(finding.before) && isScalar(finding.after)) {
    return [`Value: ${show(finding.before)} → ${show(finding.after)}`, ''];
  }
  const block = (label: string, value: Json | undefined) =>
    value === undefined
      ? []
      : [`${label}:`, '', fence(stringify(value, { lineWidth: 0 }).trimEnd(), 'yaml'), ''];
  return [...block('Value before', finding.before), ...block('Value after', finding.after)];
}

/** The contract at the finding's place in each version, when the guide was given the documents. */
function excerpts(finding: Finding, options: MigrationGuideOptions): string[] {
  const { base, revision } = options;
  if (!base || !revision) return [];
  const seenIn = finding.side === 'base' ? base : revision;
  const other = finding.side === 'base' ? revision : base;
  const otherPointer = counterpartPointer(seenIn, other, finding.pointer);
  const texts = {
    [finding.side]: excerptAt(seenIn, finding.pointer),
    [finding.side === 'base' ? 'revision' : 'base']:
      otherPointer === null ? null : excerptAt(other, otherPointer),
  };
  if (!texts.base && !texts.revision) return [];
  const side = (label: string, version: string, text: string | null | undefined) =>
    text
      ? [`${label} (${inline(version)}):`, '', fence(text, 'yaml'), '']
      : [`${label} (${inline(version)}): not in the contract.`, ''];
  return [
    ...side('Before', options.fromVersion, texts.base),
    ...side('After', options.toVersion, texts.revision),
  ];
}
