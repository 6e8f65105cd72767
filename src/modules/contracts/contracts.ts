import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { type DiffResult, type Finding, sections } from '../../engines/openapi-diff/index.ts';

// The shapes of the contract-checks API: uploads of contract versions, the engine's diff with the
// consumers each change affects, reviews, consumers, a project's settings and stateless diffs.

/** The media types an upload may come as, besides a JSON body carrying the document as text. */
export const uploadMediaTypes = {
  json: 'application/json',
  text: ['application/yaml', 'application/x-yaml', 'text/yaml', 'application/graphql'],
  archives: ['application/zip', 'application/gzip', 'application/x-gzip', 'application/x-tar'],
} as const;
export const rawUploadTypes: readonly string[] = [
  uploadMediaTypes.json,
  ...uploadMediaTypes.text,
  ...uploadMediaTypes.archives,
];

const versionLabel = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'a version label such as 2.3.0, v2 or 2024-06-01')
  .describe('The version label (semantic version, date, …), unique within the contract');
const commitSha = z
  .string()
  .regex(/^[0-9a-f]{7,64}$/i, 'a git commit hash')
  .describe('The commit the document was read from');
const filename = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('The file name (openapi.yaml, schema.graphql): it tells YAML, JSON and GraphQL apart');
const entry = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .describe(
    "In an archive, the file that is the contract's entry (default: openapi.yaml/json, schema.graphql)",
  );

export const uploadJsonSchema = z
  .strictObject({
    version: versionLabel,
    commit: commitSha.optional(),
    content: z
      .string()
      .min(1)
      .describe('The document: OpenAPI 3.x or Swagger 2.0 as YAML or JSON, or GraphQL SDL'),
    filename: filename.optional(),
  })
  .meta({ id: 'ContractVersionUpload' });
export type UploadJson = z.output<typeof uploadJsonSchema>;

/** The raw body of an upload: the document or an archive of it, as the Content-Type says. */
export const rawUploadSchema = z
  .instanceof(Buffer)
  .meta({ type: 'string', format: 'binary', description: 'The document, or a zip/tar/tar.gz bundle of it' });

export const uploadQuerySchema = z.strictObject({
  version: versionLabel.optional().describe('With a raw body: the version label (required then)'),
  commit: commitSha.optional(),
  entry: entry.optional(),
  filename: filename.optional(),
});
export type UploadQuery = z.output<typeof uploadQuerySchema>;

// The engine's findings and diffs (src/engines/openapi-diff/types.ts), as the API shows them.

export const findingLevels = ['ERR', 'WARN', 'INFO'] as const;
export type FindingLevel = (typeof findingLevels)[number];
const level = z.enum(findingLevels);

const findingFields = {
  ruleId: z.string(),
  level,
  section: z.enum(sections).describe('The part of the rule catalogue the rule belongs to'),
  message: z.string(),
  operation: z.string().nullable().describe('GET /users/{id}; null for changes to the whole document'),
  operationKey: z.string().nullable().describe('The operation with parameter names blanked: GET /users/{}'),
  field: z
    .string()
    .nullable()
    .describe('The field a consumer may use: query.limit, response.200.body.name, …'),
  pointer: z.string().describe('JSON pointer to the change, in the document of `side`'),
  side: z.enum(['base', 'revision']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
};
export const findingSchema = z.object(findingFields).meta({ id: 'ContractFinding' });

const consumerRef = z.object({ id: z.uuid(), name: z.string() });
export const impactedFindingSchema = z
  .object({
    ...findingFields,
    consumers: z.array(consumerRef).describe('Registered consumers that use what changed (ERR and WARN)'),
    unused: z
      .boolean()
      .describe('An ERR or WARN change no registered consumer uses (false while none is registered)'),
  })
  .meta({ id: 'ContractImpactedFinding' });

const countsSchema = z.object({ ERR: z.number().int(), WARN: z.number().int(), INFO: z.number().int() });
const sideSchema = z.object({ title: z.string().nullable(), version: z.string().nullable() });
const diffFields = {
  kind: z.enum(['openapi', 'graphql']),
  base: sideSchema,
  revision: sideSchema,
  summary: countsSchema,
  operations: z.object({
    base: z.number().int(),
    revision: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
  }),
};

export const diffResultSchema = z
  .object({ ...diffFields, findings: z.array(findingSchema) })
  .meta({ id: 'ContractDiffResult' });

export const storedDiffSchema = z
  .object({
    ...diffFields,
    findings: z.array(impactedFindingSchema),
    consumers: z.number().int().describe('Consumers registered when the diff was computed'),
  })
  .meta({ id: 'ContractImpactDiff' });

/** A finding with the consumers it affects: what a stored diff holds (the engine's types, extended). */
export type ImpactedFinding = Finding & { consumers: { id: string; name: string }[]; unused: boolean };
/** A diff with its impact, as versions store it. */
export type StoredDiff = Omit<DiffResult, 'findings'> & { findings: ImpactedFinding[]; consumers: number };

// Versions.

export const reviewStatusSchema = z
  .enum(['not-required', 'pending', 'accepted', 'rejected'])
  .describe('Versions with ERR changes wait for a review (pending); others need none');

export const contractVersionSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    contractId: z.uuid(),
    label: z.string(),
    commitSha: z.string().nullable(),
    kind: z.enum(['openapi', 'graphql']),
    contentHash: z.string().describe('SHA-256 of the bundled document, the same for YAML and JSON'),
    openapiVersion: z.string().nullable(),
    convertedFrom: z.string().nullable().describe('2.0 when a Swagger document was converted'),
    title: z.string().nullable(),
    declaredVersion: z.string().nullable().describe("The document's own info.version"),
    files: z.array(z.string()).describe('The files bundled into the document'),
    documentBytes: z.number().int(),
    uploadedBy: z.uuid().nullable(),
    previousVersionId: z.uuid().nullable().describe('The version it was compared with'),
    summary: countsSchema.describe('Changes against the previous version, by level'),
    review: z.object({
      status: reviewStatusSchema,
      reviewedBy: z.uuid().nullable(),
      reviewedAt: z.date().nullable(),
      note: z.string().nullable(),
    }),
    document: z
      .unknown()
      .optional()
      .describe('With ?include=document: the bundled OpenAPI document, or the GraphQL SDL'),
  })
  .meta({ id: 'ContractVersion' });
export type ContractVersion = z.output<typeof contractVersionSchema>;

export const verdictSchema = z
  .object({
    outcome: z.enum(['pass', 'fail']),
    failOn: z.enum(['ERR', 'WARN', 'INFO', 'never']),
    reviewRequired: z.boolean(),
  })
  .describe("Judged by the project's failOn setting: fail when a change is at that level or above");

export const uploadAnswerSchema = z
  .object({
    version: contractVersionSchema,
    unchanged: z.boolean().describe('The same document as the latest version: nothing was stored'),
    diff: storedDiffSchema.nullable().describe('Against the previous version; null for the first one'),
    verdict: verdictSchema,
    plan: z
      .object({
        breakingChanges: z.array(z.uuid()),
        migrationGuideId: z.uuid().nullable(),
        affectedConsumers: z.number().int(),
        deprecationSchedules: z.array(z.uuid()),
      })
      .describe('What the upload recorded in the plan (breaking change management)'),
  })
  .meta({ id: 'ContractVersionUploaded' });
export type UploadAnswer = z.output<typeof uploadAnswerSchema>;

export const versionDiffSchema = z
  .object({
    from: z.object({ id: z.uuid(), label: z.string() }),
    to: z.object({ id: z.uuid(), label: z.string() }),
    diff: storedDiffSchema,
  })
  .meta({ id: 'ContractVersionDiff' });

export const reviewRequestSchema = z
  .strictObject({
    decision: z.enum(['accepted', 'rejected']),
    note: z.string().trim().max(10_000).optional().describe('Why (kept in the audit trail)'),
    version: z.number().int().min(1).optional().describe('The version you read; 412 if it changed since'),
  })
  .meta({ id: 'ContractVersionReview' });
export type ReviewRequest = z.output<typeof reviewRequestSchema>;

export const migrationGuideSchema = z
  .object({
    from: z.object({ id: z.uuid(), label: z.string() }),
    to: z.object({ id: z.uuid(), label: z.string() }),
    markdown: z.string(),
  })
  .meta({ id: 'ContractMigrationGuide' });

// Consumers.

const operationKey = z
  .string()
  .max(500)
  .regex(
    /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) \/\S*$/,
    'an operation such as GET /users/{} or GET /users/42',
  );
const usedField = z.string().min(1).max(500);

export const consumerUsesSchema = z
  .strictObject({
    operations: z
      .array(operationKey)
      .max(5000)
      .describe('The operations it calls: GET /users/{} (parameter names blanked) or a concrete path'),
    fields: z
      .record(operationKey, z.array(usedField).max(2000))
      .optional()
      .describe('Per operation, the fields it relies on (response.200.body.name); without, all of them'),
  })
  .meta({ id: 'ContractConsumerUses' });
export type ConsumerUses = z.output<typeof consumerUsesSchema>;

const consumerName = z.string().trim().min(1).max(200);
const contact = z.string().trim().min(1).max(200).nullable();

export const consumerCreateSchema = z
  .strictObject({
    name: consumerName.describe('Unique within the contract'),
    contact: contact.optional().describe('Who to tell about breaking changes'),
    uses: consumerUsesSchema.default({ operations: [] }),
  })
  .meta({ id: 'ContractConsumerCreate' });
export const consumerUpdateSchema = z
  .strictObject({
    name: consumerName.optional(),
    contact: contact.optional(),
    uses: consumerUsesSchema.optional(),
    version: z.number().int().min(1).optional().describe('The version you read; 412 if it changed since'),
  })
  .meta({ id: 'ContractConsumerUpdate' });

export const consumerSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    contractId: z.uuid(),
    name: z.string(),
    contact: z.string().nullable(),
    uses: z
      .object({
        operations: z.array(z.string()),
        fields: z.record(z.string(), z.array(z.string())).optional(),
      })
      .describe('What it calls and, per operation, the fields it relies on (from a Pact file as read)'),
    source: z.enum(['manual', 'pact']).describe('pact once a Pact file said what it uses'),
    pactUploadedAt: z.date().nullable(),
  })
  .meta({ id: 'ContractConsumer' });

export const pactSchema = z
  .record(z.string(), z.unknown())
  .describe('A Pact file (specification v2 or v3): consumer, provider and interactions')
  .meta({ id: 'PactFile' });

// Settings.

const ruleId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id such as response-property-removed')
  .describe('A rule id (GET /contracts/rules lists them)');
const failOn = z
  .enum(['ERR', 'WARN', 'INFO', 'never'])
  .describe('An upload fails when a change is at this level or above');
const diffOptionFields = {
  minDeprecationDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .describe('Days a deprecation must last before its sunset'),
  disabledRules: z.array(ruleId).max(500).describe('Rule ids switched off'),
  levelOverrides: z.record(ruleId, level).describe('Levels changed per rule id'),
};

export const settingsSchema = z
  .object({
    ...diffOptionFields,
    failOn,
    version: z.number().int().describe('0 while the defaults apply; send it back (or If-Match) to update'),
    isDefault: z.boolean(),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'ContractSettings' });
export type ContractSettings = z.output<typeof settingsSchema>;

export const settingsRequestSchema = z
  .strictObject({
    minDeprecationDays: diffOptionFields.minDeprecationDays.default(90),
    disabledRules: diffOptionFields.disabledRules.default([]),
    levelOverrides: diffOptionFields.levelOverrides.default({}),
    failOn: failOn.default('ERR'),
    version: z.number().int().min(0).optional().describe('The version you read; 412 if it changed since'),
  })
  .meta({ id: 'ContractSettingsRequest' });
export type SettingsRequest = z.output<typeof settingsRequestSchema>;

// Stateless diffs.

const documentInput = z.strictObject({
  content: z.string().min(1).describe('The document as YAML, JSON or GraphQL SDL'),
  filename: filename.optional(),
});

export const statelessDiffSchema = z
  .strictObject({
    base: documentInput.describe('The version clients use today'),
    revision: documentInput.describe('The version about to ship'),
    options: z
      .strictObject({
        ...diffOptionFields,
        today: z.iso.date().describe('The day sunsets are judged on (default: today, UTC)'),
      })
      .partial()
      .optional(),
  })
  .meta({ id: 'ContractDiffRequest' });
export type StatelessDiffRequest = z.output<typeof statelessDiffSchema>;

export const ruleListSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      level,
      section: z.enum(sections),
      title: z.string(),
      why: z.string(),
    }),
  ),
  nextCursor: z.null(),
});

// Path parameters.

export const projectParams = z.object({ projectId: z.uuid().describe('The project id') });
export const contractParams = projectParams.extend({
  contract: z
    .string()
    .min(1)
    .max(200)
    .describe("The plan's API contract (breaking change management): its id, or its name (payments)"),
});
export const versionParams = contractParams.extend({
  versionId: z.string().min(1).max(100).describe('The version id, or its label (2.3.0)'),
});
export const consumerParams = contractParams.extend({ consumerId: z.uuid().describe('The consumer id') });
