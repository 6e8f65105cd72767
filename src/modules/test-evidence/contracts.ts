import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { runFormats, runStatuses } from './tables.ts';

// The shapes of a test run and of its upload. (Scenario shapes are in their own file.)

/** What an upload's Content-Type says it is, and how it is read. */
export const uploadKinds = {
  'application/zip': 'zip',
  'application/gzip': 'tar.gz',
  'application/x-gzip': 'tar.gz',
  'application/x-tar': 'tar',
  'application/xml': 'xml',
  'text/xml': 'xml',
} as const;
export type UploadKind = (typeof uploadKinds)[keyof typeof uploadKinds];
export const uploadMediaTypes: readonly string[] = Object.keys(uploadKinds);

export function uploadKindOf(mediaType: string): UploadKind | undefined {
  return Object.entries(uploadKinds).find(([type]) => type === mediaType)?.[1];
}

/**
 * The upload's body: the request stream itself, never read whole. Any other body (another media
 * type, parsed) passes validation so that the service answers 415 for it, after the project's 404.
 */
export const uploadBodySchema = z.unknown().meta({
  type: 'string',
  format: 'binary',
  description: 'A zipped or tarred Allure results folder, or a JUnit XML report',
});

const commitSha = z
  .string()
  .regex(/^[0-9a-f]{7,64}$/i, 'a git commit hash (7–64 hex digits)')
  .describe('The commit the tests ran on');

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('The CI pipeline (job) that ran the tests: an http(s) URL');

const label = (what: string) => z.string().trim().min(1).max(200).describe(what);

export const uploadQuerySchema = z.strictObject({
  name: label('The run\'s name (default: branch and short commit, else "Run <date>")').optional(),
  commit: commitSha.optional(),
  branch: label('The branch the tests ran on').optional(),
  pipelineUrl: httpUrl.optional(),
  environment: label('The environment the tests ran against (staging, a browser, …)').optional(),
  skipInvalid: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Import the files that can be read and list the others in skippedFiles (default false)'),
});
export type UploadQuery = z.output<typeof uploadQuerySchema>;

const totalsSchema = z
  .object({
    total: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    broken: z.number().int(),
    skipped: z.number().int(),
    unknown: z.number().int(),
  })
  .describe('Tests by final status (retries folded: one per test)')
  .meta({ id: 'TestRunTotals' });

const fileProblemSchema = z.object({ file: z.string(), message: z.string() }).meta({ id: 'TestFileProblem' });

const executorSchema = z
  .object({
    name: z.string().optional(),
    type: z.string().optional(),
    url: z.string().optional(),
    buildOrder: z.number().optional(),
    buildName: z.string().optional(),
    buildUrl: z.string().optional(),
    reportName: z.string().optional(),
    reportUrl: z.string().optional(),
  })
  .describe('executor.json of an Allure folder: the CI job that ran the tests');

export const testRunSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    name: z.string(),
    format: z.enum(runFormats),
    commitSha: z.string().nullable(),
    branch: z.string().nullable(),
    pipelineUrl: z.string().nullable(),
    environment: z.string().nullable(),
    executor: executorSchema.nullable(),
    environmentProperties: z.record(z.string(), z.string()).describe('environment.properties'),
    status: z
      .enum(runStatuses)
      .describe('uploading → queued → importing → imported | failed; only imported runs count as evidence'),
    progress: z
      .object({
        filesRead: z.number().int(),
        filesTotal: z.number().int().nullable().describe('Null until known (a zip tells at its end)'),
      })
      .describe('How far the import is'),
    importErrors: z
      .array(fileProblemSchema)
      .describe('Why the import failed, per file where one was at fault'),
    skippedFiles: z.array(fileProblemSchema).describe('Files left out because skipInvalid was asked for'),
    uploadBytes: z.number().int(),
    startedAt: z.date().nullable().describe('The earliest test start'),
    stoppedAt: z.date().nullable().describe('The latest test stop'),
    durationMs: z.number().int().nullable(),
    totals: totalsSchema,
    importedAt: z.date().nullable(),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'TestRun' });
export type TestRunOutput = z.input<typeof testRunSchema>;

export const runParams = z.object({
  projectId: z.uuid().describe('The project id'),
  runId: z.uuid().describe('The test run id'),
});

export const attachmentParams = runParams.extend({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a sha256 in lowercase hex')
    .describe('The attachment, by the sha256 of its bytes'),
});
