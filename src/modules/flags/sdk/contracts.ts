import { z } from 'zod';

// The shapes of the SDK endpoints: OFREP's (OpenFeature Remote Evaluation Protocol) and Unleash's
// client API. SDK bodies are loose objects: SDKs add fields release after release, and refusing
// an unknown one would break an application on an SDK upgrade.

export const sdkTags = ['Feature flags: SDK endpoints'];

export const ofrepFlagParams = z.strictObject({
  key: z.string().min(1).max(200).describe('The flag key'),
});

/** OFREP bodies reach the service unparsed, so that malformed JSON is OFREP's PARSE_ERROR. */
export const ofrepRequestBody = z
  .instanceof(Buffer)
  .optional()
  .meta({
    type: 'object',
    description:
      '`{"context": {...}}`: the evaluation context, flat as OpenFeature sends it (`targetingKey` is read as userId when userId is absent; other fields are properties)',
    properties: { context: { type: 'object', additionalProperties: true } },
  });

export const conditionalHeaders = z.looseObject({
  'if-none-match': z.string().optional().describe('The ETag of the last answer: 304 while nothing changed'),
});

const flagValue = z.unknown().describe('boolean, string, number or JSON, by the flag type');

export const ofrepSuccessSchema = z
  .object({
    key: z.string(),
    value: flagValue,
    reason: z
      .string()
      .describe(
        'STATIC, TARGETING_MATCH, SPLIT, DISABLED, DEFAULT or PREREQUISITE_FAILED (OpenFeature reasons)',
      ),
    variant: z.string().optional(),
    metadata: z
      .object({ ruleId: z.string().optional(), failedPrerequisite: z.string().optional() })
      .describe('The rule that selected the context, or the prerequisite that failed'),
  })
  .meta({ id: 'OfrepEvaluation' });

export const ofrepFailureSchema = z
  .object({
    key: z.string(),
    errorCode: z.enum([
      'PARSE_ERROR',
      'TARGETING_KEY_MISSING',
      'INVALID_CONTEXT',
      'GENERAL',
      'FLAG_NOT_FOUND',
    ]),
    errorDetails: z.string(),
  })
  .meta({ id: 'OfrepEvaluationFailure' });

export const ofrepBulkSchema = z
  .object({ flags: z.array(z.union([ofrepSuccessSchema, ofrepFailureSchema])) })
  .meta({ id: 'OfrepBulkEvaluation' });

export const unleashFeaturesQuery = z.looseObject({
  namePrefix: z.string().max(200).optional().describe('Only flags whose key starts with this'),
  project: z.string().optional().describe('Ignored: the SDK key names the project'),
});

export const unleashFeaturesSchema = z
  .looseObject({
    version: z.literal(2),
    features: z.array(z.looseObject({ name: z.string() })),
    segments: z.array(z.looseObject({ id: z.number() })),
    query: z.looseObject({ environment: z.string() }),
    meta: z.looseObject({ etag: z.string() }),
  })
  .meta({ id: 'UnleashClientFeatures' });

export const unleashRegistrationSchema = z.looseObject({
  appName: z.string().max(500),
  instanceId: z.string().max(500).optional(),
  sdkVersion: z.string().max(200).optional(),
  strategies: z.array(z.string()).optional(),
  interval: z.number().optional(),
});

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const unleashMetricsSchema = z.looseObject({
  appName: z.string().max(500),
  instanceId: z.string().max(500).optional(),
  bucket: z.looseObject({
    start: z.string().optional(),
    stop: z.string().optional(),
    toggles: z.record(
      z.string().min(1).max(200),
      z.looseObject({ yes: count, no: count, variants: z.record(z.string(), count).optional() }),
    ),
  }),
});

export type UnleashMetrics = z.output<typeof unleashMetricsSchema>;

export const accepted = z.null().describe('Accepted');

export const notModified = z.null().describe('Not modified: the ETag named in If-None-Match is current');
