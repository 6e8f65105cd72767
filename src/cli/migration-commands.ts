import fs from 'node:fs/promises';
import type { Command } from 'commander';
import {
  type FailOn,
  formatJunit,
  formatMarkdown,
  formatSarif,
  formatText,
  type LintReport,
  lintMigrationsLoaded,
  loadParser,
  type MigrationSource,
  type NotAnalysedFile,
  rules,
  runFails,
} from '../engines/sql-lint/index.ts';
import { MigrationFilesError, readMigrationSources } from './migration-files.ts';
import { createProgress } from './progress.ts';

const formats = ['text', 'json', 'markdown', 'sarif', 'junit'] as const;
type Format = (typeof formats)[number];
const failLevels = ['error', 'warning'] as const;
const pgVersions = { lowest: 10, highest: 18, default: 16 };

interface LintCommandOptions {
  pg?: string;
  format?: string;
  json?: boolean;
  disable?: string;
  failOn?: string;
  since?: string;
  assumeInTransaction?: boolean;
  output?: string;
  color?: boolean;
}

/** The lint's settings once every option is checked. */
interface LintSettings {
  pgVersion: number;
  format: Format;
  disabledRules: string[];
  failOn: FailOn;
  since?: string;
  assumeInTransaction: boolean;
  output?: string;
  color: boolean;
}

/** A bad option value or a path that cannot be read: the run cannot start (exit 2). */
class UsageError extends Error {}

/** `shipshape migrations …`: lints PostgreSQL migrations with no server. Returns the `migrations` command. */
export function registerMigrationCommands(program: Command): Command {
  const migrations = program
    .command('migrations')
    .description('Check PostgreSQL migrations for locks and breakage before they reach production');
  migrations
    .command('lint')
    .description(
      'Lint the migrations under the given files and folders (plain SQL, Drizzle, Prisma, Flyway, golang-migrate, dbmate), in the order their tools apply them. Exit 1 on findings at or above --fail-on or a file that does not parse, 2 on bad usage.',
    )
    .argument('[paths...]', 'migration files or folders', ['.'])
    .option('--pg <version>', `target PostgreSQL major version, ${pgVersions.lowest}–${pgVersions.highest}`)
    .option('--format <format>', `report format: ${formats.join(', ')}`, 'text')
    .option('--json', 'the report as JSON (same as --format json)')
    .option('--disable <rules>', 'rule ids to switch off, comma-separated')
    .option('--fail-on <level>', 'the lowest finding level that fails the run: error or warning', 'error')
    .option('--since <git-ref>', 'only migrations added since this git ref (for merge requests)')
    .option('--assume-in-transaction', 'treat every file as run inside one transaction')
    .option('--output <file>', 'write the report to this file; the summary line goes to stdout')
    .option('--color', 'colour the text report')
    .exitOverride(usageExit)
    .action(lintCommand);
  migrations
    .command('rules')
    .description('The rule catalogue: id, level and title (--json: everything, with why and the safe recipe)')
    .option('--json', 'machine-readable output')
    .exitOverride(usageExit)
    .action(listRules);
  return migrations;
}

/** Commander's own usage errors (an unknown option, a missing value) exit 2 like ours; help exits 0. */
function usageExit(error: { exitCode: number }): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}

async function lintCommand(paths: string[], options: LintCommandOptions): Promise<void> {
  let settings: LintSettings;
  let found: { sources: MigrationSource[]; skipped: NotAnalysedFile[] };
  try {
    settings = settingsOf(options);
    found = await readMigrationSources(paths, settings.since === undefined ? {} : { since: settings.since });
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof MigrationFilesError)) throw error;
    process.stderr.write(`shipshape: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const report = await lintWithProgress(found.sources, settings);
  const rendered = render(report, found.skipped, settings);
  if (settings.output) {
    await fs.writeFile(settings.output, rendered);
    const { errors, warnings, parseErrors } = report.summary;
    process.stdout.write(
      `${settings.output}: ${report.summary.files} file(s), ${errors} error(s), ${warnings} warning(s), ${parseErrors} parse error(s)\n`,
    );
  } else {
    process.stdout.write(rendered);
  }
  process.exitCode = runFails(report, settings.failOn) ? 1 : 0;
}

/** Checks every option, with a one-line reason for the first that is wrong. */
function settingsOf(options: LintCommandOptions): LintSettings {
  const pg = options.pg ?? String(pgVersions.default);
  const pgVersion = Number(pg);
  if (!/^\d+$/.test(pg) || pgVersion < pgVersions.lowest || pgVersion > pgVersions.highest)
    throw new UsageError(
      `--pg must be a PostgreSQL major version from ${pgVersions.lowest} to ${pgVersions.highest}, not "${pg}"`,
    );
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (!isOneOf(formats, format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
  const failOn = options.failOn ?? 'error';
  if (!isOneOf(failLevels, failOn))
    throw new UsageError(`--fail-on must be error or warning, not "${failOn}"`);
  const disabledRules = (options.disable ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = disabledRules.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--disable: no rule ${unknown.join(', ')} (\`shipshape migrations rules\` lists them)`,
    );
  return {
    pgVersion,
    format,
    disabledRules,
    failOn,
    ...(options.since === undefined ? {} : { since: options.since }),
    assumeInTransaction: options.assumeInTransaction === true,
    ...(options.output === undefined ? {} : { output: options.output }),
    color: options.color === true,
  };
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((candidate) => candidate === value);
}

/**
 * Lints file by file, yielding between files so progress can be drawn; each file is linted on its
 * own by the engine anyway, so the merged report is the one a single call would give.
 */
async function lintWithProgress(sources: MigrationSource[], settings: LintSettings): Promise<LintReport> {
  await loadParser();
  // Without --assume-in-transaction each file keeps what its tool does (assumeInTransaction: false would override it).
  const options = {
    pgVersion: settings.pgVersion,
    disabledRules: settings.disabledRules,
    ...(settings.assumeInTransaction ? { assumeInTransaction: true } : {}),
  };
  const quiet = settings.format === 'json';
  const progress = quiet ? undefined : createProgress({ total: sources.length, unit: 'files' });
  const reports: LintReport[] = [];
  for (const [index, source] of sources.entries()) {
    reports.push(lintMigrationsLoaded([source], options));
    progress?.update(index + 1);
    if (progress) await new Promise((resolve) => setImmediate(resolve));
  }
  progress?.finish();
  const merged = lintMigrationsLoaded([], options);
  for (const report of reports) {
    merged.files.push(...report.files);
    for (const key of ['files', 'statements', 'errors', 'warnings', 'parseErrors'] as const)
      merged.summary[key] += report.summary[key];
  }
  return merged;
}

function render(report: LintReport, skipped: NotAnalysedFile[], settings: LintSettings): string {
  switch (settings.format) {
    case 'json':
      return `${JSON.stringify({ ...report, skipped }, null, 2)}\n`;
    case 'markdown':
      return formatMarkdown(report, { skipped });
    case 'sarif':
      return `${JSON.stringify(formatSarif(report), null, 2)}\n`;
    case 'junit':
      return formatJunit(report, { skipped, failOn: settings.failOn });
    default:
      return formatText(report, { skipped, color: settings.color });
  }
}

function listRules(options: { json?: boolean }): void {
  if (options.json) {
    const catalogue = rules.map(({ check: _check, ...rule }) => rule);
    process.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
    return;
  }
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
