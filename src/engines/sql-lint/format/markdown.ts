import type { FileReport, Finding, LintReport } from '../types.ts';
import { count, type NotAnalysedFile, summarise } from './common.ts';

export interface MarkdownOptions {
  /** Migrations found but not read as SQL. */
  skipped?: readonly NotAnalysedFile[];
}

/**
 * The report as a merge-request comment: a verdict, a table of the files with problems, then each
 * finding under its file with the statement, and why and how to fix it folded in a <details>.
 */
export function formatMarkdown(report: LintReport, options: MarkdownOptions = {}): string {
  const skipped = options.skipped ?? [];
  const { errors, warnings, parseErrors } = report.summary;
  const lines = ['## Migration safety', '', `${summarise(report, skipped)}.`, ''];
  const troubled = report.files.filter(
    (file) => file.findings.length > 0 || file.parseError || file.unanalysed.length > 0,
  );
  if (errors + warnings + parseErrors === 0)
    lines.push(`No problems found in ${count(report.summary.files, 'migration file')}.`, '');
  if (troubled.length > 0) lines.push(...summaryTable(troubled), '');
  for (const file of troubled) lines.push(...fileSection(file));
  if (skipped.length > 0) {
    lines.push('### Not analysed', '');
    for (const item of skipped) lines.push(`- ${code(item.path)}: ${item.reason}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function summaryTable(files: FileReport[]): string[] {
  const rows = files.map((file) => {
    const errors = file.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = file.findings.length - errors;
    const parse = file.parseError ? 'does not parse' : '';
    return `| ${code(file.path)} | ${errors} | ${warnings} | ${file.unanalysed.length} | ${parse} |`;
  });
  return ['| File | Errors | Warnings | Not analysed | |', '| --- | ---: | ---: | ---: | --- |', ...rows];
}

function fileSection(file: FileReport): string[] {
  const lines = [`### ${code(file.path)}`, ''];
  if (file.parseError) {
    const { line, column, message } = file.parseError;
    lines.push(`- :x: **parse error** at line ${line}, column ${column}: ${inline(message)}`);
  }
  for (const finding of file.findings) lines.push(...findingItem(finding));
  for (const item of file.unanalysed)
    lines.push(`- :grey_question: line ${item.line}: ${inline(item.reason)}`);
  // A finding already ends with a blank line; a section ends with exactly one.
  if (lines.at(-1) !== '') lines.push('');
  return lines;
}

function findingItem(finding: Finding): string[] {
  const icon = finding.severity === 'error' ? ':x: **error**' : ':warning: **warning**';
  return [
    `- ${icon} ${code(finding.ruleId)} at line ${finding.line}: ${inline(finding.message)}`,
    '',
    indent(fence(finding.statement)),
    '',
    '  <details><summary>Why, and the safe way</summary>',
    '',
    indent(finding.why),
    '',
    indent(finding.recipe),
    '',
    '  </details>',
    '',
  ];
}

/** Inline code that survives backticks and pipes in the text. */
function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const padded = text.includes('`') ? ` ${text} ` : text;
  return `${ticks}${padded.replaceAll('|', '\\|')}${ticks}`;
}

/** Text on one line of a list item: no line breaks, no raw HTML. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replaceAll('<', '&lt;');
}

/** A fenced SQL block whose fence is longer than any backtick run inside it. */
function fence(sql: string): string {
  const longest = Math.max(2, ...[...sql.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}sql\n${sql}\n${ticks}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}
