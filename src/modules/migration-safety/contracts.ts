import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';

// The shapes of the migration-safety API: what is linted, the engine's report, recorded runs,
// a project's lint settings and the rule catalogue.

/** What one request may carry: a whole repository's migrations, but not a data dump. */
export const lintLimits = {
  files: 2000,
  fileBytes: 1024 * 1024,
  totalBytes: 10 * 1024 * 1024,
} as const;

export const minPgVersion = 10;
export const maxPgVersion = 18;
export const defaultPgVersion = 16;

const pgVersion = z
  .number()
  .int()
  .min(minPgVersion)
  .max(maxPgVersion)
  .describe(`Target PostgreSQL major version (${minPgVersion}–${maxPgVersion}); verdicts depend on it`);

const ruleId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id such as require-concurrent-index-creation')
  .describe('A rule id (GET /migrations/rules lists them)');

const disabledRules = z.array(ruleId).max(200).describe('Rule ids switched off for the whole run');

export const migrationFileSchema = z
  .strictObject({
    path: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Where the file lives in the repository, as findings and risks name it'),
    sql: z.string().describe(`The file's SQL (at most ${lintLimits.fileBytes} bytes, UTF-8)`),
    runsInTransaction: z
      .boolean()
      .optional()
      .describe('The migration tool wraps this file in a transaction (Drizzle, dbmate)'),
  })
  .meta({ id: 'MigrationFile' });

const lintFields = {
  files: z
    .array(migrationFileSchema)
    .min(1)
    .describe(
      `The migration files, in the order they run: at most ${lintLimits.files} files, ${lintLimits.fileBytes} bytes each and ${lintLimits.totalBytes} bytes in all (413 beyond)`,
    ),
  pgVersion: pgVersion.optional().describe("Default: the project's lint settings"),
  disabledRules: disabledRules.optional().describe("Default: the project's lint settings"),
  assumeInTransaction: z
    .boolean()
    .optional()
    .describe('Treat every file as run inside one transaction, whatever it says'),
};

export const lintRequestSchema = z.strictObject(lintFields).meta({ id: 'MigrationLintRequest' });
export type LintRequest = z.output<typeof lintRequestSchema>;

export const lintRunRequestSchema = z
  .strictObject({
    ...lintFields,
    strategyId: z
      .uuid()
      .optional()
      .describe(
        "The plan's migration strategy these migrations belong to (default: the project's default strategy)",
      ),
    commitSha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/i, 'a git commit hash')
      .optional()
      .describe('The commit the migrations were read from'),
  })
  .meta({ id: 'MigrationLintRunRequest' });
export type LintRunRequest = z.output<typeof lintRunRequestSchema>;

// The engine's report (src/engines/sql-lint/types.ts), as the API shows it.

const severity = z.enum(['error', 'warning']);

const lockSchema = z.object({
  table: z.string(),
  mode: z.string().describe('PostgreSQL lock mode, e.g. ACCESS EXCLUSIVE'),
  blocks: z.string().describe('What other sessions wait for while it is held'),
  rewrite: z.boolean().describe('The whole table is rewritten'),
  scan: z.boolean().describe('The whole table is read'),
});

export const findingSchema = z
  .object({
    ruleId: z.string(),
    severity,
    message: z.string(),
    path: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    statement: z.string().describe('The statement, shortened to a few lines'),
    why: z.string(),
    recipe: z.string().describe('The safe way to make the same change (Markdown)'),
  })
  .meta({ id: 'MigrationLintFinding' });

const fileReportSchema = z.object({
  path: z.string(),
  statements: z.array(
    z.object({
      line: z.number().int(),
      kind: z.string(),
      locks: z.array(lockSchema),
      inTransaction: z.boolean(),
      locksHeldUntilLine: z
        .number()
        .int()
        .nullable()
        .describe('Inside a transaction, the line where it ends: the locks are held until then'),
    }),
  ),
  findings: z.array(findingSchema),
  unanalysed: z.array(z.object({ path: z.string(), line: z.number().int(), reason: z.string() })),
  ignored: z.array(z.object({ ruleId: z.string(), line: z.number().int(), reason: z.string() })),
  parseError: z
    .object({ message: z.string(), line: z.number().int(), column: z.number().int() })
    .nullable()
    .describe("Set when the file does not parse: PostgreSQL's message and where"),
});

const summaryFields = {
  files: z.number().int(),
  statements: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  parseErrors: z.number().int(),
};

export const lintReportSchema = z
  .object({
    pgVersion: z.number().int(),
    files: z.array(fileReportSchema),
    summary: z.object(summaryFields),
  })
  .meta({ id: 'MigrationLintReport' });

// Recorded runs.

const runFields = {
  ...resourceOutputFields,
  projectId: z.uuid(),
  strategyId: z.uuid().nullable().describe('The migration strategy its risks were recorded against'),
  commitSha: z.string().nullable(),
  pgVersion: z.number().int(),
  ...summaryFields,
};

export const lintRunSummarySchema = z.object(runFields).meta({ id: 'MigrationLintRunSummary' });
export const lintRunSchema = z
  .object({ ...runFields, report: lintReportSchema })
  .meta({ id: 'MigrationLintRun' });
export const recordedRunSchema = z
  .object({
    ...runFields,
    report: lintReportSchema,
    risks: z
      .object({
        created: z.number().int().describe('Findings recorded as new migration risks'),
        alreadyOpen: z.number().int().describe('Findings that already had an open risk'),
      })
      .describe('What the run added to plan.migration_risks'),
  })
  .meta({ id: 'MigrationLintRunRecorded' });
export type RecordedRun = z.output<typeof recordedRunSchema>;

// Settings.

export const lintSettingsSchema = z
  .object({
    pgVersion: z.number().int(),
    disabledRules: z.array(z.string()),
    defaultStrategyId: z.uuid().nullable(),
    version: z.number().int().describe('0 while the defaults apply; send it back (or If-Match) to update'),
    isDefault: z.boolean().describe('True while the project has not set its own'),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'MigrationLintSettings' });
export type LintSettings = z.output<typeof lintSettingsSchema>;

export const lintSettingsRequestSchema = z
  .strictObject({
    pgVersion: pgVersion.default(defaultPgVersion),
    disabledRules: disabledRules.default([]),
    defaultStrategyId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The migration strategy lint runs record risks against when they name none'),
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('The version you read; answers 412 if it changed since'),
  })
  .meta({ id: 'MigrationLintSettingsRequest' });
export type LintSettingsRequest = z.output<typeof lintSettingsRequestSchema>;

// The rule catalogue.

export const ruleSchema = z
  .object({
    id: z.string(),
    severity,
    title: z.string(),
    why: z.string(),
    recipe: z.string().describe('The safe way, step by step (Markdown)'),
    lock: z.string().describe('The lock involved, in words'),
    versions: z.string().nullable().describe('How the PostgreSQL version changes the answer'),
    examples: z.object({ unsafe: z.string(), safe: z.string() }),
  })
  .meta({ id: 'MigrationLintRule' });

export const ruleListSchema = z.object({ data: z.array(ruleSchema), nextCursor: z.null() });

export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });
export const runParams = projectParams.extend({ runId: z.uuid().describe('The lint run id') });
