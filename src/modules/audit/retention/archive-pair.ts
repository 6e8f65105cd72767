import { sql } from 'drizzle-orm';
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

/** The same, limited to one workspace's entries (what each retention saga moves). */
export function workspaceAccessLogArchive(workspaceId: string): ArchivePair {
  const own = sql`entry.workspace_id = ${workspaceId}`;
  return {
    ...accessLogArchive,
    due: sql`${own} and ${accessLogArchive.due}`,
    expired: sql`${own} and ${accessLogArchive.expired}`,
  };
}

/**
 * Archives access-log entries past their hot period, then purges archived ones past the archive
 * period: every workspace's, or one workspace's.
 */
export async function applyAccessLogRetention(db: Executor, options: MoveOptions = {}, workspaceId?: string) {
  const pair = workspaceId ? workspaceAccessLogArchive(workspaceId) : accessLogArchive;
  const archived = await moveToArchive(db, pair, options);
  const purged = await purgeArchive(db, pair, options);
  return { archived: archived.rows, purged: purged.rows };
}

/** The workspaces with access-log entries due for the archive or archived entries due for purging. */
export async function workspacesDueForRetention(db: Executor): Promise<string[]> {
  const result = await db.execute<{ workspace_id: string }>(sql`
    select distinct entry.workspace_id from audit_logs entry where ${accessLogArchive.due}
    union
    select distinct entry.workspace_id from audit_logs_archive entry where ${accessLogArchive.expired}`);
  return result.rows.map((row) => row.workspace_id);
}
