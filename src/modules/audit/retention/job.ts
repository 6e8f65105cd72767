import { sql } from 'drizzle-orm';
import type { ModuleJob } from '../../../core/app/module.ts';
import {
  type ArchivePair,
  type MoveOptions,
  moveToArchive,
  purgeArchive,
} from '../../../core/archive/mover.ts';
import type { Executor } from '../../../db/connection.ts';
import { defaultRetention } from './policy.ts';

const policyDays = (column: 'hot_days' | 'hot_days + archive_days', fallback: number) =>
  sql`make_interval(days => coalesce((select ${sql.raw(column)} from audit_retention_policies policy where policy.workspace_id = entry.workspace_id), ${fallback}))`;

/** The access log and its archive, with each workspace's periods (docs/audit.md, Retention). */
export const accessLogArchive: ArchivePair = {
  source: 'audit_logs',
  archive: 'audit_logs_archive',
  key: 'id',
  timeColumn: 'occurred_at',
  columns: [
    'id',
    'workspace_id',
    'user_id',
    'token_id',
    'method',
    'route',
    'status',
    'duration_ms',
    'source_address',
    'user_agent',
    'request_id',
    'occurred_at',
  ],
  due: sql`entry.occurred_at < now() - ${policyDays('hot_days', defaultRetention.hotDays)}`,
  expired: sql`entry.occurred_at < now() - ${policyDays('hot_days + archive_days', defaultRetention.hotDays + defaultRetention.archiveDays)}`,
};

/** Archives access-log entries past their hot period, then purges archived ones past the archive period. */
export async function applyAccessLogRetention(db: Executor, options: MoveOptions = {}) {
  const archived = await moveToArchive(db, accessLogArchive, options);
  const purged = await purgeArchive(db, accessLogArchive, options);
  return { archived: archived.rows, purged: purged.rows };
}

/**
 * Runs every hour, at minute 7; one process runs each occurrence. Every workspace's entries, each
 * by its own policy, in one pass.
 */
export const accessLogRetentionJob: ModuleJob = {
  name: 'audit-access-log-retention',
  schedule: () => '7 * * * *',
  run: async (app) => {
    // Retention crosses workspaces (and reads each one's policy): it uses the unbound database.
    await applyAccessLogRetention(app.systemDatabase.db);
  },
};
