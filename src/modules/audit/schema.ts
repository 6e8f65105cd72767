import { z } from 'zod';

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
