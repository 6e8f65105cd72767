import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../../core/auth/schema.ts';
import { resourceColumns } from '../../core/tenancy/columns.ts';
import { projectIdColumn } from '../../core/tenancy/projects-table.ts';
import { reviewFindings } from '../plan/areas/code-review-automation.ts';

// Findings: what analysers (ESLint, Biome, Semgrep, CodeQL…) report, uploaded as SARIF 2.1.0. The
// findings themselves are rows of the plan's review_findings, so the readiness plan and its checks
// see them; a finding set is one upload of one tool's results, and remembers which findings it
// reported, so a task's gate can ask whether what its evidence reported is still open.

/** Counts of one upload: what it opened, what it saw again, what it closed because it was gone. */
export interface FindingSetCounts {
  results: number;
  opened: number;
  seenAgain: number;
  reopened: number;
  closed: number;
  suppressed: number;
}

export const findingSets = pgTable(
  'finding_sets',
  {
    ...resourceColumns(),
    projectId: projectIdColumn(),
    /** The analyser's name (runs[].tool.driver.name), e.g. ESLint, Semgrep, CodeQL. */
    tool: text('tool').notNull(),
    toolVersion: text('tool_version'),
    /**
     * Which of a tool's result streams this upload replaces (runs[].automationDetails.id, else the
     * tool's name): findings of the same stream that an upload no longer reports are closed.
     */
    stream: text('stream').notNull(),
    commitSha: text('commit_sha'),
    branch: text('branch'),
    counts: jsonb('counts').$type<FindingSetCounts>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('finding_sets_project_idx').on(table.projectId, table.stream, table.createdAt)],
);

export type FindingSetRow = typeof findingSets.$inferSelect;

/** Which findings an upload reported (opened or saw again). */
export const findingSetFindings = pgTable(
  'finding_set_findings',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    setId: uuid('set_id')
      .notNull()
      .references(() => findingSets.id, { onDelete: 'cascade' }),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => reviewFindings.id, { onDelete: 'cascade' }),
    /** How many results of the upload share the finding's fingerprint. */
    occurrences: integer('occurrences').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.setId, table.findingId] }),
    index('finding_set_findings_finding_idx').on(table.findingId),
  ],
);
