import { sql } from 'drizzle-orm';
import {
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { workspaces } from '../auth/schema.ts';

const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export { type SearchLanguage, searchLanguages } from './languages.ts';

/**
 * One row per searchable entity, written in the transaction that writes the entity (see
 * indexer.ts), so the index is never behind. The tsvector is a generated column over the row's
 * own text-search configuration: changing a workspace's language rewrites `config` and PostgreSQL
 * recomputes the vectors.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    projectId: uuid('project_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The tags as one string, for the trigram index behind tag suggestions. */
    tagText: text('tag_text').notNull().default(''),
    config: regconfig('config').notNull(),
    document: tsvector('document').generatedAlwaysAs(
      sql`setweight(to_tsvector("config", "title"), 'A') || setweight(to_tsvector("config", "tag_text"), 'B') || setweight(to_tsvector("config", "body"), 'C')`,
    ),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.entityType, table.entityId] }),
    index('search_documents_document_idx').using('gin', table.document),
    index('search_documents_title_trgm_idx').using('gin', table.title.op('gin_trgm_ops')),
    index('search_documents_tags_trgm_idx').using('gin', table.tagText.op('gin_trgm_ops')),
    index('search_documents_workspace_idx').on(table.workspaceId, table.entityType, table.projectId),
  ],
);

/** A workspace's search settings; no row means the defaults. */
export const searchSettings = pgTable('search_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  language: text('language').notNull().default('english'),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** One row per search: what was asked (normalised), how many results, how long it took. */
export const searchAnalytics = pgTable(
  'search_analytics',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    query: text('query').notNull(),
    resultCount: integer('result_count').notNull(),
    latencyMs: doublePrecision('latency_ms').notNull(),
    searchedAt: timestamp('searched_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('search_analytics_workspace_time_idx').on(table.workspaceId, table.searchedAt)],
);
