import { z } from 'zod';

export const maxKeysPerEntity = 100;
export const maxValueBytes = 4096;
export const maxBulkOperations = 1000;

export const metaKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,63}$/,
    'a lowercase slug of at most 64 characters: a-z, 0-9, _ and -, starting with a letter',
  )
  .describe('Metadata key: a lowercase slug such as `team` or `cost-center`');

// Bodies are parsed JSON, so every value is JSON already; only its size is bounded.
const boundedJson = z.unknown().refine((value) => JSON.stringify(value).length <= maxValueBytes, {
  message: `at most ${maxValueBytes} characters once serialised as JSON`,
});

/** A stored value: any JSON but null (null means "delete the key" in PATCH). */
export const metaValue = boundedJson
  .refine((value) => value !== null, { message: 'null is not a value; PATCH a key with null to delete it' })
  .describe('Any JSON value but null, at most 4 KiB serialised');

const limitedKeys = (set: Record<string, unknown>) => Object.keys(set).length <= maxKeysPerEntity;
const tooManyKeys = { message: `at most ${maxKeysPerEntity} keys per entity` };

export const metadataReplaceBody = z
  .record(metaKey, metaValue)
  .refine(limitedKeys, tooManyKeys)
  .describe('The whole metadata set: keys not listed are removed')
  .meta({ id: 'MetadataSet', example: { team: 'payments', tier: 1, labels: ['pci'] } });

export const metadataPatchBody = z
  .record(metaKey, boundedJson.describe('The new value, or null to delete the key'))
  .refine(limitedKeys, tooManyKeys)
  .describe('Keys to set; a null value deletes the key; keys not listed stay')
  .meta({ id: 'MetadataPatch', example: { team: 'checkout', obsolete: null } });

export const metadataAnswer = z
  .object({
    entityType: z.string().describe('The resource type, e.g. project, prd_review, decision_log'),
    entityId: z.uuid(),
    metadata: z.record(z.string(), z.unknown()).describe('Every key and its value'),
  })
  .meta({ id: 'EntityMetadata' });

export const entityParams = z.object({
  type: z.string().max(100).describe('A resource type: project, prd_review, decision_log, …'),
  id: z.uuid().describe('The entity id'),
});

const target = {
  entityType: z.string().max(100).describe('A resource type'),
  entityId: z.uuid(),
  key: metaKey,
};
export const bulkOperation = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('set'), ...target, value: metaValue }),
  z.strictObject({ op: z.literal('delete'), ...target }),
]);
export type BulkOperation = z.infer<typeof bulkOperation>;

export const bulkBody = z
  .strictObject({
    operations: z
      .array(bulkOperation)
      .min(1)
      .max(maxBulkOperations)
      .describe(`At most ${maxBulkOperations} operations, applied in order, all or none`),
  })
  .meta({ id: 'MetadataBulk' });

export const bulkAnswer = z
  .object({
    applied: z.number().int().describe('Operations applied'),
    entities: z.number().int().describe('Entities whose metadata changed'),
  })
  .meta({ id: 'MetadataBulkResult' });

export const fieldTypes = ['string', 'number', 'boolean', 'date', 'enum', 'string[]'] as const;
export type FieldType = (typeof fieldTypes)[number];

const fieldSpec = z
  .strictObject({
    type: z.enum(fieldTypes).describe('date means YYYY-MM-DD; enum needs `values`'),
    required: z.boolean().default(false).describe('Every entity of the type must have it'),
    values: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(200)
      .optional()
      .describe('For enum: the allowed values'),
    description: z.string().max(500).optional(),
  })
  .superRefine((spec, issues) => {
    if (spec.type === 'enum' && !spec.values)
      issues.addIssue({ code: 'custom', path: ['values'], message: 'an enum needs its values' });
    if (spec.type !== 'enum' && spec.values)
      issues.addIssue({ code: 'custom', path: ['values'], message: 'only an enum takes values' });
  });
export type FieldSpec = z.infer<typeof fieldSpec>;

export const metadataSchemaBody = z
  .strictObject({
    fields: z
      .record(metaKey, fieldSpec)
      .refine((fields) => Object.keys(fields).length <= maxKeysPerEntity, tooManyKeys)
      .describe('Declared keys and their types'),
    allowOtherKeys: z.boolean().default(true).describe('false: only declared keys may be set'),
  })
  .meta({
    id: 'MetadataSchema',
    example: {
      fields: { team: { type: 'enum', values: ['payments', 'checkout'], required: true } },
      allowOtherKeys: true,
    },
  });
export type MetadataSchemaDefinition = z.infer<typeof metadataSchemaBody>;

export const metadataSchemaAnswer = metadataSchemaBody
  .extend({ entityType: z.string(), updatedAt: z.date() })
  .meta({ id: 'MetadataSchemaAnswer' });
