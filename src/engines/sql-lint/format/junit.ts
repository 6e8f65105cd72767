import type { FileReport, Finding, LintReport } from '../types.ts';
import { type FailOn, fails, type NotAnalysedFile } from './common.ts';
import { parseErrorRuleId } from './sarif.ts';

export interface JunitOptions {
  /** Warnings fail (as `<failure type="warning">`) only when the run fails on warnings. */
  failOn?: FailOn;
  /** Migrations found but not read as SQL: reported as skipped test cases. */
  skipped?: readonly NotAnalysedFile[];
}

interface TestCase {
  name: string;
  file: string;
  line?: number;
  /** A `<failure>` (type and message, the body explains); a `<skipped>`; or text for `<system-out>`. */
  failure?: { type: string; message: string; body: string };
  skipped?: string;
  output?: string;
}

/**
 * The report as JUnit XML, which CI servers show as test results (GitLab's merge-request widget,
 * Jenkins): one test suite per migration file, one test case per finding. An error finding and a
 * parse error are failures. A warning is a failure (`type="warning"`) only with failOn `warning`;
 * otherwise it is a passing test case that carries its message in `<system-out>`, so the report
 * fails exactly when the command does. A file with no finding is one passing test case; statements
 * the engine could not judge and migrations in other languages are skipped test cases.
 */
export function formatJunit(report: LintReport, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? 'error';
  const suites = [
    ...report.files.map((file) => ({ name: file.path, cases: fileCases(file, failOn) })),
    ...(options.skipped ?? []).map((item) => ({
      name: item.path,
      cases: [{ name: 'not analysed', file: item.path, skipped: item.reason }],
    })),
  ];
  const totals = tally(suites.flatMap((suite) => suite.cases));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shipshape migrations lint" ${totals}>`,
    ...suites.flatMap((suite) => [
      `  <testsuite name="${attribute(suite.name)}" ${tally(suite.cases)}>`,
      ...suite.cases.map(testCase),
      '  </testsuite>',
    ]),
    '</testsuites>',
    '',
  ].join('\n');
}

function fileCases(file: FileReport, failOn: FailOn): TestCase[] {
  const cases: TestCase[] = [];
  if (file.parseError) {
    const { line, column, message } = file.parseError;
    cases.push({
      name: parseErrorRuleId,
      file: file.path,
      line,
      failure: { type: parseErrorRuleId, message, body: `${file.path}:${line}:${column}: ${message}` },
    });
  }
  for (const finding of file.findings) cases.push(findingCase(finding, failOn));
  for (const item of file.unanalysed)
    cases.push({
      name: `not analysed (line ${item.line})`,
      file: file.path,
      line: item.line,
      skipped: item.reason,
    });
  if (cases.length === 0) cases.push({ name: 'no problems', file: file.path });
  return cases;
}

function findingCase(finding: Finding, failOn: FailOn): TestCase {
  const body = [
    `${finding.path}:${finding.line}:${finding.column}: ${finding.message}`,
    '',
    finding.statement,
    '',
    `Why: ${finding.why}`,
    '',
    `Safe way:\n${finding.recipe}`,
  ].join('\n');
  const base = { name: `${finding.ruleId} (line ${finding.line})`, file: finding.path, line: finding.line };
  return fails(finding, failOn)
    ? { ...base, failure: { type: finding.severity, message: finding.message, body } }
    : { ...base, output: `warning: ${body}` };
}

function tally(cases: TestCase[]): string {
  const failures = cases.filter((item) => item.failure).length;
  const skipped = cases.filter((item) => item.skipped !== undefined).length;
  return `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
}

function testCase(item: TestCase): string {
  const line = item.line === undefined ? '' : ` line="${item.line}"`;
  const open = `    <testcase name="${attribute(item.name)}" classname="${attribute(item.file)}" file="${attribute(item.file)}"${line}`;
  const children: string[] = [];
  if (item.failure)
    children.push(
      `      <failure type="${attribute(item.failure.type)}" message="${attribute(item.failure.message)}">${text(item.failure.body)}</failure>`,
    );
  if (item.skipped !== undefined) children.push(`      <skipped message="${attribute(item.skipped)}"/>`);
  if (item.output !== undefined) children.push(`      <system-out>${text(item.output)}</system-out>`);
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, '    </testcase>'].join('\n');
}

/** Drops what XML 1.0 cannot carry at all: control characters other than tab and line breaks, lone surrogates. */
function xmlSafe(value: string): string {
  let safe = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (!control && !surrogate && code !== 0xfffe && code !== 0xffff) safe += character;
  }
  return safe;
}

/** Element text: `&`, `<` and `>` escaped. */
export function text(value: string): string {
  return xmlSafe(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An attribute value in double quotes; line breaks kept as references, which parsers would otherwise fold. */
export function attribute(value: string): string {
  return text(value)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}
