import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { users, workspaces } from '../auth/schema.ts';

/**
 * Custom fields on any resource, without a schema change. `entity_type` is a declared resource's
 * name and `entity_id` its row id; there is no foreign key because the entity can live in any
 * table, so the resource layer removes an entity's metadata in the transaction that deletes it.
 */
export const entityMetadata = pgTable(
  'entity_metadata',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    metaKey: text('meta_key').notNull(),
    metaValue: jsonb('meta_value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('entity_metadata_entity_key_unique').on(table.entityType, table.entityId, table.metaKey),
    // Serves `filter[meta.key]=value` lists: key first, then the value's text.
    index('entity_metadata_workspace_key_idx').on(table.workspaceId, table.entityType, table.metaKey),
  ],
);

/** The declared fields of a workspace's metadata for one entity type. */
export const metadataSchemas = pgTable(
  'metadata_schemas',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    definition: jsonb('definition').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.entityType] })],
);
