import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { users, workspaces } from '../../core/auth/schema.ts';
import { resourceColumns } from '../../core/resource/columns.ts';
import { resourceOutputFields } from '../../core/resource/schemas.ts';
import { projects } from '../projects/schema.ts';
import { type RelatedArtifact, relatedArtifactSchema } from './artifacts-schema.ts';
import { type ConsideredOption, consideredOptionSchema } from './options-schema.ts';

export const decisionStatuses = [
  'draft',
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
export const decisionStatusEnum = pgEnum('decision_status', decisionStatuses);

export const impactLevels = ['low', 'medium', 'high', 'critical'] as const;
export const impactLevelEnum = pgEnum('decision_impact_level', impactLevels);

export const defaultDecisionTypes = [
  'architecture',
  'technology',
  'process',
  'product',
  'quality',
  'security',
] as const;

export const decisionLogs = pgTable(
  'decision_logs',
  {
    ...resourceColumns(),
    /** Sequential per workspace (ADR-0001 style); never reused. */
    number: integer('number').notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    decisionType: text('decision_type').notNull(),
    decisionOwner: text('decision_owner').notNull().default(''),
    decisionOwnerId: uuid('decision_owner_id').references(() => users.id, { onDelete: 'set null' }),
    involvedQa: uuid('involved_qa').array().notNull().default(sql`'{}'::uuid[]`),
    decisionDate: date('decision_date', { mode: 'string' }).notNull().default(sql`current_date`),
    sprintRelease: text('sprint_release').notNull().default(''),
    context: text('context').notNull().default(''),
    decision: text('decision').notNull().default(''),
    decisionDrivers: text('decision_drivers').array().notNull().default(sql`'{}'::text[]`),
    consideredOptions: jsonb('considered_options').$type<ConsideredOption[]>().notNull().default([]),
    consequences: text('consequences').notNull().default(''),
    consequencesGood: text('consequences_good').array().notNull().default(sql`'{}'::text[]`),
    consequencesBad: text('consequences_bad').array().notNull().default(sql`'{}'::text[]`),
    confirmation: text('confirmation').notNull().default(''),
    moreInformation: text('more_information').notNull().default(''),
    impactRiskLevel: impactLevelEnum('impact_risk_level'),
    impactRiskText: text('impact_risk').notNull().default(''),
    status: decisionStatusEnum('status').notNull().default('draft'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    relatedArtifacts: jsonb('related_artifacts').$type<RelatedArtifact[]>().notNull().default([]),
    /** The decision that replaces this one (set when it is superseded). */
    supersededBy: uuid('superseded_by_id'),
    /** The decisions this one replaces: the other side of `supersededBy`, kept in the same transaction. */
    supersedes: uuid('supersedes').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (table) => [
    uniqueIndex('decision_logs_workspace_number_unique').on(table.workspaceId, table.number),
    index('decision_logs_workspace_created_idx').on(table.workspaceId, table.createdAt, table.id),
    index('decision_logs_workspace_date_idx').on(table.workspaceId, table.decisionDate, table.id),
    index('decision_logs_tags_idx').using('gin', table.tags),
    index('decision_logs_involved_qa_idx').using('gin', table.involvedQa),
  ],
);

/** Per-workspace settings: the list of decision types, and the counter behind decision numbers. */
export const decisionLogSettings = pgTable('decision_log_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  decisionTypes: text('decision_types')
    .array()
    .notNull()
    .default(sql`array['architecture','technology','process','product','quality','security']::text[]`),
  lastNumber: integer('last_number').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

const tag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._:/-]*$/u, 'letters, digits, space and . _ : / - only');
const longText = (what: string) => z.string().max(50_000).describe(what);
const listItem = z.string().trim().min(1).max(2000);

export const decisionTypeName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ and -, starting with a letter')
  .describe("One of the workspace's decision types (GET /decision-logs/settings)");

export const impactRiskSchema = z
  .strictObject({
    level: z.enum(impactLevels).describe('How much is at stake'),
    text: z.string().max(10_000).default('').describe('What could go wrong, and for whom'),
  })
  .meta({ id: 'DecisionImpactRisk' });

/** Fields a person writes: the body of a decision (immutable once accepted). */
export const decisionBodyFields = {
  title: z.string().trim().min(1).max(300).describe('Short title naming the problem and the solution'),
  decisionType: decisionTypeName,
  decisionOwner: z.string().trim().max(200).describe('Display name of who owns the decision'),
  decisionOwnerId: z.uuid().nullable().describe('The owner, when they are a member of the workspace'),
  involvedQa: z.array(z.uuid()).max(50).describe('Members from QA involved in the decision'),
  decisionDate: z.iso.date().describe('When the decision was taken (YYYY-MM-DD)'),
  sprintRelease: z.string().trim().max(100).describe('Sprint or release the decision belongs to'),
  context: longText('Context and problem statement (Markdown)'),
  decision: longText('The decision and its justification (Markdown)'),
  decisionDrivers: z.array(listItem).max(50).describe('Forces and concerns that drove the decision'),
  consideredOptions: z
    .array(consideredOptionSchema)
    .max(30)
    .describe('Options considered, with pros and cons'),
  consequences: longText('Consequences, in prose (Markdown)'),
  consequencesGood: z.array(listItem).max(50).describe('Good consequences'),
  consequencesBad: z.array(listItem).max(50).describe('Bad consequences'),
  confirmation: longText('How compliance with the decision is checked'),
  moreInformation: longText('Anything else worth knowing (Markdown)'),
  impactRisk: impactRiskSchema.nullable().describe('Impact and risk of the decision'),
  projectId: z.uuid().nullable().describe('The project the decision belongs to; null for workspace-wide'),
};

/** Fields that may change after acceptance: links and labels, not substance. */
export const decisionLinkFields = {
  tags: z.array(tag).max(50).describe('Free-form labels'),
  relatedArtifacts: z.array(relatedArtifactSchema).max(100).describe('Typed links to related artifacts'),
};

export const creatableStatuses = ['draft', 'proposed', 'accepted', 'rejected'] as const;

export const decisionCreateSchema = z
  .strictObject({
    ...decisionBodyFields,
    decisionOwner: decisionBodyFields.decisionOwner.optional(),
    decisionOwnerId: decisionBodyFields.decisionOwnerId.optional(),
    involvedQa: decisionBodyFields.involvedQa.default([]),
    decisionDate: decisionBodyFields.decisionDate.optional(),
    sprintRelease: decisionBodyFields.sprintRelease.default(''),
    context: decisionBodyFields.context.default(''),
    decision: decisionBodyFields.decision.default(''),
    decisionDrivers: decisionBodyFields.decisionDrivers.default([]),
    consideredOptions: decisionBodyFields.consideredOptions.default([]),
    consequences: decisionBodyFields.consequences.default(''),
    consequencesGood: decisionBodyFields.consequencesGood.default([]),
    consequencesBad: decisionBodyFields.consequencesBad.default([]),
    confirmation: decisionBodyFields.confirmation.default(''),
    moreInformation: decisionBodyFields.moreInformation.default(''),
    impactRisk: decisionBodyFields.impactRisk.optional(),
    projectId: decisionBodyFields.projectId.optional(),
    tags: decisionLinkFields.tags.default([]),
    relatedArtifacts: decisionLinkFields.relatedArtifacts.default([]),
    status: z
      .enum(creatableStatuses)
      .optional()
      .describe(
        'Default draft (proposed for agents). Creating an accepted or rejected decision records a past ratification and needs the decision_log.ratify permission',
      ),
  })
  .meta({ id: 'DecisionLogCreate' });

export const decisionUpdateSchema = z
  .strictObject({ ...decisionBodyFields, ...decisionLinkFields })
  .partial()
  .meta({ id: 'DecisionLogUpdate' });

export const decisionLogSchema = z
  .object({
    ...resourceOutputFields,
    number: z.number().int().min(1).describe('Sequential number in the workspace'),
    reference: z.string().describe('The number as people quote it: ADR-0007'),
    ...decisionBodyFields,
    decisionOwner: decisionBodyFields.decisionOwner,
    ...decisionLinkFields,
    status: z.enum(decisionStatuses).describe('Changes only through the lifecycle actions'),
    supersededBy: z.uuid().nullable().describe('The decision that replaces this one'),
    supersedes: z.array(z.uuid()).describe('The decisions this one replaces'),
  })
  .meta({ id: 'DecisionLog' });

export const decisionSettingsSchema = z
  .strictObject({
    decisionTypes: z
      .array(decisionTypeName)
      .min(1)
      .max(50)
      .refine((types) => new Set(types).size === types.length, 'types must be unique')
      .describe('The decision types this workspace uses'),
  })
  .meta({ id: 'DecisionLogSettings' });

/** `ADR-0007` for 7. */
export function referenceOf(number: number): string {
  return `ADR-${String(number).padStart(4, '0')}`;
}
