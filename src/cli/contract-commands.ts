import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { runFails, summarise } from '../engines/openapi-diff/format/index.ts';
import { graphqlRules } from '../engines/openapi-diff/graphql/index.ts';
import { ContractLoadError, type DiffResult, type Level, rules } from '../engines/openapi-diff/index.ts';
import { ContractLoadFailure, compareContracts, loadContracts } from './contract-compare.ts';
import {
  colorModes,
  disabledRulesOf,
  failOnOf,
  formatOf,
  isOneOf,
  type ReportFormat,
  renderReport,
  reportFormats,
  UsageError,
  usageExit,
} from './contract-report.ts';
import { type ContractSource, ContractSourceError, readContractSource } from './contract-sources.ts';

interface DiffCommandOptions {
  format?: string;
  json?: boolean;
  failOn?: string;
  output?: string;
  disable?: string;
  minDeprecationDays?: string;
  today?: string;
  color?: string;
  rulesUrl?: string;
}

/** The diff's settings once every option is checked. */
export interface DiffSettings {
  format: ReportFormat;
  failOn: Level;
  output?: string;
  disabledRules: string[];
  minDeprecationDays?: number;
  today?: string;
  color: boolean;
  rulesUrl?: string;
}

/** Contracts from this size on get progress lines on a terminal. */
const bigContractBytes = 1 << 20;

/** `shipshape contracts …`: compares API contracts with no server. Returns the `contracts` command. */
export function registerContractCommands(program: Command): Command {
  const contracts = program
    .command('contracts')
    .description('Check API contracts (OpenAPI, GraphQL) for changes that break their clients');
  contracts
    .command('diff')
    .description(
      'Compare two versions of a contract: files (JSON, YAML, GraphQL SDL), .zip/.tar.gz bundles, folders holding an openapi.yaml, or <git-ref>:<path>. Exit 1 on changes at or above --fail-on, 2 on bad input.',
    )
    .argument('<base>', 'the version clients use today, e.g. origin/main:openapi.yaml')
    .argument('<revision>', 'the version to check, e.g. openapi.yaml')
    .option('--format <format>', `report format: ${reportFormats.join(', ')}`, 'text')
    .option('--json', 'the DiffResult as JSON (same as --format json)')
    .option('--fail-on <level>', 'the lowest level that fails the run: ERR, WARN or INFO', 'ERR')
    .option('--output <file>', 'write the report to this file; the summary line goes to stdout')
    .option('--disable <rules>', 'rule ids to switch off, comma-separated')
    .option('--min-deprecation-days <days>', 'days a deprecation must last before its sunset (default 90)')
    .option('--today <YYYY-MM-DD>', 'judge sunset dates as on this day (default: today, UTC)')
    .option('--color <when>', `colour the text report: ${colorModes.join(', ')}`, 'auto')
    .option(
      '--rules-url <url>',
      'where rule ids link to in Markdown and SARIF (default docs/contract-checks.md)',
    )
    .exitOverride(usageExit)
    .action(diffCommand);
  contracts
    .command('rules')
    .description('The rule catalogue: id, level, section and title (--json: with why)')
    .option('--json', 'machine-readable output')
    .exitOverride(usageExit)
    .action(listRules);
  return contracts;
}

/** A calendar day written YYYY-MM-DD that exists (no 2025-02-30). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function colorOf(when: string | undefined, settings: { format: ReportFormat; output?: string }): boolean {
  const mode = when ?? 'auto';
  if (!isOneOf(colorModes, mode))
    throw new UsageError(`--color must be auto, always or never, not "${mode}"`);
  if (mode !== 'auto') return mode === 'always';
  const wanted = process.env.NO_COLOR === undefined || process.env.NO_COLOR === '';
  return wanted && settings.format === 'text' && !settings.output && process.stdout.isTTY === true;
}

/** Checks every option, with a one-line reason for the first that is wrong. */
export function settingsOf(options: DiffCommandOptions): DiffSettings {
  const format = formatOf(options);
  const failOn = failOnOf(options.failOn);
  const disabledRules = disabledRulesOf(options.disable);
  const days = options.minDeprecationDays;
  if (days !== undefined && (!/^\d+$/.test(days) || Number(days) > 3650))
    throw new UsageError(`--min-deprecation-days must be a whole number of days up to 3650, not "${days}"`);
  if (options.today !== undefined && !isDay(options.today))
    throw new UsageError(`--today must be a day written YYYY-MM-DD, not "${options.today}"`);
  return {
    format,
    failOn,
    disabledRules,
    ...(options.output === undefined ? {} : { output: options.output }),
    ...(days === undefined ? {} : { minDeprecationDays: Number(days) }),
    ...(options.today === undefined ? {} : { today: options.today }),
    ...(options.rulesUrl === undefined ? {} : { rulesUrl: options.rulesUrl }),
    color: colorOf(options.color, { format, ...(options.output ? { output: options.output } : {}) }),
  };
}

/** Progress for people: stage lines on stderr, only on a terminal and only for big contracts. */
function stageReporter(size: number): (stage: string) => void {
  const show = process.stderr.isTTY === true && size >= bigContractBytes;
  const start = performance.now();
  return (stage) => {
    if (show) process.stderr.write(`${stage} (${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
  };
}

function fail(message: string): void {
  process.stderr.write(`shipshape: ${message}\n`);
  process.exitCode = 2;
}

async function diffCommand(baseArgument: string, revisionArgument: string, options: DiffCommandOptions) {
  let settings: DiffSettings;
  let sources: [ContractSource, ContractSource];
  try {
    settings = settingsOf(options);
    sources = await Promise.all([readContractSource(baseArgument), readContractSource(revisionArgument)]);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ContractSourceError)) throw error;
    return fail(error.message);
  }
  const [base, revision] = sources;
  const stage = stageReporter(base.size + revision.size);
  const megabytes = ((base.size + revision.size) / (1 << 20)).toFixed(1);
  stage(`shipshape: loading ${base.label} and ${revision.label} (${megabytes} MB)`);
  let result: DiffResult;
  try {
    const loaded = await loadContracts(base, revision);
    stage('shipshape: comparing');
    result = compareContracts(loaded, settings);
  } catch (error) {
    const refused =
      error instanceof ContractLoadFailure ||
      error instanceof ContractLoadError ||
      error instanceof UsageError;
    if (!refused) throw error;
    return fail(error.message);
  }
  stage(`shipshape: compared, ${summarise(result)}`);
  const report = renderReport(result, {
    ...settings,
    file: { uri: revision.entry.path, ...textOf(revision) },
  });
  if (settings.output) {
    await fs.writeFile(settings.output, report);
    process.stdout.write(`${settings.output}: ${summarise(result)}\n`);
  } else process.stdout.write(report);
  process.exitCode = runFails(result, settings.failOn) ? 1 : 0;
}

function textOf(source: ContractSource): { text?: string } {
  return source.entry.text === undefined ? {} : { text: source.entry.text };
}

function listRules(options: { json?: boolean }): void {
  const catalogue = [...rules, ...graphqlRules].map(({ id, level, section, title, why }) => ({
    id,
    level,
    section,
    title,
    why,
  }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
    return;
  }
  const idWidth = Math.max(...catalogue.map((rule) => rule.id.length));
  const sectionWidth = Math.max(...catalogue.map((rule) => rule.section.length));
  const lines = catalogue.map(
    (rule) =>
      `${rule.id.padEnd(idWidth)}  ${rule.level.padEnd(4)}  ${rule.section.padEnd(sectionWidth)}  ${rule.title}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
