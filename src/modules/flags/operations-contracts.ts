import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { evaluationErrorCodes, evaluationReasons } from '../../engines/flag-eval/model.ts';
import { flagKeySchema, flagValueSchema } from './contracts.ts';
import { scheduledChangeStatuses, sdkKeyKinds } from './tables.ts';

// The shapes of what runs around the flags: preview evaluations, metrics, the stale list, code
// references, SDK keys and scheduled changes.

const environmentKey = z.string().min(1).max(50).describe('The environment key (production)');

export const evaluateSchema = z.strictObject({
  environment: environmentKey,
  context: z
    .record(z.string().max(100), z.unknown())
    .default({})
    .describe('The evaluation context: userId, sessionId, properties, or OFREP flat fields'),
});
export type EvaluateInput = z.output<typeof evaluateSchema>;

export const evaluationSchema = z
  .object({
    key: z.string(),
    value: flagValueSchema,
    variant: z.string().optional(),
    reason: z.enum(evaluationReasons),
    ruleId: z.string().optional(),
    failedPrerequisite: z.string().optional(),
    errorCode: z.enum(evaluationErrorCodes).optional(),
    errorMessage: z.string().optional(),
  })
  .meta({ id: 'FlagEvaluation' });

export const metricsQuery = z.strictObject({
  environment: environmentKey.optional().describe('One environment (default: all)'),
  from: z.iso.datetime({ offset: true }).optional().describe('Start, ISO 8601 (default: 7 days before `to`)'),
  to: z.iso.datetime({ offset: true }).optional().describe('End, ISO 8601 (default: now)'),
  bucket: z.enum(['hour', 'day']).default('hour').describe('Series resolution'),
});
export type MetricsQuery = z.output<typeof metricsQuery>;

const counts = {
  variant: z.string().describe('Empty when the flag has no variant'),
  yes: z.number(),
  no: z.number(),
};
export const metricsSchema = z
  .object({
    series: z.array(z.object({ time: z.date().describe('Start of the bucket'), ...counts })),
    totals: z.array(z.object(counts)),
    lastEvaluatedAt: z.date().nullable(),
  })
  .meta({ id: 'FlagMetrics' });
export type MetricsOutput = z.input<typeof metricsSchema>;

export const staleReasons = ['fully-rolled-out', 'unused', 'past-removal-date'] as const;
export type StaleReason = (typeof staleReasons)[number];

export const staleQuery = z.strictObject({
  unusedDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(30)
    .describe('Days without evaluation (and fully rolled out without change) that make a flag stale'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
});
export type StaleQuery = z.output<typeof staleQuery>;

const codeReference = z.object({ path: z.string(), line: z.number().int(), excerpt: z.string().nullable() });
export const staleFlagSchema = z
  .object({
    key: z.string(),
    reasons: z.array(z.enum(staleReasons)),
    removalDate: z.string().nullable(),
    lastEvaluatedAt: z.date().nullable(),
    codeReferences: z.array(codeReference).describe('Where the code still reads it'),
  })
  .meta({ id: 'StaleFlag' });
export type StaleFlag = z.input<typeof staleFlagSchema>;

export const codeReferencesPutSchema = z
  .strictObject({
    commitSha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/i, 'a git commit hash')
      .optional()
      .describe('The commit scanned'),
    references: z
      .array(
        z.strictObject({
          flagKey: flagKeySchema,
          path: z.string().min(1).max(1000).describe('File path in the repository'),
          line: z.number().int().min(1).describe('1-based line'),
          excerpt: z.string().max(500).optional().describe('The line, trimmed'),
        }),
      )
      .max(20_000)
      .describe("Every reference found; replaces the project's previous scan"),
  })
  .meta({ id: 'FlagCodeReferencesPut' });
export type CodeReferencesPut = z.output<typeof codeReferencesPutSchema>;

// SDK keys.

export const sdkKeyCreateSchema = z
  .strictObject({
    environment: environmentKey,
    kind: z.enum(sdkKeyKinds).describe('server: may read rules (Unleash client API); client: evaluates only'),
    name: z.string().trim().min(1).max(100).describe('What uses the key (checkout service)'),
  })
  .meta({ id: 'FlagSdkKeyCreate' });
export type SdkKeyCreate = z.output<typeof sdkKeyCreateSchema>;

export const sdkKeySchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    environmentId: z.uuid(),
    environment: z.string().describe('The environment key'),
    name: z.string(),
    kind: z.enum(sdkKeyKinds),
    prefix: z.string().describe("The secret's first characters, to tell keys apart"),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'FlagSdkKey' });
export type SdkKeyOutput = z.input<typeof sdkKeySchema>;

export const sdkKeyCreatedSchema = sdkKeySchema
  .extend({ secret: z.string().describe('The key; shown only now, store it safely') })
  .meta({ id: 'FlagSdkKeyCreated' });

export const sdkKeyParams = z.object({ projectId: z.uuid().describe('The project id'), id: z.uuid() });

// Scheduled changes.

const rolloutChange = z.strictObject({
  ruleId: z.string().min(1).max(100).describe('The rule whose rollout moves'),
  percentage: z.number().min(0).max(100),
});
export const scheduledChangeSchema = z
  .union([
    z.strictObject({ enabled: z.boolean().describe('Turn on or off') }),
    z.strictObject({ rollout: rolloutChange }),
  ])
  .meta({ id: 'FlagScheduledChangeBody' });

export const scheduleCreateSchema = z
  .strictObject({
    environment: environmentKey,
    runAt: z.iso
      .datetime({ offset: true })
      .describe('When to apply it (a past time applies at the next run)'),
    change: scheduledChangeSchema,
  })
  .meta({ id: 'FlagScheduleCreate' });
export type ScheduleCreate = z.output<typeof scheduleCreateSchema>;

export const rampCreateSchema = z
  .strictObject({
    environment: environmentKey,
    ruleId: z.string().min(1).max(100).describe('The rule whose rollout ramps'),
    steps: z
      .array(
        z.strictObject({
          at: z.iso.datetime({ offset: true }).describe('When the step applies'),
          percentage: z.number().min(0).max(100),
        }),
      )
      .min(1)
      .max(50)
      .describe('One scheduled change per step'),
  })
  .meta({ id: 'FlagRampCreate' });
export type RampCreate = z.output<typeof rampCreateSchema>;

export const scheduledChangeOutput = z
  .object({
    ...resourceOutputFields,
    flagId: z.uuid(),
    environmentId: z.uuid(),
    environment: z.string(),
    runAt: z.date(),
    change: z.object({
      enabled: z.boolean().optional(),
      rollout: z.object({ ruleId: z.string(), percentage: z.number() }).optional(),
    }),
    status: z.enum(scheduledChangeStatuses),
    appliedAt: z.date().nullable(),
    error: z.string().nullable().describe('Why it could not apply (status failed)'),
  })
  .meta({ id: 'FlagScheduledChange' });
export type ScheduledChangeOutput = z.input<typeof scheduledChangeOutput>;

export const scheduleParams = z.object({
  projectId: z.uuid().describe('The project id'),
  key: flagKeySchema,
  id: z.uuid().describe('The scheduled change'),
});
