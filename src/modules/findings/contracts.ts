import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';

// The shapes of findings on the API: a finding set (one SARIF run uploaded) and its upload.

/** The media types a SARIF upload is sent as; both are read as JSON. */
export const sarifMediaTypes = ['application/sarif+json', 'application/json'] as const;

const commitSha = z
  .string()
  .regex(/^[0-9a-f]{7,64}$/i, 'a git commit hash (7–64 hex digits)')
  .describe('The commit the analysers ran on');

export const sarifUploadQuerySchema = z.strictObject({
  commit: commitSha.optional(),
  branch: z.string().trim().min(1).max(200).describe('The branch the analysers ran on').optional(),
});
export type SarifUploadQuery = z.output<typeof sarifUploadQuerySchema>;

/** The upload's body: the SARIF log's bytes, read by the service (so its problems carry SARIF paths). */
export const sarifBodySchema = z.unknown().meta({
  type: 'string',
  format: 'binary',
  description: 'A SARIF 2.1.0 log (JSON), as ESLint, Biome, Semgrep, CodeQL and most analysers write it',
});

export const findingSetCountsSchema = z
  .object({
    results: z.number().int().describe('Results in the run (suppressed ones included)'),
    opened: z.number().int().describe('Findings this upload opened'),
    seenAgain: z
      .number()
      .int()
      .describe('Findings already known (open, accepted or false-positive) reported again'),
    reopened: z.number().int().describe('Fixed findings reported again: open again'),
    closed: z.number().int().describe('Open findings of the stream this upload no longer reports: now fixed'),
    suppressed: z
      .number()
      .int()
      .describe('Results the log suppresses (SARIF suppressions): counted, not opened'),
  })
  .meta({ id: 'FindingSetCounts' });

export const findingSetSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    tool: z.string().describe('The analyser (runs[].tool.driver.name)'),
    toolVersion: z.string().nullable(),
    stream: z
      .string()
      .describe(
        "runs[].automationDetails.id, else the tool's name: a newer upload of the stream closes what it no longer reports",
      ),
    commitSha: z.string().nullable(),
    branch: z.string().nullable(),
    counts: findingSetCountsSchema,
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'FindingSet' });
export type FindingSetOutput = z.input<typeof findingSetSchema>;

export const findingSetParams = z.object({
  projectId: z.uuid().describe('The project id'),
  id: z.uuid().describe('The finding set id'),
});

export const uploadAnswerSchema = z.object({
  data: z.array(findingSetSchema).describe('One set per SARIF run'),
});
