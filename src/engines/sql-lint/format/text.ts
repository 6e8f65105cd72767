import type { FileReport, Finding, LintReport } from '../types.ts';
import { type NotAnalysedFile, summarise } from './common.ts';

export interface TextOptions {
  /** ANSI colours, for a terminal that asked for them. */
  color?: boolean;
  /** Migrations found but not read as SQL. */
  skipped?: readonly NotAnalysedFile[];
}

type Paint = (code: number, text: string) => string;

/**
 * The report for people at a terminal or in a CI log: each finding as `path:line:column  level  rule
 * message` (the shape editors and CI logs link to), the statement with a caret, why it is unsafe and
 * the safe recipe; then what was not analysed, and a closing summary.
 */
export function formatText(report: LintReport, options: TextOptions = {}): string {
  const paint: Paint = options.color
    ? (code, text) => `\u001b[${code}m${text}\u001b[0m`
    : (_code, text) => text;
  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.parseError) blocks.push(parseErrorText(file, paint));
    for (const finding of file.findings) blocks.push(findingText(finding, paint));
    for (const item of file.unanalysed)
      blocks.push(`${item.path}:${item.line}  ${paint(36, 'note')}  not analysed: ${item.reason}`);
    for (const item of file.ignored)
      blocks.push(
        `${file.path}:${item.line}  ${paint(2, 'ignored')}  ${item.ruleId}${item.reason ? `: ${item.reason}` : ''}`,
      );
  }
  for (const item of options.skipped ?? []) blocks.push(`${item.path}  ${paint(36, 'note')}  ${item.reason}`);
  const { errors, parseErrors } = report.summary;
  const verdict = summarise(report, options.skipped);
  blocks.push(errors + parseErrors > 0 ? paint(1, verdict) : verdict);
  return `${blocks.join('\n\n')}\n`;
}

function parseErrorText(file: FileReport, paint: Paint): string {
  const error = file.parseError;
  if (!error) return '';
  return `${file.path}:${error.line}:${error.column}  ${paint(31, 'error')}  ${paint(1, 'parse-error')}  ${error.message}`;
}

function findingText(finding: Finding, paint: Paint): string {
  const level = finding.severity === 'error' ? paint(31, 'error') : paint(33, 'warning');
  const heading = `${finding.path}:${finding.line}:${finding.column}  ${level}  ${paint(1, finding.ruleId)}  ${finding.message}`;
  return [
    heading,
    '',
    excerpt(finding, paint),
    '',
    indent(`Why: ${finding.why}`),
    '',
    indent(`Safe way:\n${finding.recipe}`),
  ].join('\n');
}

/** The statement with line numbers in a gutter and a caret under where it starts. */
function excerpt(finding: Finding, paint: Paint): string {
  const lines = finding.statement.split('\n');
  const width = String(finding.line + lines.length - 1).length;
  const gutter = (label: string) => paint(2, `  ${label.padStart(width)} | `);
  const numbered = lines.map((line, index) => {
    // The statement starts at its column: the first line keeps that indentation so the caret lines up.
    const text = index === 0 ? `${' '.repeat(finding.column - 1)}${line}` : line;
    return `${gutter(String(finding.line + index))}${text}`;
  });
  const caret = `${gutter('')}${' '.repeat(finding.column - 1)}${paint(finding.severity === 'error' ? 31 : 33, '^')}`;
  return [numbered[0], caret, ...numbered.slice(1)].join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}
