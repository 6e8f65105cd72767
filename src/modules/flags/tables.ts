import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../../core/auth/schema.ts';
import { checkOneOf, resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';
import type { Constraint, FlagValue, TargetingRule, Variant } from '../../engines/flag-eval/model.ts';
import { featureFlags } from '../plan/areas/feature-flags.ts';

// The live side of the plan's feature-flag area. A flag is a row of plan.feature_flags (its key is
// the row's name; kind, owner, removal date and kill-switch decision stay there); prerequisites are
// rows of plan.flag_dependencies. What an environment serves — on or off, rules, variants, the off
// value — lives here, one row per flag and environment, as Unleash keeps it per environment too.

const flagColumn = () =>
  uuid('flag_id')
    .notNull()
    .references(() => featureFlags.id, { onDelete: 'cascade' });

const environmentColumn = () =>
  uuid('environment_id')
    .notNull()
    .references(() => flagEnvironments.id, { onDelete: 'cascade' });

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const sdkKeyKinds = ['server', 'client'] as const;
export const scheduledChangeStatuses = ['pending', 'applied', 'cancelled', 'failed'] as const;

/** Where flags are served: development, staging, production, or whatever a project names. */
export const flagEnvironments = pgTable(
  'flag_environments',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** Production environments ask for confirmation before a toggle and count for readiness. */
    production: boolean('production').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [
    uniqueIndex('flag_environments_key_unique').on(table.projectId, table.key),
    index('flag_environments_project_created_idx').on(table.projectId, table.createdAt, table.id),
  ],
);

export type FlagEnvironmentRow = typeof flagEnvironments.$inferSelect;

/** How one environment serves one flag. */
export const flagConfigs = pgTable(
  'flag_configs',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    flagId: flagColumn(),
    environmentId: environmentColumn(),
    enabled: boolean('enabled').notNull().default(false),
    rules: jsonb('rules').$type<TargetingRule[]>().notNull().default(sql`'[]'::jsonb`),
    variants: jsonb('variants').$type<Variant[]>().notNull().default(sql`'[]'::jsonb`),
    /** The value served when off, unmatched or a prerequisite fails (false for boolean flags). */
    defaultValue: jsonb('default_value').$type<FlagValue>().notNull().default(sql`'false'::jsonb`),
  },
  (table) => [
    uniqueIndex('flag_configs_flag_environment_unique').on(table.flagId, table.environmentId),
    index('flag_configs_environment_idx').on(table.environmentId),
    index('flag_configs_project_created_idx').on(table.projectId, table.createdAt, table.id),
  ],
);

export type FlagConfigRow = typeof flagConfigs.$inferSelect;

/** Constraints that rules of many flags share. `number` is the segment's id in the Unleash payload. */
export const flagSegments = pgTable(
  'flag_segments',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    constraints: jsonb('constraints').$type<Constraint[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (table) => [
    uniqueIndex('flag_segments_name_unique').on(table.projectId, table.name),
    uniqueIndex('flag_segments_number_unique').on(table.projectId, table.number),
    index('flag_segments_project_created_idx').on(table.projectId, table.createdAt, table.id),
  ],
);

export type FlagSegmentRow = typeof flagSegments.$inferSelect;

/**
 * A key applications use to evaluate one environment's flags. Only a hash of the secret is kept;
 * the secret is shown once, when the key is made. Client-side keys may evaluate but not read rules.
 */
export const flagSdkKeys = pgTable(
  'flag_sdk_keys',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    environmentId: environmentColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: sdkKeyKinds }).notNull(),
    /** The secret's first characters, to tell keys apart in lists. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the secret, hex. */
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (table) => [
    uniqueIndex('flag_sdk_keys_secret_hash_unique').on(table.secretHash),
    index('flag_sdk_keys_project_created_idx').on(table.projectId, table.createdAt, table.id),
    checkOneOf('flag_sdk_keys_kind_check', table.kind, sdkKeyKinds),
  ],
);

export type FlagSdkKeyRow = typeof flagSdkKeys.$inferSelect;

/** A change to apply at a time: enable or disable, or move a rule's rollout (one step of a ramp). */
export interface ScheduledChange {
  enabled?: boolean;
  rollout?: { ruleId: string; percentage: number };
}

export const flagScheduledChanges = pgTable(
  'flag_scheduled_changes',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    flagId: flagColumn(),
    environmentId: environmentColumn(),
    runAt: at('run_at').notNull(),
    change: jsonb('change').$type<ScheduledChange>().notNull(),
    status: text('status', { enum: scheduledChangeStatuses }).notNull().default('pending'),
    appliedAt: at('applied_at'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (table) => [
    index('flag_scheduled_changes_due_idx').on(table.status, table.runAt),
    index('flag_scheduled_changes_project_created_idx').on(table.projectId, table.createdAt, table.id),
    checkOneOf('flag_scheduled_changes_status_check', table.status, scheduledChangeStatuses),
  ],
);

export type FlagScheduledChangeRow = typeof flagScheduledChanges.$inferSelect;

/**
 * Evaluations counted per flag, variant, environment and hour, from SDK metrics and OFREP calls.
 * Telemetry, not a record of anyone's decision: added to in place, not audited row by row.
 */
export const flagEvaluationCounts = pgTable(
  'flag_evaluation_counts',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: projectIdColumn(),
    environmentId: environmentColumn(),
    flagKey: text('flag_key').notNull(),
    /** The variant served; empty when the flag has none. */
    variant: text('variant').notNull().default(''),
    hour: at('hour').notNull(),
    yes: bigint('yes', { mode: 'number' }).notNull().default(0),
    no: bigint('no', { mode: 'number' }).notNull().default(0),
    lastEvaluatedAt: at('last_evaluated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.environmentId, table.flagKey, table.variant, table.hour] }),
    index('flag_evaluation_counts_project_idx').on(table.projectId, table.flagKey),
  ],
);

/** Where the code reads a flag, from the project's last uploaded code scan. */
export const flagCodeReferences = pgTable(
  'flag_code_references',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    flagKey: text('flag_key').notNull(),
    path: text('path').notNull(),
    line: integer('line').notNull(),
    excerpt: text('excerpt'),
    commitSha: text('commit_sha'),
  },
  (table) => [
    index('flag_code_references_flag_idx').on(table.projectId, table.flagKey),
    index('flag_code_references_project_created_idx').on(table.projectId, table.createdAt, table.id),
  ],
);
