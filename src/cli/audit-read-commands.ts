import type { Command } from 'commander';
import {
  type ConnectionOptions,
  createApiClient,
  printResult,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import type { AccessLogPage, ActivityReport, RetentionPolicy } from './api-types.ts';

/** Parses a whole number option, refusing anything else. */
function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`not a whole number: ${value}`);
  return parsed;
}

async function showActivity(options: ConnectionOptions & { from?: string; to?: string; format?: string }) {
  const client = createApiClient(resolveConnection(options));
  const query = { from: options.from, to: options.to };
  if (options.format === 'csv' || options.format === 'md') {
    const text = await client.request<string>('GET', '/api/v1/audit/reports/activity', {
      query: { ...query, format: options.format },
    });
    process.stdout.write(text);
    return;
  }
  if (options.format && options.format !== 'text') throw new Error(`unknown format ${options.format}`);
  const report = await client.request<ActivityReport>('GET', '/api/v1/audit/reports/activity', { query });
  printResult(options, report, () =>
    [
      `${report.totalEvents} event(s) by ${report.actors} actor(s).`,
      ...report.rows.map(
        (row) => `  ${row.actorName ?? row.actorId ?? '—'}  ${row.action}  ${row.count}  last ${row.lastAt}`,
      ),
    ].join('\n'),
  );
}

async function retention(options: ConnectionOptions & { hotDays?: number; archiveDays?: number }) {
  const client = createApiClient(resolveConnection(options));
  const setting = options.hotDays !== undefined || options.archiveDays !== undefined;
  if (setting && (options.hotDays === undefined || options.archiveDays === undefined)) {
    throw new Error('give both --hot-days and --archive-days to set the policy');
  }
  const policy = setting
    ? await client.request<RetentionPolicy>('PUT', '/api/v1/audit/retention', {
        body: { hotDays: options.hotDays, archiveDays: options.archiveDays },
      })
    : await client.request<RetentionPolicy>('GET', '/api/v1/audit/retention');
  printResult(
    options,
    policy,
    () =>
      `Access log kept ${policy.hotDays} day(s) hot, then ${policy.archiveDays} day(s) in the archive${policy.isDefault ? ' (defaults)' : ''}.`,
  );
}

async function listAccessLog(
  options: ConnectionOptions & {
    actor?: string;
    status?: string;
    from?: string;
    archive?: boolean;
    limit: number;
  },
) {
  const client = createApiClient(resolveConnection(options));
  const page = await client.request<AccessLogPage>('GET', '/api/v1/audit/access-logs', {
    query: {
      actor: options.actor,
      status: options.status,
      from: options.from,
      archive: options.archive ? 'true' : undefined,
      limit: options.limit,
    },
  });
  printResult(options, page.data, () =>
    page.data
      .map(
        (entry) =>
          `${entry.occurredAt}  ${entry.method} ${entry.route}  ${entry.status}  ${entry.durationMs} ms  ${entry.userId}`,
      )
      .join('\n'),
  );
}

/** `shipshape audit report | retention | access-log`: read the trail's reports and settings. */
export function registerAuditReadCommands(audit: Command): void {
  withConnectionOptions(
    audit
      .command('report')
      .description('Activity per actor and action: how many times, first and last')
      .option('--from <time>', 'ISO 8601 start (inclusive)')
      .option('--to <time>', 'ISO 8601 end (exclusive)')
      .option('--format <format>', 'text (default), csv or md'),
  ).action(showActivity);

  withConnectionOptions(
    audit
      .command('retention')
      .description("Show the access log's retention policy, or set it with both options")
      .option('--hot-days <days>', 'days kept in the recent log', wholeNumber)
      .option('--archive-days <days>', 'days then kept in the archive', wholeNumber),
  ).action(retention);

  withConnectionOptions(
    audit
      .command('access-log')
      .description('The latest authenticated API requests (one page, newest first)')
      .option('--actor <userId>', 'only this person or agent')
      .option('--status <status>', 'only this HTTP status')
      .option('--from <time>', 'ISO 8601 start (inclusive)')
      .option('--archive', 'read the archive')
      .option('--limit <n>', 'how many (at most 200)', wholeNumber, 50),
  ).action(listAccessLog);
}
