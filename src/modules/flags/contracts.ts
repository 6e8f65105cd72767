import { z } from 'zod';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { constraintOperators, flagValueTypes } from '../../engines/flag-eval/model.ts';

// The shapes of the flags management API: flags (a plan row and a config per environment), their
// configs, prerequisites, the kill switch, environments and segments. The engine's own shapes
// (constraints, rules, variants) are restated here with the limits the API enforces.

export const flagKinds = ['release', 'experiment', 'ops', 'permission', 'kill-switch'] as const;
export const flagStatuses = ['planned', 'active', 'rolled-out', 'removed'] as const;

export const flagKeySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    'letters, digits, dots, dashes and underscores, starting with a letter or digit, at most 100',
  )
  .describe('The flag key, as the code reads it (checkout-v2)');

const environmentKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'lower-case letters, digits, dashes and underscores, at most 50')
  .describe('The environment key (production)');

// One level of structure is spelled out; what JSON values nest inside is left open (the body is
// JSON already, and the request's size limit bounds it).
const jsonValue = z.union([
  z.null(),
  z.boolean(),
  z.number(),
  z.string().max(10_000),
  z.array(z.unknown()).max(1000),
  z.record(z.string().max(200), z.unknown()),
]);
export const flagValueSchema = jsonValue.describe(
  'A flag value: true/false, a string, a number or JSON, as the flag type says',
);

export const constraintSchema = z
  .strictObject({
    contextName: z.string().min(1).max(100).describe('The context field: userId, appName, a property'),
    operator: z.enum(constraintOperators).describe("Unleash's operator name"),
    values: z.array(z.string().max(1000)).max(1000).optional().describe('For IN, NOT_IN and STR_*'),
    value: z.string().max(1000).optional().describe('For the NUM_*, DATE_*, SEMVER_* and REGEX operators'),
    inverted: z.boolean().optional().describe('Negates the outcome'),
    caseInsensitive: z.boolean().optional().describe('Compare ignoring case'),
  })
  .meta({ id: 'FlagConstraint' });

const variantSchema = z
  .strictObject({
    name: z.string().min(1).max(100).describe('The variant name'),
    value: flagValueSchema,
    weight: z.number().int().min(0).max(1000).describe('Relative weight; the weights sum to 1000'),
    stickiness: z.string().max(100).optional().describe('The context field that keeps a user on one variant'),
    overrides: z
      .array(
        z.strictObject({
          contextName: z.string().min(1).max(100),
          values: z.array(z.string().max(1000)).max(1000),
        }),
      )
      .max(50)
      .optional()
      .describe('Pins the variant for these values of a context field'),
  })
  .meta({ id: 'FlagVariant' });

const ruleFields = {
  name: z.string().max(200).optional().describe('What the rule selects, in words'),
  constraints: z.array(constraintSchema).max(50).default([]).describe('All must hold'),
  segments: z.array(z.number().int().min(1)).max(20).default([]).describe('Segment numbers; all must hold'),
  rollout: z.number().min(0).max(100).default(100).describe('Share of the selected contexts, 0 to 100'),
  stickiness: z.string().max(100).default('default').describe('The field the rollout buckets on'),
  groupId: z.string().max(200).default('').describe('Bucketing group; the flag key when empty'),
  variants: z.array(variantSchema).max(50).optional().describe("Served instead of the flag's own"),
  disabled: z.boolean().optional().describe('Skipped when true'),
};

export const ruleInputSchema = z.strictObject({
  id: z.string().min(1).max(100).optional().describe('Kept; generated when absent'),
  ...ruleFields,
});
export const ruleSchema = z.object({ id: z.string(), ...ruleFields }).meta({ id: 'FlagRule' });

const planFields = {
  description: z
    .string()
    .max(10_000)
    .nullable()
    .optional()
    .describe('What the flag guards and why it exists'),
  owner: z.string().max(200).nullable().optional().describe('Team or person who decides on the flag'),
  removalDate: z.iso.date().nullable().optional().describe('When the flag is to be removed (YYYY-MM-DD)'),
  critical: z.boolean().optional().describe('Its kill switch must be exercised at least every 90 days'),
  killSwitch: z.boolean().optional().describe('Turning it off is the planned way to stop the feature'),
};

export const flagCreateSchema = z.strictObject({
  key: flagKeySchema,
  kind: z.enum(flagKinds).describe('What the flag is for'),
  valueType: z.enum(flagValueTypes).default('boolean').describe('What the flag serves'),
  ...planFields,
  defaultValue: flagValueSchema
    .optional()
    .describe('Served when off or unmatched, in every environment (false for boolean flags)'),
  variants: z.array(variantSchema).max(50).optional().describe("The flag's variants, in every environment"),
});
export type FlagCreate = z.output<typeof flagCreateSchema>;

export const flagUpdateSchema = z
  .strictObject({
    ...planFields,
    kind: z.enum(flagKinds).optional().describe('What the flag is for'),
    status: z.enum(flagStatuses).optional().describe('Where the flag is in its life'),
    version: z.number().int().min(1).optional().describe('The version you read; 412 when it changed'),
  })
  .meta({ id: 'FlagUpdate' });
export type FlagUpdate = z.output<typeof flagUpdateSchema>;

export const configPutSchema = z.strictObject({
  enabled: z.boolean().describe('Whether the environment serves the flag'),
  rules: z.array(ruleInputSchema).max(100).describe('In order; the first that selects the context decides'),
  variants: z.array(variantSchema).max(50).default([]).describe("The flag's variants here"),
  defaultValue: flagValueSchema.describe('Served when off, unmatched, or a prerequisite fails'),
  version: z.number().int().min(1).optional().describe('The version you read (or If-Match); 412 when stale'),
});
export type ConfigPut = z.output<typeof configPutSchema>;

export const configPatchSchema = z
  .strictObject({
    enabled: z.boolean().optional().describe('Turn the flag on or off here'),
    rollout: z
      .strictObject({
        ruleId: z.string().min(1).max(100).describe('The rule whose rollout moves'),
        percentage: z.number().min(0).max(100).describe('The new rollout, 0 to 100'),
      })
      .optional()
      .describe("Move one rule's rollout"),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The version you read (or If-Match); 412 when stale'),
  })
  .meta({ id: 'FlagConfigPatch' });
export type ConfigPatch = z.output<typeof configPatchSchema>;

const prerequisiteSchema = z.strictObject({
  flagKey: flagKeySchema.describe('The flag needed'),
  value: z
    .union([z.boolean(), z.string().max(1000), z.number()])
    .default(true)
    .describe('The value it must evaluate to (true: on)'),
});

export const prerequisitesPutSchema = z.strictObject({
  prerequisites: z.array(prerequisiteSchema).max(50).describe('Replaces every prerequisite'),
});
export type PrerequisitesPut = z.output<typeof prerequisitesPutSchema>;

export const killSchema = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('Why the flag is turned off everywhere; kept in the audit trail'),
  })
  .meta({ id: 'FlagKill' });

// Answers.

const environmentSummary = {
  environment: z.string().describe('The environment key'),
  environmentId: z.uuid(),
  production: z.boolean(),
  enabled: z.boolean(),
  rulesCount: z.number().int(),
  rollout: z.number().describe('The rollout of the first rule; 100 with no rules'),
  version: z.number().int().min(0).describe('The config version (0: no config yet); send as If-Match'),
};

const flagSummaryFields = {
  id: z.uuid().describe("The plan row's id"),
  key: z.string().describe('The flag key'),
  description: z.string().nullable(),
  kind: z.enum(flagKinds).nullable(),
  valueType: z.enum(flagValueTypes),
  owner: z.string().nullable(),
  removalDate: z.string().nullable().describe('YYYY-MM-DD'),
  critical: z.boolean(),
  killSwitch: z.boolean().nullable(),
  status: z.enum(flagStatuses).nullable(),
  lastKilledAt: z.date().nullable(),
  version: z.number().int().describe("The plan row's version"),
  lastEvaluatedAt: z.date().nullable().describe('The last evaluation any SDK reported'),
  stale: z.boolean().describe('Listed by GET …/flags/stale with its defaults'),
};

export const flagSummarySchema = z
  .object({ ...flagSummaryFields, environments: z.array(z.object(environmentSummary)) })
  .meta({ id: 'FlagSummary' });
export type FlagSummary = z.input<typeof flagSummarySchema>;

export const configSchema = z
  .object({
    ...environmentSummary,
    rules: z.array(ruleSchema),
    variants: z.array(variantSchema),
    defaultValue: flagValueSchema,
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'FlagConfig' });
export type ConfigOutput = z.input<typeof configSchema>;

export const flagDetailSchema = z
  .object({
    ...flagSummaryFields,
    prerequisites: z.array(
      z.object({ flagKey: z.string(), value: z.union([z.boolean(), z.string(), z.number()]) }),
    ),
    environments: z.array(configSchema),
  })
  .meta({ id: 'FlagDetail' });
export type FlagDetail = z.input<typeof flagDetailSchema>;

export const flagParams = z.object({
  projectId: z.uuid().describe('The project id'),
  key: flagKeySchema,
});
export const configParams = flagParams.extend({ environment: environmentKeySchema });

export const flagListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (default 50, at most 200)'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
  q: z.string().max(200).optional().describe('Words the key or description contain'),
  'filter[environment]': environmentKeySchema.optional().describe('With filter[enabled]: the environment'),
  'filter[enabled]': z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Only flags on (true) or off (false) in filter[environment]'),
});
export type FlagListQuery = z.output<typeof flagListQuery>;

// Environments and segments: generic resources.

export const environmentCreateSchema = z.strictObject({
  key: environmentKeySchema,
  name: z.string().trim().min(1).max(100).describe('Shown in the UI'),
  production: z.boolean().default(false).describe('Toggles ask for confirmation; counts for readiness'),
  sortOrder: z.number().int().min(0).max(10_000).default(0).describe('Lower first'),
});
export const environmentUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    production: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ id: 'FlagEnvironmentUpdate' });
export const environmentSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    key: z.string(),
    name: z.string(),
    production: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'FlagEnvironment' });

export const segmentCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('Unique in the project'),
  description: z.string().max(2000).nullable().optional(),
  constraints: z.array(constraintSchema).max(50).default([]).describe('All must hold'),
});
export const segmentUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().max(2000).nullable().optional(),
    constraints: z.array(constraintSchema).max(50).optional(),
  })
  .meta({ id: 'FlagSegmentUpdate' });
export const segmentSchema = z
  .object({
    ...resourceOutputFields,
    projectId: z.uuid(),
    number: z.number().int().describe("The segment's id in rules and in the Unleash payload"),
    name: z.string(),
    description: z.string().nullable(),
    constraints: z.array(constraintSchema),
  })
  .meta({ id: 'FlagSegment' });
