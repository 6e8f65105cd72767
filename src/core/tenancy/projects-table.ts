import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { resourceColumns } from './columns.ts';

/**
 * Projects: the unit of work below a workspace. The table lives with tenancy because every
 * project-scoped row refers to it; the projects module serves it as a resource.
 */
export const projectStatuses = ['active', 'archived'] as const;
export const projectStatusEnum = pgEnum('project_status', projectStatuses);

export const projects = pgTable(
  'projects',
  {
    ...resourceColumns(),
    name: text('name').notNull(),
    key: text('key').notNull(),
    description: text('description').notNull().default(''),
    status: projectStatusEnum('status').notNull().default('active'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [
    uniqueIndex('projects_workspace_key_unique').on(table.workspaceId, table.key),
    index('projects_workspace_created_idx').on(table.workspaceId, table.createdAt, table.id),
  ],
);

/** The owning project of a project-scoped row; the row goes when its project is deleted. */
export const projectIdColumn = () =>
  uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' });
