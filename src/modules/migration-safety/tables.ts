import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';
import type { LintReport } from '../../engines/sql-lint/index.ts';
import { migrationStrategies } from '../plan/areas/database-migrations.ts';

/**
 * One recorded lint of a project's migrations: what was linted, with which settings, and the
 * engine's whole report. A record of what was found at a moment, so a row never changes.
 */
export const migrationLintRuns = pgTable(
  'migration_lint_runs',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    /**
     * The plan's migration strategy the migrations belong to; its risks are recorded against it.
     * No foreign key: the run keeps the id it was recorded with even if the strategy is deleted later.
     */
    strategyId: uuid('strategy_id'),
    commitSha: text('commit_sha'),
    pgVersion: integer('pg_version').notNull(),
    files: integer('files').notNull(),
    statements: integer('statements').notNull(),
    errors: integer('errors').notNull(),
    warnings: integer('warnings').notNull(),
    parseErrors: integer('parse_errors').notNull(),
    report: jsonb('report').$type<LintReport>().notNull(),
  },
  (table) => [
    index('migration_lint_runs_project_created_idx').on(table.projectId, table.createdAt, table.id),
  ],
);

export type LintRunRow = typeof migrationLintRuns.$inferSelect;

/** How a project lints its migrations: the PostgreSQL it targets, rules it turned off, its usual strategy. */
export const migrationLintSettings = pgTable(
  'migration_lint_settings',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    pgVersion: integer('pg_version').notNull().default(16),
    disabledRules: text('disabled_rules').array().notNull().default(sql`'{}'::text[]`),
    defaultStrategyId: uuid('default_strategy_id').references(() => migrationStrategies.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [uniqueIndex('migration_lint_settings_project_unique').on(table.projectId)],
);

export type LintSettingsRow = typeof migrationLintSettings.$inferSelect;
