import type { DiffResult, Finding, Level } from '../types.ts';
import { levels } from '../types.ts';
import {
  count,
  defaultRulesUrl,
  groupFindings,
  groupTitle,
  messageInGroup,
  operationsLine,
  runFails,
  summarise,
  versionsLine,
} from './common.ts';

export interface MarkdownOptions {
  /** The level that fails the check, for the verdict line. Default ERR. */
  failOn?: Level;
  /** Where rule ids link to (an absolute URL in a comment outside the repository). Default docs/contract-checks.md. */
  rulesUrl?: string;
  /** The comment's heading. Default "API contract check". */
  title?: string;
}

const levelFacts: Record<Level, { icon: string; meaning: string; noun: string }> = {
  ERR: { icon: ':x:', meaning: 'breaks existing clients', noun: 'breaking change' },
  WARN: { icon: ':warning:', meaning: 'may break some clients', noun: 'change to review' },
  INFO: { icon: ':information_source:', meaning: 'safe for clients', noun: 'safe change' },
};

/**
 * The diff as a merge-request comment: a verdict, a table counting changes by level, then one
 * collapsible section per level (breaking changes unfolded) listing each change with its operation,
 * what changed and the rule id linked to its explanation.
 */
export function formatMarkdown(result: DiffResult, options: MarkdownOptions = {}): string {
  const failOn = options.failOn ?? 'ERR';
  const verdict = runFails(result, failOn)
    ? `:x: **Fails**: changes at ${failOn} or above.`
    : ':white_check_mark: **Passes**.';
  const context = [versionsLine(result), operationsLine(result)].filter((part) => part !== '').join('; ');
  const lines = [
    `## ${options.title ?? 'API contract check'}`,
    '',
    `${verdict} ${summarise(result)}.`,
    '',
    `${inline(context)}.`,
    '',
  ];
  if (result.findings.length === 0) lines.push('No changes to the contract.');
  else {
    lines.push(...levelTable(result), '');
    for (const level of levels)
      lines.push(...levelSection(result, level, options.rulesUrl ?? defaultRulesUrl));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function levelTable(result: DiffResult): string[] {
  const rows = levels.map((level) => {
    const found = result.findings.filter((finding) => finding.level === level);
    const places = new Set(found.map((finding) => finding.operation ?? finding.field ?? ''));
    return `| ${levelFacts[level].icon} ${level} | ${found.length} | ${places.size} | ${levelFacts[level].meaning} |`;
  });
  return ['| Level | Changes | Places | Meaning |', '| --- | ---: | ---: | --- |', ...rows];
}

function levelSection(result: DiffResult, level: Level, rulesUrl: string): string[] {
  const found = result.findings.filter((finding) => finding.level === level);
  if (found.length === 0) return [];
  const sameLevel: DiffResult = { ...result, findings: found };
  const rows = groupFindings(sameLevel).flatMap((group) =>
    group.findings.map((finding) => row(groupTitle(result, group), finding, rulesUrl)),
  );
  return [
    `<details${level === 'ERR' ? ' open' : ''}>`,
    `<summary><strong>${level}: ${count(found.length, levelFacts[level].noun)}</strong></summary>`,
    '',
    '| Operation | Change | Rule |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '</details>',
    '',
  ];
}

function row(place: string, finding: Finding, rulesUrl: string): string {
  const rule = `[${code(finding.ruleId)}](${rulesUrl}#${finding.ruleId})`;
  return `| ${code(place)} | ${inline(messageInGroup(finding))} | ${rule} |`;
}

/** Inline code that survives backticks and pipes in the text. */
function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const padded = text.includes('`') ? ` ${text} ` : text;
  return `${ticks}${padded.replaceAll('|', '\\|')}${ticks}`;
}

/** Text in a table cell: one line, no raw HTML, pipes escaped. */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('|', '\\|');
}
