import type { Download } from '../../core/http/download.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { ActivityQuery, ActivityReport, ActivityRow } from './contracts.ts';
import { activityByActor } from './events-store.ts';
import { csvField, exportContentTypes } from './export.ts';
import { type TimeRangeQuery, timeRange } from './time-range.ts';

/**
 * Who did what in the workspace between `from` (inclusive) and `to` (exclusive): for each actor and
 * action (event type), how many times, first and last.
 */
export async function activityReport(scope: Scope, query: TimeRangeQuery): Promise<ActivityReport> {
  const range = timeRange(query);
  const grouped = await scope.db.read((db) => activityByActor(db, scope.ctx.workspaceId, range));
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

/** The report as asked: the object itself (JSON), or a CSV or Markdown file of it. */
export async function activityReportAs(
  scope: Scope,
  query: ActivityQuery,
): Promise<{ report: ActivityReport } | { file: Download }> {
  const report = await activityReport(scope, query);
  if (query.format === 'json') return { report };
  const markdown = query.format === 'md';
  return {
    file: {
      contentType: markdown ? 'text/markdown; charset=utf-8' : exportContentTypes.csv,
      fileName: `activity.${markdown ? 'md' : 'csv'}`,
      body: markdown ? activityMarkdown(report) : activityCsv(report),
    },
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
