import { z } from 'zod';
import { filterParameterSchemas } from '../../core/resource/filters.ts';
import { defaultPageSize, maxPageSize } from '../../core/resource/service.ts';
import { testStatuses } from '../../engines/test-results/model.ts';
import { scenarioFilters, scenarioSortable } from './scenarios-filters.ts';
import { stepKinds } from './tables.ts';

// The shapes of the questions asked of imported runs: their scenarios and steps, failures by
// category, a test's history, trends, flaky and quarantined tests, and test gates.

export const runParams = z.object({
  projectId: z.uuid().describe('The project id'),
  runId: z.uuid().describe('The test run id'),
});
export const scenarioParams = runParams.extend({ scenarioId: z.uuid().describe('The scenario id') });
export const historyParams = z.object({
  projectId: z.uuid().describe('The project id'),
  historyId: z
    .string()
    .min(1)
    .max(200)
    .describe("The test's history id (same test, same parameters across runs)"),
});

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(maxPageSize)
  .default(defaultPageSize)
  .describe(`Page size (default ${defaultPageSize}, at most ${maxPageSize})`);
const cursor = z.string().max(2000).optional().describe('The nextCursor of the previous page');
const branch = z.string().min(1).max(200);

const status = z.enum(testStatuses);
export const changes = ['new-failure', 'fixed', 'still-failing'] as const;
export type Change = (typeof changes)[number];

const label = z.object({ name: z.string(), value: z.string() });
const parameter = z.object({
  name: z.string(),
  value: z.string(),
  excluded: z.boolean().optional(),
  mode: z.enum(['default', 'hidden', 'masked']).optional(),
});
const link = z.object({ name: z.string().optional(), url: z.string(), type: z.string().optional() });
const retry = z.object({
  status,
  statusMessage: z.string().optional(),
  startedAt: z.string().optional(),
  stoppedAt: z.string().optional(),
  durationMs: z.number().optional(),
});

export const scenarioListQuery = z.strictObject({
  limit,
  cursor,
  sort: z
    .string()
    .max(200)
    .default('fullName')
    .describe(
      `Comma-separated fields, '-' for descending: ${Object.keys(scenarioSortable).join(', ')}. Default fullName; -durationMs lists the slowest first`,
    ),
  q: z
    .string()
    .max(500)
    .optional()
    .describe('Words that must all appear in the full name or failure message'),
  ...filterParameterSchemas(scenarioFilters),
});
export type ScenarioListQuery = z.output<typeof scenarioListQuery>;

export const scenarioSchema = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    historyId: z.string(),
    testCaseId: z.string().nullable(),
    fullName: z.string(),
    name: z.string(),
    status,
    statusMessage: z.string().nullable(),
    category: z.string().nullable().describe('The failure category; null when it did not fail'),
    startedAt: z.date().nullable(),
    stoppedAt: z.date().nullable(),
    durationMs: z.number().nullable(),
    labels: z.array(label),
    epic: z.string().nullable(),
    feature: z.string().nullable(),
    story: z.string().nullable(),
    suite: z.string().nullable(),
    severity: z.string().nullable(),
    owner: z.string().nullable(),
    tags: z.array(z.string()),
    parameters: z.array(parameter),
    links: z.array(link),
    retries: z.array(retry).describe('Earlier attempts in this run, oldest first'),
    flaky: z.boolean().describe('Passed only after retries, or marked flaky by the adapter'),
    known: z.boolean(),
    muted: z.boolean(),
    quarantined: z.boolean(),
    previousStatus: status.nullable().describe("Its status in the branch's previous imported run"),
    change: z
      .enum(changes)
      .nullable()
      .describe('new-failure: fails now, passed before; fixed: passes now, failed before; still-failing'),
  })
  .meta({ id: 'TestScenario' });
export type ScenarioOutput = z.input<typeof scenarioSchema>;

const attachment = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string().describe("The attachment's path under /api/v1: its bytes, served as a download"),
});

export interface StepOutput {
  id: string;
  kind: (typeof stepKinds)[number];
  name: string;
  status: (typeof testStatuses)[number];
  statusMessage: string | null;
  durationMs: number | null;
  parameters: z.input<typeof parameter>[];
  attachments: z.input<typeof attachment>[];
  steps: StepOutput[];
}

const stepSchema: z.ZodType<StepOutput> = z
  .object({
    id: z.uuid(),
    kind: z.enum(stepKinds).describe('before and after: fixtures around the test'),
    name: z.string(),
    status,
    statusMessage: z.string().nullable(),
    durationMs: z.number().nullable(),
    parameters: z.array(parameter),
    attachments: z.array(attachment),
    get steps() {
      return z.array(stepSchema);
    },
  })
  .meta({ id: 'TestStep' });

export const scenarioDetailSchema = scenarioSchema
  .extend({
    statusTrace: z.string().nullable(),
    steps: z.array(stepSchema).describe('Fixtures and steps, nested, in the order they ran'),
    attachments: z.array(attachment).describe("The scenario's own attachments"),
  })
  .meta({ id: 'TestScenarioDetail' });
export type ScenarioDetail = z.input<typeof scenarioDetailSchema>;

const statusCounts = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  broken: z.number().int(),
  skipped: z.number().int(),
  unknown: z.number().int(),
});
export const categorySchema = z
  .object({
    name: z.string(),
    count: z.number().int(),
    statuses: statusCounts.describe('How many of its scenarios ended in each status'),
  })
  .meta({ id: 'TestCategory' });
export type CategoryOutput = z.input<typeof categorySchema>;

export const historyQuery = z.strictObject({
  limit,
  cursor,
  'filter[branch]': branch.optional().describe('Only runs of this branch'),
});
export type HistoryQuery = z.output<typeof historyQuery>;

export const historyEntrySchema = z
  .object({
    runId: z.uuid(),
    runName: z.string(),
    branch: z.string().nullable(),
    commitSha: z.string().nullable(),
    createdAt: z.date().describe('When the run was uploaded'),
    status,
    durationMs: z.number().nullable(),
    scenarioId: z.uuid(),
  })
  .meta({ id: 'TestHistoryEntry' });
export type HistoryEntry = z.input<typeof historyEntrySchema>;

export const trendQuery = z.strictObject({
  branch: branch.optional().describe('One branch (default: every branch, each its own series)'),
  interval: z.enum(['day', 'week']).default('day').describe('Bucket size (weeks start on Monday)'),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Start, ISO 8601 (default: 30 days before `to`)'),
  to: z.iso.datetime({ offset: true }).optional().describe('End, ISO 8601 (default: now)'),
});
export type TrendQuery = z.output<typeof trendQuery>;

export const trendPointSchema = z
  .object({
    period: z.date().describe('Start of the bucket'),
    branch: z.string().nullable(),
    runs: z.number().int(),
    passRate: z.number().nullable().describe('passed / (total - skipped), 0..1; null when nothing ran'),
    avgDurationMs: z.number().nullable().describe("The runs' average duration"),
    tests: z.number().int().describe('Tests per run, on average (rounded)'),
  })
  .meta({ id: 'TestTrendPoint' });
export type TrendPoint = z.input<typeof trendPointSchema>;

const windowFields = {
  branch: branch.optional().describe("The branch (default: the most recent imported run's branch)"),
  runs: z.coerce
    .number()
    .int()
    .min(2)
    .max(500)
    .default(30)
    .describe("How many of the branch's last imported runs to consider (default 30)"),
  limit,
  cursor,
};

export const flakyQuery = z.strictObject(windowFields);
export type FlakyQuery = z.output<typeof flakyQuery>;

export const flakyTestSchema = z
  .object({
    historyId: z.string(),
    testCaseId: z.string().nullable(),
    fullName: z.string(),
    runsConsidered: z.number().int().describe('Runs in the window where it passed or failed'),
    flips: z.number().int().describe('Changes between passing and failing from one run to the next'),
    flipRate: z.number().describe('flips / (runsConsidered - 1), 0..1'),
    firstFlipAt: z.date().nullable().describe('Upload time of the run of its first flip'),
    lastFlipAt: z.date().nullable().describe('Upload time of the run of its last flip'),
    retriedPasses: z.number().int().describe('Runs where it passed only after retries'),
    lastStatus: status.describe('Its status in the latest run of the window'),
  })
  .meta({ id: 'FlakyTest' });
export type FlakyTest = z.input<typeof flakyTestSchema>;

export const quarantinedQuery = z.strictObject(windowFields);
export type QuarantinedQuery = z.output<typeof quarantinedQuery>;

export const quarantinedTestSchema = z
  .object({
    historyId: z.string(),
    testCaseId: z.string().nullable(),
    fullName: z.string(),
    status: status.describe('Its latest status'),
    muted: z.boolean(),
    quarantined: z.boolean().describe('Labelled or tagged quarantine(d)'),
    runId: z.uuid().describe('The latest run it is in'),
    scenarioId: z.uuid(),
    runCreatedAt: z.date(),
  })
  .meta({ id: 'QuarantinedTest' });
export type QuarantinedTest = z.input<typeof quarantinedTestSchema>;

export const gateQuery = z.strictObject({
  gate: z
    .string()
    .min(1)
    .max(2000)
    .describe(
      "Conditions (`failures = 0, passRate >= 98%, newFailures = 0, maxDuration <= 30s`), or the id or name of one of the plan's quality gates, whose threshold holds them",
    ),
});
export type GateQuery = z.output<typeof gateQuery>;

export const gateAnswerSchema = z
  .object({
    passed: z.boolean(),
    expression: z.string().describe('The conditions evaluated'),
    qualityGateId: z.uuid().nullable().describe('The quality gate named, if one was'),
    failures: z.array(
      z.object({
        condition: z.string(),
        actual: z.number().nullable().describe('The figure the run has; null when it cannot say'),
        message: z.string(),
      }),
    ),
    evaluationId: z.uuid().describe('The stored evaluation'),
  })
  .meta({ id: 'TestGateResult' });
export type GateAnswer = z.input<typeof gateAnswerSchema>;
