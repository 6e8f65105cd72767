import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../../core/auth/schema.ts';
import { checkOneOf, resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';
import {
  type Category,
  type Executor,
  type FileProblem,
  type Label,
  type Link,
  type Parameter,
  type TestStatus,
  testStatuses,
} from '../../engines/test-results/model.ts';

// Test evidence: every run a project's CI uploads (an Allure results folder or a JUnit report), its
// test results and their steps, and the attachments they carry. A run is written by its import (a saga
// of its own, import-saga.ts) and shown only once `imported`: until then its rows are the import's scratch work, removed if the
// import fails or starts over, so a run is all or nothing.

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const workspaceColumn = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

const runColumn = () =>
  uuid('run_id')
    .notNull()
    .references(() => allureReport.id, { onDelete: 'cascade' });

export const runFormats = ['allure', 'junit'] as const;
export type RunFormat = (typeof runFormats)[number];

/**
 * uploading → queued → importing → imported | failed. Only imported runs are evidence; an upload
 * that never finished (its process died) is removed by the abandoned-uploads job after a while.
 */
export const runStatuses = ['uploading', 'queued', 'importing', 'imported', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Counts by status, as Allure's summary gives them. */
export interface StatusTotals {
  total: number;
  passed: number;
  failed: number;
  broken: number;
  skipped: number;
  unknown: number;
}

/** One uploaded test run (the seed's allure_report): where it came from, its import, its totals. */
export const allureReport = pgTable(
  'allure_report',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    name: text('name').notNull(),
    format: text('format').$type<RunFormat>().notNull(),
    commitSha: text('commit_sha'),
    branch: text('branch'),
    pipelineUrl: text('pipeline_url'),
    /** The environment the tests ran against (staging, a browser, …), as the uploader names it. */
    environment: text('environment'),
    executor: jsonb('executor').$type<Executor>(),
    /** environment.properties of an Allure folder. */
    environmentProperties: jsonb('environment_properties')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** categories.json of the folder; the defaults apply when it has none. */
    categories: jsonb('categories').$type<Category[]>().notNull().default(sql`'[]'::jsonb`),
    status: text('status').$type<RunStatus>().notNull().default('uploading'),
    skipInvalid: boolean('skip_invalid').notNull().default(false),
    uploadBytes: bigint('upload_bytes', { mode: 'number' }).notNull().default(0),
    filesTotal: integer('files_total'),
    filesRead: integer('files_read').notNull().default(0),
    /** Why the import failed: per file where a file was at fault. */
    importErrors: jsonb('import_errors').$type<FileProblem[]>().notNull().default(sql`'[]'::jsonb`),
    /** Files left out because skipInvalid was asked for, with why. */
    skippedFiles: jsonb('skipped_files').$type<FileProblem[]>().notNull().default(sql`'[]'::jsonb`),
    /** The attempt of the import saga's step that holds the run (each try starts over from the stored upload). */
    importAttempts: integer('import_attempts').notNull().default(0),
    /** Unused since imports run as sagas (the saga's lease holds the run): left empty. */
    leaseUntil: at('lease_until'),
    importedAt: at('imported_at'),
    startedAt: at('started_at'),
    stoppedAt: at('stopped_at'),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    totals: jsonb('totals')
      .$type<StatusTotals>()
      .notNull()
      .default(sql`'{"total":0,"passed":0,"failed":0,"broken":0,"skipped":0,"unknown":0}'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (table) => [
    index('allure_report_project_created_idx').on(table.projectId, table.createdAt, table.id),
    index('allure_report_branch_idx').on(table.projectId, table.branch, table.status, table.createdAt),
    index('allure_report_pending_idx').on(table.status, table.leaseUntil),
    checkOneOf('allure_report_status_check', table.status, runStatuses),
    checkOneOf('allure_report_format_check', table.format, runFormats),
  ],
);

export type RunRow = typeof allureReport.$inferSelect;

/**
 * The upload as received, in order, until its import ends: the job reads it back as a stream, so
 * a restarted import starts over from it, on whichever process takes the run.
 */
export const testRunUploadChunks = pgTable(
  'test_run_upload_chunks',
  {
    workspaceId: workspaceColumn(),
    runId: runColumn(),
    sequence: integer('sequence').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.sequence] })],
);

/** A retry of a test within a run: the scenario keeps its earlier attempts, as Allure shows them. */
export interface RetryAttempt {
  status: TestStatus;
  statusMessage?: string;
  startedAt?: string;
  stoppedAt?: string;
  durationMs?: number;
}

/**
 * One test in one run (the seed's allure_scenarios): the final result of its history id in the
 * run, with its earlier attempts. Labels are kept whole; the common ones are columns for filters.
 */
export const allureScenarios = pgTable(
  'allure_scenarios',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceColumn(),
    projectId: projectIdColumn(),
    runId: runColumn(),
    /** The adapter's uuid of the final attempt: fixtures in containers name it. */
    resultUuid: text('result_uuid').notNull(),
    historyId: text('history_id').notNull(),
    testCaseId: text('test_case_id'),
    fullName: text('full_name').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<TestStatus>().notNull(),
    statusMessage: text('status_message'),
    statusTrace: text('status_trace'),
    /** The failure category (categories.json, else product or test defects); null when passing. */
    category: text('category'),
    startedAt: at('started_at'),
    stoppedAt: at('stopped_at'),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    labels: jsonb('labels').$type<Label[]>().notNull().default(sql`'[]'::jsonb`),
    epic: text('epic'),
    feature: text('feature'),
    story: text('story'),
    suite: text('suite'),
    severity: text('severity'),
    owner: text('owner'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    parameters: jsonb('parameters').$type<Parameter[]>().notNull().default(sql`'[]'::jsonb`),
    links: jsonb('links').$type<Link[]>().notNull().default(sql`'[]'::jsonb`),
    /** The test's own attachments (its steps and fixtures carry theirs). */
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull().default(sql`'[]'::jsonb`),
    /** Earlier attempts of this test in the run, oldest first. */
    retries: jsonb('retries').$type<RetryAttempt[]>().notNull().default(sql`'[]'::jsonb`),
    /** Marked flaky by the adapter, known (a known issue) or muted, per Allure's statusDetails. */
    flaky: boolean('flaky').notNull().default(false),
    known: boolean('known').notNull().default(false),
    muted: boolean('muted').notNull().default(false),
    /** Quarantined by label (`quarantine`, `tag=quarantined`) or metadata: listed apart from flaky tests. */
    quarantined: boolean('quarantined').notNull().default(false),
    /** The status of this history id in the branch's previous imported run (new failures, flips). */
    previousStatus: text('previous_status').$type<TestStatus>(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('allure_scenarios_run_idx').on(table.runId, table.status),
    index('allure_scenarios_history_idx').on(table.projectId, table.historyId, table.startedAt),
    index('allure_scenarios_run_duration_idx').on(table.runId, table.durationMs),
    checkOneOf('allure_scenarios_status_check', table.status, testStatuses),
  ],
);

export type ScenarioRow = typeof allureScenarios.$inferSelect;

export const stepKinds = ['step', 'before', 'after'] as const;
export type StepKind = (typeof stepKinds)[number];

/** An attachment of a step or scenario, as stored: its bytes are in test_attachments by hash. */
export interface StoredAttachment {
  name: string;
  mediaType: string;
  size: number;
  /** sha256 hex of the bytes. */
  sha256: string;
}

/** Steps and fixtures of a scenario, nested by parent and ordered (the seed's allure_steps). */
export const allureSteps = pgTable(
  'allure_steps',
  {
    id: uuid('id').primaryKey(),
    workspaceId: workspaceColumn(),
    runId: runColumn(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => allureScenarios.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    position: integer('position').notNull(),
    kind: text('kind').$type<StepKind>().notNull().default('step'),
    name: text('name').notNull(),
    status: text('status').$type<TestStatus>().notNull(),
    statusMessage: text('status_message'),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    parameters: jsonb('parameters').$type<Parameter[]>().notNull().default(sql`'[]'::jsonb`),
    attachments: jsonb('attachments').$type<StoredAttachment[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (table) => [
    index('allure_steps_scenario_idx').on(table.scenarioId, table.position),
    index('allure_steps_run_idx').on(table.runId),
    checkOneOf('allure_steps_status_check', table.status, testStatuses),
    checkOneOf('allure_steps_kind_check', table.kind, stepKinds),
  ],
);

export type StepRow = typeof allureSteps.$inferSelect;

/**
 * Attachment bytes, once per workspace and content. `firstRunId` is the run whose import stored
 * them, so an import that fails removes what only it added.
 */
export const testAttachments = pgTable(
  'test_attachments',
  {
    workspaceId: workspaceColumn(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    content: bytea('content').notNull(),
    firstRunId: uuid('first_run_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.sha256] })],
);

/** Which run references which attachment, so an attachment is served only through a run that has it. */
export const testRunAttachments = pgTable(
  'test_run_attachments',
  {
    workspaceId: workspaceColumn(),
    runId: runColumn(),
    sha256: text('sha256').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.sha256] }),
    index('test_run_attachments_sha_idx').on(table.workspaceId, table.sha256),
  ],
);

/** A condition of a test gate that did not hold, in words and figures. */
export interface GateFailure {
  condition: string;
  /** Null when the run cannot give the figure (no durations recorded, no test ran). */
  actual: number | null;
  message: string;
}

/**
 * Each evaluation of a test gate on a run, kept: the gate's verdict is evidence too, and readiness
 * asks whether every quality gate was evaluated lately.
 */
export const testGateEvaluations = pgTable(
  'test_gate_evaluations',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    runId: runColumn(),
    /** The plan's quality gate whose threshold was evaluated, when the gate named one. */
    qualityGateId: uuid('quality_gate_id'),
    /** The conditions evaluated, as written (`failures = 0, passRate >= 98%`). */
    expression: text('expression').notNull(),
    passed: boolean('passed').notNull(),
    failures: jsonb('failures').$type<GateFailure[]>().notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (table) => [
    index('test_gate_evaluations_project_created_idx').on(table.projectId, table.createdAt, table.id),
    index('test_gate_evaluations_gate_idx').on(table.projectId, table.qualityGateId, table.createdAt),
  ],
);

export type GateEvaluationRow = typeof testGateEvaluations.$inferSelect;
