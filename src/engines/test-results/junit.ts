// JUnit XML, the report almost every runner and CI can write: `<testsuites>` holding (possibly
// nested) `<testsuite>`s of `<testcase>`s. A `<failure>` is a failed assertion (failed), an
// `<error>` an unexpected exception (broken), `<skipped>` a skipped test. Surefire's
// `<flakyFailure>` (passed on a rerun) marks the test flaky.

import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { deriveHistoryId, ResultFileError } from './allure.ts';
import type { Label, StatusDetails, TestResult, TestStatus } from './model.ts';

const repeated = new Set([
  'testsuite',
  'testcase',
  'property',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  isArray: (name) => repeated.has(name),
  // Standard entities only expand within the parser's limits, so a "billion laughs" DOCTYPE fails.
  processEntities: { enabled: true, maxTotalExpansions: 1000, maxExpandedLength: 100_000 },
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child elements named `name`, always as a list (empty elements parse as empty text). */
function children(node: Node, name: string): Node[] {
  const value = node[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (isNode(item) ? item : {}));
}

function attribute(node: Node, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function textOf(node: Node): string | undefined {
  const value = node['#text'];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Seconds as runners write them (`1.5`, `1,234.5`), in milliseconds. */
function milliseconds(time: string | undefined): number | undefined {
  if (time === undefined) return undefined;
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(time.trim()) ? time.replaceAll(',', '') : time;
  const seconds = Number(plain);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}

/** A `<testsuite>` timestamp; one without a zone is read as UTC, as most runners write UTC there. */
function timestamp(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const parsed = Date.parse(zoned);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function properties(node: Node): Label[] {
  return children(node, 'properties').flatMap((group) =>
    children(group, 'property').flatMap((property) => {
      const name = attribute(property, 'name');
      const value = attribute(property, 'value') ?? textOf(property);
      return name === undefined || value === undefined ? [] : [{ name, value }];
    }),
  );
}

function outcome(testcase: Node): { status: TestStatus; statusDetails: StatusDetails } {
  const [kind, element] =
    (
      [
        ['failed', children(testcase, 'failure')[0]],
        ['broken', children(testcase, 'error')[0]],
        ['skipped', children(testcase, 'skipped')[0]],
      ] as const
    ).find(([, found]) => found !== undefined) ?? [];
  const flaky = children(testcase, 'flakyFailure').length > 0 ? { flaky: true } : {};
  if (kind === undefined || element === undefined) return { status: 'passed', statusDetails: flaky };
  const text = textOf(element);
  const message =
    attribute(element, 'message') ?? (kind === 'skipped' ? undefined : text?.trim().split('\n')[0]);
  return {
    status: kind,
    statusDetails: {
      ...(message !== undefined && { message }),
      ...(text !== undefined && kind !== 'skipped' && { trace: text }),
      ...flaky,
    },
  };
}

interface SuiteContext {
  file: string;
  suites: string[];
  labels: Label[];
  /** When the next test case of the suite started: cases of one suite run one after another. */
  clock: number | undefined;
  index: { next: number };
}

function readTestcase(testcase: Node, context: SuiteContext): TestResult {
  const name = attribute(testcase, 'name') ?? '';
  const classname = attribute(testcase, 'classname');
  const owner = classname ?? context.suites.at(-1);
  const fullName = owner ? `${owner}.${name}` : name;
  const duration = milliseconds(attribute(testcase, 'time'));
  const start = context.clock;
  if (start !== undefined && duration !== undefined) context.clock = start + duration;
  const suiteLabels: Label[] = context.suites
    .slice(-3)
    .reverse()
    .map((suite, depth) => ({ name: ['suite', 'parentSuite', 'subSuite'][depth] ?? 'suite', value: suite }));
  const testCaseId = createHash('md5').update(fullName).digest('hex');
  context.index.next += 1;
  return {
    uuid: `${context.file}#${context.index.next}`,
    historyId: deriveHistoryId(fullName, [], testCaseId),
    testCaseId,
    fullName,
    name,
    ...outcome(testcase),
    ...(start !== undefined && { start }),
    ...(start !== undefined && duration !== undefined && { stop: start + duration }),
    labels: [
      ...suiteLabels,
      ...(classname ? [{ name: 'testClass', value: classname }] : []),
      { name: 'testMethod', value: name },
      ...context.labels,
      ...properties(testcase),
    ],
    links: [],
    parameters: [],
    steps: [],
    attachments: [],
    fixtures: [],
    file: context.file,
  };
}

function readSuite(suite: Node, outer: SuiteContext): TestResult[] {
  const name = attribute(suite, 'name');
  const host = attribute(suite, 'hostname');
  const context: SuiteContext = {
    ...outer,
    suites: name ? [...outer.suites, name] : outer.suites,
    labels: [...outer.labels, ...(host ? [{ name: 'host', value: host }] : []), ...properties(suite)],
    clock: timestamp(attribute(suite, 'timestamp')) ?? outer.clock,
  };
  return [
    ...children(suite, 'testcase').map((testcase) => readTestcase(testcase, context)),
    ...children(suite, 'testsuite').flatMap((nested) => readSuite(nested, context)),
  ];
}

export interface JUnitOptions {
  /**
   * When tests started, for reports without a `<testsuite timestamp>`; without either, results have
   * no start and stop, so no duration.
   */
  start?: number;
}

/** Every test case of a JUnit XML report. Throws `ResultFileError` when the file is not one. */
export function readJUnit(file: string, bytes: Uint8Array, options: JUnitOptions = {}): TestResult[] {
  const text = new TextDecoder().decode(bytes);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ResultFileError(
      file,
      `not XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  let document: unknown;
  try {
    document = parser.parse(text);
  } catch (error) {
    throw new ResultFileError(
      file,
      `not readable XML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const root = isNode(document) ? document : {};
  const context: SuiteContext = { file, suites: [], labels: [], clock: options.start, index: { next: 0 } };
  const wrappers = children(root, 'testsuites');
  const suites = [
    ...wrappers.flatMap((wrapper) => children(wrapper, 'testsuite')),
    ...children(root, 'testsuite'),
  ];
  if (wrappers.length === 0 && suites.length === 0) {
    throw new ResultFileError(file, 'not a JUnit report: no <testsuites> or <testsuite> element');
  }
  return suites.flatMap((suite) =>
    readSuite(suite, { ...context, labels: [{ name: 'framework', value: 'junit' }] }),
  );
}
