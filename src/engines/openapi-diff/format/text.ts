import type { DiffResult, Level } from '../types.ts';
import {
  groupFindings,
  groupTitle,
  messageInGroup,
  operationsLine,
  summarise,
  versionsLine,
} from './common.ts';

export interface TextOptions {
  /** ANSI colours, for a terminal that asked for them. */
  color?: boolean;
}

type Paint = (code: number, text: string) => string;

const levelColours: Record<Level, number> = { ERR: 31, WARN: 33, INFO: 36 };

/**
 * The report for people at a terminal or in a CI log: which versions were compared, then the changes
 * grouped by operation (breaking ones first), each as `level  rule-id  what changed`, and a closing
 * summary such as `3 ERR, 2 WARN, 5 INFO across 4 operations`.
 */
export function formatText(result: DiffResult, options: TextOptions = {}): string {
  const paint: Paint = options.color
    ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
    : (_code, text) => text;
  const heading = [versionsLine(result), operationsLine(result)].filter((line) => line !== '').join('\n');
  const blocks = [heading];
  const groups = groupFindings(result);
  const idWidth = Math.max(0, ...result.findings.map((finding) => finding.ruleId.length));
  for (const group of groups) {
    const lines = group.findings.map((finding) => {
      const level = paint(levelColours[finding.level], finding.level.padEnd(4));
      return `  ${level}  ${finding.ruleId.padEnd(idWidth)}  ${messageInGroup(finding)}`;
    });
    blocks.push([paint(1, groupTitle(result, group)), ...lines].join('\n'));
  }
  if (groups.length === 0) blocks.push('No changes.');
  const verdict = summarise(result);
  blocks.push(result.summary.ERR > 0 ? paint(1, verdict) : verdict);
  return `${blocks.join('\n\n')}\n`;
}
