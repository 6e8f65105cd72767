import { and, asc, count, eq, gte, lt, max, min, type SQL } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import { auditEvents } from '../../core/events/schema.ts';
import type { Executor } from '../../db/connection.ts';
import { csvField } from './export.ts';

export interface ActivityRow {
  actorId: string | null;
  actorName: string | null;
  actorKind: 'person' | 'agent' | null;
  action: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface ActivityReport {
  from: string | null;
  to: string | null;
  generatedAt: string;
  totalEvents: number;
  actors: number;
  rows: ActivityRow[];
}

/**
 * Who did what in the workspace between `from` (inclusive) and `to` (exclusive): for each actor and
 * action (event type), how many times, first and last. One grouped query over the event log.
 */
export async function activityReport(
  db: Executor,
  workspaceId: string,
  range: { from?: Date; to?: Date },
): Promise<ActivityReport> {
  const where: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (range.from) where.push(gte(auditEvents.occurredAt, range.from));
  if (range.to) where.push(lt(auditEvents.occurredAt, range.to));
  const grouped = await db
    .select({
      actorId: auditEvents.userId,
      actorName: users.displayName,
      actorKind: users.kind,
      action: auditEvents.eventType,
      count: count(),
      firstAt: min(auditEvents.occurredAt),
      lastAt: max(auditEvents.occurredAt),
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(...where))
    .groupBy(auditEvents.userId, users.displayName, users.kind, auditEvents.eventType)
    .orderBy(asc(users.displayName), asc(auditEvents.userId), asc(auditEvents.eventType));
  const rows = grouped.map((row) => ({
    ...row,
    count: Number(row.count),
    firstAt: new Date(row.firstAt ?? 0).toISOString(),
    lastAt: new Date(row.lastAt ?? 0).toISOString(),
  }));
  return {
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    generatedAt: new Date().toISOString(),
    totalEvents: rows.reduce((sum, row) => sum + row.count, 0),
    actors: new Set(rows.map((row) => row.actorId)).size,
    rows,
  };
}

const columns = ['actor_id', 'actor_name', 'actor_kind', 'action', 'count', 'first_at', 'last_at'];

function cells(row: ActivityRow): unknown[] {
  return [row.actorId, row.actorName, row.actorKind, row.action, row.count, row.firstAt, row.lastAt];
}

export function activityCsv(report: ActivityReport): string {
  const lines = [columns.join(','), ...report.rows.map((row) => cells(row).map(csvField).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A Markdown table; cell text is escaped so that names cannot break the table or inject markup. */
export function activityMarkdown(report: ActivityReport): string {
  const cell = (value: unknown) =>
    String(value ?? '—')
      .replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`)
      .replace(/\r?\n/g, ' ');
  const period = `${report.from ?? 'the first event'} to ${report.to ?? report.generatedAt}`;
  return [
    '# Activity report',
    '',
    `Period: ${period} (end exclusive). Generated ${report.generatedAt}.`,
    `${report.totalEvents} event(s) by ${report.actors} actor(s).`,
    '',
    '| Actor | Kind | Action | Count | First | Last |',
    '| --- | --- | --- | ---: | --- | --- |',
    ...report.rows.map(
      (row) =>
        `| ${cell(row.actorName ?? row.actorId)} | ${cell(row.actorKind)} | ${cell(row.action)} | ${row.count} | ${row.firstAt} | ${row.lastAt} |`,
    ),
    '',
  ].join('\n');
}
