import type { DiffResult, Finding, Level } from '../types.ts';
import {
  count,
  type FindingGroup,
  fails,
  groupFindings,
  groupTitle,
  messageInGroup,
  versionsLine,
} from './common.ts';
import { attribute, text } from './xml.ts';

export interface JunitOptions {
  /** Changes at this level or above are failures. Default ERR. */
  failOn?: Level;
  /** The revision's file, for the `file` attribute CI servers link to. */
  file?: string;
}

interface TestCase {
  name: string;
  failure?: { type: Level; message: string; body: string };
  output?: string;
}

/**
 * The diff as JUnit XML, which CI servers show as test results (GitLab's merge-request widget,
 * Jenkins): one test case per operation with changes (and one for document-wide changes). An
 * operation fails when it has a change at or above the fail-on level; its other changes ride along
 * in `<system-out>`, so the report fails exactly when the command does. A diff with no change is one
 * passing test case.
 */
export function formatJunit(result: DiffResult, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? 'ERR';
  const groups = groupFindings(result);
  const cases: TestCase[] =
    groups.length === 0
      ? [{ name: 'contract unchanged' }]
      : groups.map((group) => groupCase(groupTitle(result, group), group, failOn));
  const failures = cases.filter((item) => item.failure).length;
  const tally = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0"`;
  const file = options.file === undefined ? '' : ` file="${attribute(options.file)}"`;
  const classname = attribute(options.file ?? 'contract');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shipshape contracts diff" ${tally}>`,
    `  <testsuite name="${attribute(`API contract: ${versionsLine(result)}`)}" ${tally}>`,
    ...cases.map((item) => testCase(item, classname, file)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function findingLine(finding: Finding): string {
  return `${finding.level} ${finding.ruleId}: ${messageInGroup(finding)}`;
}

function groupCase(name: string, group: FindingGroup, failOn: Level): TestCase {
  const failing = group.findings.filter((finding) => fails(finding, failOn));
  const passing = group.findings.filter((finding) => !fails(finding, failOn));
  const output = passing.length > 0 ? { output: passing.map(findingLine).join('\n') } : {};
  const worst = failing[0];
  if (!worst) return { name, ...output };
  const message =
    failing.length === 1 ? messageInGroup(worst) : `${count(failing.length, 'change')} at ${failOn} or above`;
  return {
    name,
    failure: { type: worst.level, message, body: failing.map(findingLine).join('\n') },
    ...output,
  };
}

function testCase(item: TestCase, classname: string, file: string): string {
  const open = `    <testcase name="${attribute(item.name)}" classname="${classname}"${file}`;
  const children: string[] = [];
  if (item.failure)
    children.push(
      `      <failure type="${item.failure.type}" message="${attribute(item.failure.message)}">${text(item.failure.body)}</failure>`,
    );
  if (item.output !== undefined) children.push(`      <system-out>${text(item.output)}</system-out>`);
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, '    </testcase>'].join('\n');
}
