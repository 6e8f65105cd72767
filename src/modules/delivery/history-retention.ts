import { sql } from 'drizzle-orm';
import type { ModuleJob } from '../../core/app/module.ts';
import { type ArchivePair, moveToArchive } from '../../core/archive/mover.ts';

// Jira changes older than a project's `historyRetentionDays` move to jira_table_history_archive,
// by the archive mover (one statement per batch: nothing lost or copied twice if the process dies).

const historyColumns = [
  'id',
  'workspace_id',
  'created_at',
  'updated_at',
  'version',
  'project_id',
  'issue_key',
  'history_id',
  'item_index',
  'changed_at',
  'author_handle',
  'author_name',
  'field',
  'from_value',
  'from_string',
  'to_value',
  'to_string',
] as const;

/** The hot history and its archive; due rows are those past their project's retention. */
export const jiraHistoryArchive: ArchivePair = {
  source: 'jira_table_history',
  archive: 'jira_table_history_archive',
  key: 'id',
  timeColumn: 'changed_at',
  columns: historyColumns,
  due: sql`exists (select 1 from delivery_settings s where s.project_id = entry.project_id
    and s.history_retention_days is not null
    and entry.changed_at < now() - make_interval(days => s.history_retention_days))`,
  // Archived changes are kept: the archive is where history goes to stay, out of the hot table.
  expired: sql`false`,
};

/**
 * Daily, on one process. Crosses workspaces (each project's retention is its own), so it runs on
 * the system database, like the access-log retention.
 */
export const jiraHistoryRetentionJob: ModuleJob = {
  name: 'delivery-history-retention',
  schedule: () => '17 3 * * *',
  async run(app) {
    await moveToArchive(app.systemDatabase.db, jiraHistoryArchive, { maxBatches: 1000 });
  },
};
