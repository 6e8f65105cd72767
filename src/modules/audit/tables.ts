import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** How long a workspace keeps its access log hot, then in the archive. Absent: the defaults. */
export const auditRetentionPolicies = pgTable('audit_retention_policies', {
  workspaceId: uuid('workspace_id').primaryKey(),
  hotDays: integer('hot_days').notNull(),
  archiveDays: integer('archive_days').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
