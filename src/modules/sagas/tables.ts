import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import type { EncryptedValue } from '../../core/events/sensitive.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';

// Release workflows: the release orchestrations a project defines as data (steps of built-in kinds,
// each with an optional compensation), run as sagas. Every saved definition is kept as a version;
// a run holds the version it started with. Outbound calls go only to the project's allowed hosts
// and carry secrets from the project's release secrets, stored encrypted and never answered.

export const releaseWorkflows = pgTable(
  'release_workflows',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    /** A slug people and the CLI name the workflow by (`shipshape release run deploy-waves`). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The steps, as validated JSON (the release workflow schema in contracts.ts). */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('release_workflows_project_key_unique').on(table.projectId, table.key),
    index('release_workflows_project_created_idx').on(table.projectId, table.createdAt, table.id),
  ],
);

/** Every saved definition of a workflow: runs name the version they ran. */
export const releaseWorkflowVersions = pgTable(
  'release_workflow_versions',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => releaseWorkflows.id, { onDelete: 'cascade' }),
    /** The workflow's version this definition was saved as. */
    workflowVersion: integer('workflow_version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [uniqueIndex('release_workflow_versions_unique').on(table.workflowId, table.workflowVersion)],
);

/** A host a project's release workflows may call (`deploy.example.com`, `10.0.0.5:8443`). */
export const releaseAllowedHosts = pgTable(
  'release_allowed_hosts',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    /** host or host:port, lower case. */
    host: text('host').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [uniqueIndex('release_allowed_hosts_unique').on(table.projectId, table.host)],
);

/** A secret release steps put in headers (`{{secrets.DEPLOY_TOKEN}}`): encrypted, never answered. */
export const releaseSecrets = pgTable(
  'release_secrets',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    /** DEPLOY_TOKEN: upper case, digits and underscores. */
    name: text('name').notNull(),
    value: jsonb('value').$type<EncryptedValue>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [uniqueIndex('release_secrets_unique').on(table.projectId, table.name)],
);

export const releaseWorkflowTables = [
  releaseWorkflows,
  releaseWorkflowVersions,
  releaseAllowedHosts,
  releaseSecrets,
] as const;

export type ReleaseWorkflowRow = typeof releaseWorkflows.$inferSelect;
