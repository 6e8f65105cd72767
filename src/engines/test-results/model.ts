// The shapes test results take once read, whatever wrote them: an Allure 2 results folder (the
// format every Allure adapter writes) or a JUnit XML report. Readers turn files into these; the
// test-evidence module stores them; analyses (categories, flakiness, gates) read them.

/** Allure's statuses. JUnit maps failure → failed, error → broken, skipped → skipped. */
export const testStatuses = ['passed', 'failed', 'broken', 'skipped', 'unknown'] as const;
export type TestStatus = (typeof testStatuses)[number];

export interface Label {
  name: string;
  value: string;
}

export interface Link {
  name?: string;
  url: string;
  type?: string;
}

export interface Parameter {
  name: string;
  value: string;
  excluded?: boolean;
  mode?: 'default' | 'hidden' | 'masked';
}

/** An attachment as a result names it: the file in the results folder (`source`) holds its bytes. */
export interface AttachmentRef {
  name: string;
  /** The file name in the results folder. */
  source: string;
  /** The media type the adapter declared, if any. */
  type?: string;
}

export interface StatusDetails {
  message?: string;
  trace?: string;
  /** Allure: the failure is a known issue. */
  known?: boolean;
  /** Allure: the test is muted (its result does not count). */
  muted?: boolean;
  /** Allure: the adapter marked the test flaky. */
  flaky?: boolean;
}

/** A step, a fixture (setup/teardown) or nested step; times in epoch milliseconds. */
export interface Step {
  name: string;
  status: TestStatus;
  statusDetails: StatusDetails;
  start?: number;
  stop?: number;
  parameters: Parameter[];
  attachments: AttachmentRef[];
  steps: Step[];
}

/** Where a fixture ran relative to its test. */
export type FixtureKind = 'before' | 'after';

export interface Fixture extends Step {
  kind: FixtureKind;
}

/** One test result: one execution of one test (a retried test has several with one history id). */
export interface TestResult {
  /** The adapter's id of this execution (unique per file). */
  uuid: string;
  /** Same test and same parameters across runs; retries within a run share it. */
  historyId: string;
  /** Same test across runs, whatever its parameters. */
  testCaseId?: string;
  fullName: string;
  name: string;
  status: TestStatus;
  statusDetails: StatusDetails;
  start?: number;
  stop?: number;
  labels: Label[];
  links: Link[];
  parameters: Parameter[];
  description?: string;
  steps: Step[];
  attachments: AttachmentRef[];
  /** Setup and teardown from the containers that list this result as a child. */
  fixtures: Fixture[];
  /** The file the result came from, for error messages. */
  file: string;
}

/** An Allure category (categories.json): failures whose status and message match it. */
export interface Category {
  name: string;
  matchedStatuses?: TestStatus[];
  /** A regular expression the whole message must match (Allure's semantics). */
  messageRegex?: string;
  traceRegex?: string;
  flaky?: boolean;
}

/** executor.json: what ran the tests (a CI job, its build, its URL). */
export interface Executor {
  name?: string;
  type?: string;
  url?: string;
  buildOrder?: number;
  buildName?: string;
  buildUrl?: string;
  reportName?: string;
  reportUrl?: string;
}

/** A file the reader could not take, and why. */
export interface FileProblem {
  file: string;
  message: string;
}

/** Everything one results folder or report holds, once read. */
export interface ReadResults {
  results: TestResult[];
  categories: Category[];
  /** environment.properties as key → value. */
  environment: Record<string, string>;
  executor?: Executor;
  /** Files that could not be read; the importer refuses the run unless skipping was asked for. */
  problems: FileProblem[];
}
