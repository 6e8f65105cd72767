// The shapes of the test-evidence answers the CLI reads, as the API describes them.

export type TestStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';
export type RunStatus = 'uploading' | 'queued' | 'importing' | 'imported' | 'failed';

export interface FileProblem {
  file: string;
  message: string;
}

export interface StatusTotals {
  total: number;
  passed: number;
  failed: number;
  broken: number;
  skipped: number;
  unknown: number;
}

export interface TestRun {
  id: string;
  projectId: string;
  name: string;
  format: 'allure' | 'junit';
  commitSha: string | null;
  branch: string | null;
  pipelineUrl: string | null;
  environment: string | null;
  status: RunStatus;
  progress: { filesRead: number; filesTotal: number | null };
  importErrors: FileProblem[];
  skippedFiles: FileProblem[];
  uploadBytes: number;
  durationMs: number | null;
  totals: StatusTotals;
  importedAt: string | null;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface TestScenario {
  id: string;
  historyId: string;
  fullName: string;
  status: TestStatus;
  statusMessage: string | null;
  category: string | null;
  durationMs: number | null;
  retries: unknown[];
  flaky: boolean;
  previousStatus: TestStatus | null;
  change: string | null;
}

export interface CategoryCount {
  name: string;
  count: number;
  /** How many of its scenarios ended in each status. */
  statuses: Record<TestStatus, number>;
}

export interface GateFailure {
  condition: string;
  actual: number | string | null;
  message: string;
}

export interface GateEvaluation {
  passed: boolean;
  expression: string;
  qualityGateId: string | null;
  failures: GateFailure[];
  evaluationId: string;
}

export interface FlakyTest {
  historyId: string;
  testCaseId: string | null;
  fullName: string;
  runsConsidered: number;
  flips: number;
  flipRate: number;
  firstFlipAt: string | null;
  lastFlipAt: string | null;
  retriedPasses: number;
  lastStatus: TestStatus;
}

/** The flaky and quarantined lists say which branch they looked at. */
export interface BranchPage<T> extends Page<T> {
  branch: string | null;
}

export interface QuarantinedTest {
  historyId: string;
  testCaseId: string | null;
  fullName: string;
  status: TestStatus;
  muted: boolean;
  quarantined: boolean;
  runId: string;
  scenarioId: string;
  runCreatedAt: string;
}

export interface HistoryEntry {
  runId: string;
  runName: string;
  branch: string | null;
  commitSha: string | null;
  createdAt: string;
  status: TestStatus;
  durationMs: number | null;
  scenarioId: string;
}

export interface TrendPoint {
  period: string;
  branch: string | null;
  runs: number;
  passRate: number | null;
  avgDurationMs: number | null;
  tests: number;
}
