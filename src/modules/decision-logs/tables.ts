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
import { users, workspaces } from '../../core/auth/schema.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projects } from '../../core/tenancy/projects-table.ts';
import { type ConsideredOption, decisionStatuses, impactLevels, type RelatedArtifact } from './contracts.ts';

export const decisionStatusEnum = pgEnum('decision_status', decisionStatuses);
export const impactLevelEnum = pgEnum('decision_impact_level', impactLevels);

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

export type DecisionRow = typeof decisionLogs.$inferSelect;

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
