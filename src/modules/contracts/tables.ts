import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { checkOneOf, resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';
import { apiContracts } from '../plan/areas/breaking-change-management.ts';
import type { ConsumerUses, FindingLevel, StoredDiff } from './contracts.ts';

/** The plan's contract a row belongs to; its versions and consumers go when it is deleted. */
const contractColumn = () =>
  uuid('contract_id')
    .notNull()
    .references(() => apiContracts.id, { onDelete: 'cascade' });

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const contractKinds = ['openapi', 'graphql'] as const;
export const reviewStatuses = ['not-required', 'pending', 'accepted', 'rejected'] as const;
export const consumerSources = ['manual', 'pact'] as const;
export const failOnLevels = ['ERR', 'WARN', 'INFO', 'never'] as const;

/**
 * One uploaded version of a contract: the bundled document as it was, and its diff against the
 * version before it (with the consumers each change affects). The document is kept as text, not
 * jsonb: it is only ever read whole, and text stores a document of many megabytes as it came,
 * compressed, without PostgreSQL parsing it into a tree first.
 */
export const contractVersions = pgTable(
  'contract_versions',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    contractId: contractColumn(),
    label: text('label').notNull(),
    commitSha: text('commit_sha'),
    kind: text('kind', { enum: contractKinds }).notNull(),
    contentHash: text('content_hash').notNull(),
    /** `3.0` or `3.1` for OpenAPI; null for GraphQL. */
    openapiVersion: text('openapi_version'),
    /** `2.0` when a Swagger document was converted to OpenAPI 3 on upload. */
    convertedFrom: text('converted_from'),
    title: text('title'),
    /** The version the document declares (`info.version`), which may differ from the label. */
    declaredVersion: text('declared_version'),
    files: text('files').array().notNull().default(sql`'{}'::text[]`),
    documentBytes: integer('document_bytes').notNull(),
    /** JSON of the bundled OpenAPI document, or the GraphQL SDL. */
    document: text('document').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    /** The version this one was compared with. No foreign key: versions go only with their contract. */
    previousVersionId: uuid('previous_version_id'),
    diff: jsonb('diff').$type<StoredDiff>(),
    errors: integer('errors').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    infos: integer('infos').notNull().default(0),
    reviewStatus: text('review_status', { enum: reviewStatuses }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    reviewNote: text('review_note'),
  },
  (table) => [
    uniqueIndex('contract_versions_label_unique').on(table.contractId, table.label),
    index('contract_versions_contract_created_idx').on(table.contractId, table.createdAt, table.id),
    index('contract_versions_project_idx').on(table.projectId),
    checkOneOf('contract_versions_kind_check', table.kind, contractKinds),
    checkOneOf('contract_versions_review_status_check', table.reviewStatus, reviewStatuses),
  ],
);

export type ContractVersionRow = typeof contractVersions.$inferSelect;

/** Someone who calls a contract's API, and which operations and fields they rely on. */
export const contractConsumers = pgTable(
  'contract_consumers',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    contractId: contractColumn(),
    name: text('name').notNull(),
    contact: text('contact'),
    uses: jsonb('uses').$type<ConsumerUses>().notNull(),
    /** `pact` once a Pact file said what the consumer uses. */
    source: text('source', { enum: consumerSources }).notNull().default('manual'),
    pactUploadedAt: at('pact_uploaded_at'),
  },
  (table) => [
    uniqueIndex('contract_consumers_name_unique').on(table.contractId, table.name),
    index('contract_consumers_contract_created_idx').on(table.contractId, table.createdAt, table.id),
    index('contract_consumers_project_idx').on(table.projectId),
    checkOneOf('contract_consumers_source_check', table.source, consumerSources),
  ],
);

export type ContractConsumerRow = typeof contractConsumers.$inferSelect;

/** How a project judges its contracts' changes: rules off, levels changed, what fails an upload. */
export const contractSettings = pgTable(
  'contract_settings',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    minDeprecationDays: integer('min_deprecation_days').notNull().default(90),
    disabledRules: text('disabled_rules').array().notNull().default(sql`'{}'::text[]`),
    levelOverrides: jsonb('level_overrides')
      .$type<Record<string, FindingLevel>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    failOn: text('fail_on', { enum: failOnLevels }).notNull().default('ERR'),
  },
  (table) => [
    uniqueIndex('contract_settings_project_unique').on(table.projectId),
    checkOneOf('contract_settings_fail_on_check', table.failOn, failOnLevels),
  ],
);

export type ContractSettingsRow = typeof contractSettings.$inferSelect;
