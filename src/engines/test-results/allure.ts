// Readers of the files in an Allure 2 results folder. Each takes one file's bytes and answers the
// normalized model, or throws `ResultFileError` saying what is wrong with that file, so an import
// can list every bad file by name instead of failing on the first.

import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  categoriesSchema,
  containerSchema,
  describeIssues,
  executorSchema,
  type RawStep,
  resultSchema,
} from './allure-schema.ts';
import { compileCategoryRegex } from './categories.ts';
import type { Category, Executor, Fixture, FixtureKind, Parameter, Step, TestResult } from './model.ts';
import { readProperties } from './properties.ts';

/** A file that could not be read; `message` says what is wrong with it, without repeating its name. */
export class ResultFileError extends Error {
  override readonly name = 'ResultFileError';
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }
}

export type AllureFileKind =
  | 'result'
  | 'container'
  | 'categories'
  | 'environment'
  | 'executor'
  | 'attachment'
  /** Files no result refers to by their kind (history, logs, a macOS zip's resource forks). */
  | 'other';

/** What a file of a results folder holds, by its name (the folder it sits in does not matter). */
export function classifyAllureFile(path: string): AllureFileKind {
  const segments = path.split(/[\\/]/);
  const base = segments.at(-1) ?? '';
  // Zips made on macOS carry `__MACOSX/._name` resource forks: binary files under result names.
  if (segments.includes('__MACOSX') || base.startsWith('._')) return 'other';
  if (base.endsWith('-result.json')) return 'result';
  if (base.endsWith('-container.json')) return 'container';
  if (base === 'categories.json') return 'categories';
  if (base === 'environment.properties') return 'environment';
  if (base === 'executor.json') return 'executor';
  if (base.includes('-attachment')) return 'attachment';
  return 'other';
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: false });

function parseFile<T>(file: string, bytes: Uint8Array, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    throw new ResultFileError(file, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = schema.safeParse(json, { reportInput: true });
  } catch (error) {
    // A pathologically deep step tree overflows the stack; say so instead of crashing the import.
    throw new ResultFileError(
      file,
      `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!parsed.success) throw new ResultFileError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/**
 * The history id Allure's JavaScript adapters give a test that names none: its test case id (a hash
 * of its full name) and a hash of its parameters, so the same test with other parameters differs.
 */
export function deriveHistoryId(fullName: string, parameters: Parameter[] = [], testCaseId?: string): string {
  const caseId = testCaseId ?? md5(fullName);
  const counted = parameters
    .filter((parameter) => !parameter.excluded)
    .map((parameter) => `${parameter.name}:${parameter.value}`)
    .sort();
  return `${caseId}:${md5(counted.join(','))}`;
}

function parameters(raw: RawStep['parameters']): Parameter[] {
  return (raw ?? []).map((parameter) => ({
    name: parameter.name,
    value: parameter.value,
    ...(parameter.excluded != null && { excluded: parameter.excluded }),
    ...(parameter.mode != null && { mode: parameter.mode }),
  }));
}

/**
 * allure-js-commons 3 writes an attachment made inside a step as a step of its own holding only
 * that attachment (no status). Such a step is read as an attachment of its parent, as Allure 3
 * shows it, rather than as a step with an unknown status.
 */
function isAttachmentStep(raw: RawStep): boolean {
  const [only, ...more] = raw.attachments ?? [];
  return raw.status == null && !raw.steps?.length && only !== undefined && more.length === 0;
}

function attachments(raw: RawStep): Step['attachments'] {
  const own = raw.attachments ?? [];
  const folded = (raw.steps ?? []).filter(isAttachmentStep).flatMap((child) => child.attachments ?? []);
  return [...own, ...folded].map((attachment) => ({
    name: attachment.name,
    source: attachment.source,
    ...(attachment.type != null && { type: attachment.type }),
  }));
}

function step(raw: RawStep): Step {
  const details = raw.statusDetails ?? {};
  return {
    name: raw.name ?? '',
    status: raw.status ?? 'unknown',
    statusDetails: {
      ...(details.message != null && { message: details.message }),
      ...(details.trace != null && { trace: details.trace }),
      ...(details.known != null && { known: details.known }),
      ...(details.muted != null && { muted: details.muted }),
      ...(details.flaky != null && { flaky: details.flaky }),
    },
    ...(raw.start != null && { start: raw.start }),
    ...(raw.stop != null && { stop: raw.stop }),
    parameters: parameters(raw.parameters),
    attachments: attachments(raw),
    steps: (raw.steps ?? []).filter((child) => !isAttachmentStep(child)).map(step),
  };
}

/** One `*-result.json`: one execution of one test. Its fixtures come from containers (see folder). */
export function readAllureResult(file: string, bytes: Uint8Array): TestResult {
  const raw = parseFile(file, bytes, resultSchema);
  const { steps, attachments, statusDetails, start, stop } = step(raw);
  const name = raw.name ?? raw.fullName ?? raw.titlePath?.at(-1) ?? raw.uuid;
  const fullName = raw.fullName ?? (raw.titlePath?.length ? [...raw.titlePath, name].join(' ') : name);
  const params = parameters(raw.parameters);
  return {
    uuid: raw.uuid,
    historyId: raw.historyId ?? deriveHistoryId(fullName, params, raw.testCaseId ?? undefined),
    ...(raw.testCaseId != null && { testCaseId: raw.testCaseId }),
    fullName,
    name,
    status: raw.status ?? 'unknown',
    statusDetails,
    ...(start !== undefined && { start }),
    ...(stop !== undefined && { stop }),
    labels: raw.labels ?? [],
    links: (raw.links ?? []).map((link) => ({
      url: link.url,
      ...(link.name != null && { name: link.name }),
      ...(link.type != null && { type: link.type }),
    })),
    parameters: params,
    ...(raw.description != null && { description: raw.description }),
    steps,
    attachments,
    fixtures: [],
    file,
  };
}

/** A `*-container.json`: setup and teardown fixtures shared by the results it names as children. */
export interface ResultContainer {
  uuid: string;
  name?: string;
  /** The uuids of the results (or nested containers) the fixtures ran around. */
  children: string[];
  fixtures: Fixture[];
}

export function readAllureContainer(file: string, bytes: Uint8Array): ResultContainer {
  const raw = parseFile(file, bytes, containerSchema);
  const fixture = (kind: FixtureKind) => (fixtureStep: RawStep) => ({ ...step(fixtureStep), kind });
  return {
    uuid: raw.uuid,
    ...(raw.name != null && { name: raw.name }),
    children: raw.children ?? [],
    fixtures: [...(raw.befores ?? []).map(fixture('before')), ...(raw.afters ?? []).map(fixture('after'))],
  };
}

/** `categories.json`. Each regex is checked here, so a bad one is reported with its file. */
export function readCategories(file: string, bytes: Uint8Array): Category[] {
  const raw = parseFile(file, bytes, categoriesSchema);
  return raw.map((category, index) => {
    for (const key of ['messageRegex', 'traceRegex'] as const) {
      const pattern = category[key];
      if (pattern == null) continue;
      try {
        compileCategoryRegex(pattern);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ResultFileError(file, `[${index}].${key} is not a regular expression: ${reason}`);
      }
    }
    return {
      name: category.name,
      ...(category.matchedStatuses != null && { matchedStatuses: category.matchedStatuses }),
      ...(category.messageRegex != null && { messageRegex: category.messageRegex }),
      ...(category.traceRegex != null && { traceRegex: category.traceRegex }),
      ...(category.flaky != null && { flaky: category.flaky }),
    };
  });
}

/** `environment.properties`: what the tests ran on, as the Java properties format writes it. */
export function readEnvironmentProperties(file: string, bytes: Uint8Array): Record<string, string> {
  try {
    return readProperties(utf8.decode(bytes));
  } catch (error) {
    throw new ResultFileError(file, error instanceof Error ? error.message : String(error));
  }
}

/** `executor.json`: the CI job that ran the tests. */
export function readExecutor(file: string, bytes: Uint8Array): Executor {
  const raw = parseFile(file, bytes, executorSchema);
  const executor: Executor = {};
  for (const key of ['name', 'type', 'url', 'buildName', 'buildUrl', 'reportName', 'reportUrl'] as const) {
    const value = raw[key];
    if (value != null) executor[key] = value;
  }
  if (raw.buildOrder != null) executor.buildOrder = raw.buildOrder;
  return executor;
}
