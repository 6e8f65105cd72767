import type { Finding, LintReport, Severity } from '../types.ts';

/** A migration found but not read as SQL (a Ruby or Python migration), with the reason. */
export interface NotAnalysedFile {
  path: string;
  reason: string;
}

/** The findings level that fails a run: `warning` fails on warnings too. */
export type FailOn = Severity;

/** `1 error`, `2 errors`. */
export function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** One sentence totalling a run: files, statements, errors, warnings and parse errors. */
export function summarise(report: LintReport, skipped: readonly NotAnalysedFile[] = []): string {
  const { summary } = report;
  const parts = [
    count(summary.errors, 'error'),
    count(summary.warnings, 'warning'),
    ...(summary.parseErrors > 0 ? [count(summary.parseErrors, 'parse error')] : []),
  ];
  const notAnalysed = skipped.length > 0 ? `, ${skipped.length} not analysed` : '';
  return `${count(summary.files, 'file')}${notAnalysed}, ${count(summary.statements, 'statement')} (PostgreSQL ${report.pgVersion}): ${parts.join(', ')}`;
}

/** Whether a finding is at or above the level that fails the run. */
export function fails(finding: Pick<Finding, 'severity'>, failOn: FailOn): boolean {
  return finding.severity === 'error' || failOn === 'warning';
}

/** Whether the run as a whole fails: a finding at or above the level, or a file that does not parse. */
export function runFails(report: LintReport, failOn: FailOn): boolean {
  return (
    report.summary.parseErrors > 0 ||
    report.summary.errors > 0 ||
    (failOn === 'warning' && report.summary.warnings > 0)
  );
}
