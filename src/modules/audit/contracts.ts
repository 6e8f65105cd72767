import { z } from 'zod';
import { pageSchema } from '../../core/resource/schemas.ts';

/**
 * The shapes of the audit API: what each route accepts and answers. The types the services use
 * are inferred from these schemas.
 */

// Verification and checkpoints.

export const brokenLinkSchema = z
  .object({
    sequence: z.number().int().describe('Where the chain breaks'),
    problem: z
      .enum([
        'sequence_gap',
        'prev_hash_mismatch',
        'hash_mismatch',
        'checkpoint_mismatch',
        'checkpoint_signature_invalid',
        'checkpoint_key_unknown',
        'events_missing',
        'head_mismatch',
      ])
      .describe('What is wrong there'),
    expected: z.string().describe('What the recomputed chain says'),
    found: z.string().describe('What is stored'),
    detail: z.string(),
  })
  .meta({ id: 'AuditBrokenLink' });

export const verifyReportSchema = z
  .object({
    ok: z.boolean().describe('True when the whole chain recomputes and matches every checkpoint'),
    workspaceId: z.uuid(),
    eventsChecked: z.number().int(),
    headSequence: z.number().int().describe('The last sequence the chain head records'),
    headHash: z.string(),
    checkpointsChecked: z.number().int(),
    lastCheckpointSequence: z.number().int().nullable(),
    firstBroken: brokenLinkSchema.nullable().describe('The first broken link, or null'),
  })
  .meta({ id: 'AuditVerifyReport' });

export const checkpointSchema = z
  .object({
    id: z.uuid(),
    sequence: z.number().int().describe('The chain had this many events'),
    headHash: z.string().describe('The hash of event `sequence`'),
    keyId: z.string().describe('Fingerprint of the signing key'),
    signature: z.string().describe('HMAC-SHA256 over workspace, sequence and head hash'),
    createdAt: z.date(),
  })
  .meta({ id: 'AuditCheckpoint' });

// The trail: events, histories, time travel and replay.

export const auditEventSchema = z
  .object({
    id: z.uuid(),
    sequence: z.number().int().describe("Position in the workspace's chain: 1, 2, 3…"),
    eventType: z.string().describe('`<aggregate>.<what happened>`, e.g. project.updated'),
    aggregateType: z.string(),
    aggregateId: z.uuid(),
    aggregateVersion: z.number().int().nullable().describe('The version of the entity after this event'),
    userId: z.uuid().nullable().describe('The person or agent who acted'),
    eventData: z
      .record(z.string(), z.unknown())
      .describe('`changes`: each changed field with its value before and after'),
    metadata: z.record(z.string(), z.unknown()).describe('Request id, source address, user agent, token id'),
    occurredAt: z.date(),
    prevHash: z.string(),
    hash: z.string().describe('SHA-256(prevHash ‖ canonical JSON of the event)'),
  })
  .meta({ id: 'AuditEvent' });

const uuidParameter = z.uuid();
const isoTime = z.iso.datetime({ offset: true });

/** Filters shared by the event list and the export. */
export const eventFilterFields = {
  aggregateType: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .optional()
    .describe('e.g. project'),
  aggregateId: uuidParameter.optional(),
  actor: uuidParameter.optional().describe('The user (person or agent) who acted'),
  eventType: z.string().max(200).optional().describe('e.g. project.updated'),
  from: isoTime.optional().describe('Events at or after this time (ISO 8601)'),
  to: isoTime.optional().describe('Events before this time (ISO 8601)'),
};

export const pageFields = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (default 50, at most 200)'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
};

/** The filters of the event list and the export, as parsed. */
export type EventFilterQuery = z.output<z.ZodObject<typeof eventFilterFields>>;

export const eventListQuerySchema = z.strictObject({
  ...eventFilterFields,
  ...pageFields,
  order: z.enum(['asc', 'desc']).default('desc').describe('By sequence'),
});
export type EventListQuery = z.output<typeof eventListQuerySchema>;

export const exportFormatSchema = z.enum(['ndjson', 'csv']).default('ndjson');

export const eventExportQuerySchema = z.strictObject({ ...eventFilterFields, format: exportFormatSchema });
export type EventExportQuery = z.output<typeof eventExportQuerySchema>;

export const eventPageSchema = pageSchema(auditEventSchema);

export const aggregateParamsSchema = z.object({
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .describe('The aggregate type, e.g. project'),
  id: z.uuid().describe('The aggregate id'),
});

export const historyQuerySchema = z.strictObject(pageFields);
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export const entityAtQuerySchema = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional().describe('ISO 8601 time (default: now)'),
});

export const rebuiltEntitySchema = z
  .object({
    aggregateType: z.string(),
    aggregateId: z.uuid(),
    at: z.string().describe('The time asked for'),
    version: z.number().int(),
    createdAt: z.string().describe('When its creation was recorded'),
    updatedAt: z.string().describe('When its latest change before `at` was recorded'),
    sequence: z.number().int().describe('The last event applied'),
    state: z.record(z.string(), z.unknown()).describe('The audited fields as they were'),
  })
  .meta({ id: 'AuditRebuiltEntity' });
export type RebuiltEntityOutput = z.output<typeof rebuiltEntitySchema>;

export const replayRequestSchema = z.strictObject({
  type: z.string().max(64).describe('A resource type, e.g. project'),
});

export const replayReportSchema = z
  .object({
    aggregateType: z.string(),
    eventsRead: z.number().int(),
    rowsReplayed: z.number().int().describe('Rows the events say exist now'),
    rowsLive: z.number().int().describe('Rows the table holds'),
    differenceCount: z.number().int().describe('0 when the trail explains the table exactly'),
    differences: z
      .array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['differs', 'missing_live', 'missing_replayed']),
          fields: z.record(z.string(), z.object({ replayed: z.unknown(), live: z.unknown() })).optional(),
        }),
      )
      .describe('The first 100 differences'),
  })
  .meta({ id: 'AuditReplayReport' });
export type ReplayReport = z.output<typeof replayReportSchema>;
export type ReplayDifference = ReplayReport['differences'][number];

// Reports.

export const activityReportSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    generatedAt: z.string(),
    totalEvents: z.number().int(),
    actors: z.number().int(),
    rows: z.array(
      z.object({
        actorId: z.uuid().nullable(),
        actorName: z.string().nullable(),
        actorKind: z.enum(['person', 'agent']).nullable(),
        action: z.string().describe('The event type, e.g. project.updated'),
        count: z.number().int(),
        firstAt: z.string(),
        lastAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'AuditActivityReport' });
export type ActivityReport = z.output<typeof activityReportSchema>;
export type ActivityRow = ActivityReport['rows'][number];

export const activityQuerySchema = z.strictObject({
  from: eventFilterFields.from,
  to: eventFilterFields.to,
  format: z.enum(['json', 'csv', 'md']).default('json'),
});
export type ActivityQuery = z.output<typeof activityQuerySchema>;

// The access log.

export const accessLogEntrySchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid().describe('The person or agent who made the request'),
    tokenId: z.uuid().nullable().describe('The API token used'),
    method: z.string(),
    route: z.string().describe('The route pattern, e.g. /api/v1/projects/:id'),
    status: z.number().int(),
    durationMs: z.number().describe('Time to answer, in milliseconds'),
    sourceAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string(),
    occurredAt: z.date().describe('When the request arrived'),
  })
  .meta({ id: 'AuditAccessLogEntry' });
export type AccessLogEntryOutput = z.output<typeof accessLogEntrySchema>;

const accessLogFilterFields = {
  actor: z.uuid().optional().describe('The user (person or agent) who made the request'),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
  route: z.string().max(300).optional().describe('A route pattern, e.g. /api/v1/projects/:id'),
  status: z.coerce.number().int().min(100).max(599).optional(),
  requestId: z.string().max(128).optional(),
  from: isoTime.optional().describe('Requests at or after this time (ISO 8601)'),
  to: isoTime.optional().describe('Requests before this time (ISO 8601)'),
  archive: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: read the archive (entries past their hot period) instead of the recent log'),
};

/** The filters of the access-log list and export, as parsed. */
export type AccessLogFilterQuery = z.output<z.ZodObject<typeof accessLogFilterFields>>;

export const accessLogListQuerySchema = z.strictObject({
  ...accessLogFilterFields,
  ...pageFields,
  order: z.enum(['asc', 'desc']).default('desc').describe('By time'),
});
export type AccessLogListQuery = z.output<typeof accessLogListQuerySchema>;

export const accessLogExportQuerySchema = z.strictObject({
  ...accessLogFilterFields,
  format: exportFormatSchema,
});
export type AccessLogExportQuery = z.output<typeof accessLogExportQuerySchema>;

export const accessLogPageSchema = pageSchema(accessLogEntrySchema);

// Retention.

export const retentionPolicySchema = z
  .object({
    hotDays: z.number().int().describe('Days an access-log entry stays in the recent log'),
    archiveDays: z.number().int().describe('Days it then stays in the archive before it is purged'),
    version: z.number().int().describe('0 while the defaults apply'),
    isDefault: z.boolean().describe('True while the workspace has not set a policy'),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'AuditRetentionPolicy' });
export type RetentionPolicy = z.output<typeof retentionPolicySchema>;

export const retentionPolicyRequestSchema = z.strictObject({
  hotDays: z.number().int().min(1).max(3650),
  archiveDays: z.number().int().min(0).max(36_500),
});
export type RetentionPolicyRequest = z.output<typeof retentionPolicyRequestSchema>;
