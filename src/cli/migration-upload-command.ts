import type { Command } from 'commander';
import type { LintReport } from '../engines/sql-lint/index.ts';
import {
  type ConnectionOptions,
  createApiClient,
  resolveConnection,
  withConnectionOptions,
} from './api-client.ts';
import { findProject } from './lookup.ts';
import { readMigrationSources } from './migration-files.ts';

interface UploadOptions extends ConnectionOptions {
  project: string;
  strategy?: string;
  commit?: string;
  pg?: string;
  since?: string;
}

interface RecordedRun {
  id: string;
  report: LintReport;
  risks: { created: number; alreadyOpen: number };
}

/**
 * `shipshape migrations upload`: the same files `lint` reads, linted by the server with the
 * project's settings and recorded as a lint run whose findings become the plan's migration risks.
 */
async function upload(paths: string[], options: UploadOptions): Promise<void> {
  const { sources, skipped } = await readMigrationSources(paths.length > 0 ? paths : ['.'], {
    since: options.since,
  });
  if (sources.length === 0) throw new Error('no migration files found to upload');
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, options.project);
  const run = await client.request<RecordedRun>(
    'POST',
    `/api/v1/projects/${project.id}/migrations/lint-runs`,
    {
      body: {
        files: sources.map(({ path, sql, runsInTransaction }) => ({ path, sql, runsInTransaction })),
        ...(options.strategy ? { strategyId: options.strategy } : {}),
        ...(options.commit ? { commitSha: options.commit } : {}),
        ...(options.pg ? { pgVersion: Number(options.pg) } : {}),
      },
    },
  );
  const { summary } = run.report;
  if (options.json) process.stdout.write(`${JSON.stringify({ ...run, skipped }, null, 2)}\n`);
  else
    process.stdout.write(
      `Recorded lint run ${run.id} for ${project.key ?? project.id}: ${summary.files} files, ${summary.errors} errors, ${summary.warnings} warnings; ${run.risks.created} new risks, ${run.risks.alreadyOpen} already open.\n`,
    );
  if (summary.errors > 0 || summary.parseErrors > 0) process.exitCode = 1;
}

/** Adds `upload` to the `migrations` command. */
export function registerMigrationUploadCommand(migrations: Command): void {
  withConnectionOptions(
    migrations
      .command('upload')
      .description(
        "Record a lint run on the server: the findings become the project's migration risks (exit 1 when it has errors)",
      )
      .argument('[paths...]', 'migration files or folders', ['.'])
      .requiredOption('--project <key or id>', 'the project the migrations belong to')
      .option('--strategy <id>', "the plan's migration strategy (default: the project's default strategy)")
      .option('--commit <sha>', 'the commit the migrations come from')
      .option('--pg <version>', "target PostgreSQL major version (default: the project's setting)")
      .option('--since <git-ref>', 'only migrations added since this git ref'),
  ).action(upload);
}
