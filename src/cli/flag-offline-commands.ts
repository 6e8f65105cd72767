import path from 'node:path';
import type { Command } from 'commander';
import type { EnvironmentSnapshot, Evaluation } from '../engines/flag-eval/model.ts';
import { printResult, withConnectionOptions } from './api-client.ts';
import { type CodeReference, type ScanResult, scanForKeys } from './flag-scan.ts';
import {
  contextOf,
  type FlagOptions,
  isRecord,
  listOption,
  readDataFile,
  scopeOf,
  showValue,
  table,
} from './flag-support.ts';
import type { FlagSummary } from './flag-types.ts';

/**
 * What a snapshot needs to be evaluated; the engine reports a flag it cannot read as an ERROR
 * evaluation of that flag rather than failing the whole file.
 */
function isSnapshot(value: unknown): value is EnvironmentSnapshot {
  return isRecord(value) && typeof value.environment === 'string' && Array.isArray(value.flags);
}

/** Reads an environment snapshot, with a one-line reason when the file is not one. */
async function readSnapshot(file: string): Promise<EnvironmentSnapshot> {
  const snapshot = await readDataFile(file);
  if (!isSnapshot(snapshot))
    throw new Error(`${file} is not an environment snapshot: it needs "environment" and "flags"`);
  return Array.isArray(snapshot.segments) ? snapshot : { ...snapshot, segments: [] };
}

/** One evaluation per row: key, value, variant, reason, and the rule (or the prerequisite or error behind it). */
export function evaluationsText(evaluations: readonly Evaluation[]): string {
  const rows = evaluations.map((evaluation) => {
    const why = evaluation.ruleId
      ? evaluation.ruleId
      : evaluation.failedPrerequisite
        ? `(needs ${evaluation.failedPrerequisite})`
        : evaluation.errorCode
          ? `${evaluation.errorCode}: ${evaluation.errorMessage ?? ''}`.trim()
          : '';
    return [evaluation.key, showValue(evaluation.value), evaluation.variant ?? '—', evaluation.reason, why];
  });
  return table([['FLAG', 'VALUE', 'VARIANT', 'REASON', 'RULE'], ...rows]);
}

/** `flags evaluate`: the engine run locally on a snapshot file, with no server. */
async function evaluateOffline(options: FlagOptions): Promise<void> {
  const snapshot = await readSnapshot(String(options.snapshot));
  const context = await contextOf(options);
  // Loaded here, not at start-up: the other commands have no use for the engine.
  const { compileSnapshot, evaluateAll, evaluateFlag } = await import('../engines/flag-eval/index.ts');
  const compiled = compileSnapshot(snapshot);
  if (options.flag === undefined) {
    const evaluations = evaluateAll(compiled, context);
    printResult(options, { environment: snapshot.environment, evaluations }, () =>
      evaluations.length === 0
        ? `The ${snapshot.environment} snapshot has no flags.`
        : evaluationsText(evaluations),
    );
    return;
  }
  const key = String(options.flag);
  const evaluation = evaluateFlag(compiled, key, context);
  if (evaluation.errorCode === 'FLAG_NOT_FOUND')
    throw new Error(`no flag ${key} in the ${snapshot.environment} snapshot (${String(options.snapshot)})`);
  printResult(options, evaluation, () => evaluationsText([evaluation]));
  if (evaluation.reason === 'ERROR') process.exitCode = 1;
}

/** The keys to look for: --keys, else every flag of --project. */
async function keysToScan(options: FlagOptions): Promise<string[]> {
  if (options.keys !== undefined) {
    const keys = listOption(options.keys);
    if (keys.length === 0) throw new Error('--keys names no flag');
    return keys;
  }
  if (options.project === undefined)
    throw new Error('give --keys a,b,c or --project P to know which flags to look for');
  const scope = await scopeOf(options);
  const flags = await scope.client.listAll<FlagSummary>(`${scope.base}/flags`);
  return flags.map((flag) => flag.key);
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function scanText(keys: readonly string[], result: ScanResult): string {
  const byKey = new Map<string, CodeReference[]>(keys.map((key) => [key, []]));
  for (const reference of result.references) byKey.get(reference.flagKey)?.push(reference);
  const lines: string[] = [];
  for (const [key, references] of byKey) {
    if (references.length === 0) {
      lines.push(`${key}: no references`);
      continue;
    }
    lines.push(`${key}: ${plural(references.length, 'reference')}`);
    for (const reference of references)
      lines.push(`  ${reference.path}:${reference.line}  ${reference.excerpt}`);
  }
  const found = [...byKey.values()].filter((references) => references.length > 0).length;
  lines.push(
    `${plural(result.references.length, 'reference')} to ${found} of ${plural(keys.length, 'flag')} in ${plural(result.files, 'source file')}.`,
  );
  return lines.join('\n');
}

/** `flags scan`: where the code reads each flag, optionally recorded on the server for `flags stale`. */
async function scan(root: string, options: FlagOptions): Promise<void> {
  if (options.upload && options.project === undefined) throw new Error('--upload needs --project');
  const keys = await keysToScan(options);
  const result = await scanForKeys(path.resolve(root), keys);
  let uploaded: { count: number } | undefined;
  if (options.upload) {
    const scope = await scopeOf(options);
    uploaded = await scope.client.request<{ count: number }>('PUT', `${scope.base}/flags/code-references`, {
      body: {
        ...(options.commit === undefined ? {} : { commitSha: String(options.commit) }),
        references: result.references,
      },
    });
  }
  const withoutReferences = keys.filter((key) => !result.references.some((found) => found.flagKey === key));
  printResult(
    options,
    {
      root,
      keys,
      files: result.files,
      references: result.references,
      withoutReferences,
      ...(uploaded ? { uploaded } : {}),
    },
    () => {
      const text = scanText(keys, result);
      if (!uploaded) return text;
      const commit = options.commit === undefined ? '' : ` at commit ${String(options.commit)}`;
      return `${text}\nRecorded ${plural(uploaded.count, 'reference')} on ${String(options.project)}${commit}; \`shipshape flags stale\` lists them with the flags to remove.`;
    },
  );
}

/** Adds the commands that need no server (`evaluate`) or only optionally (`scan`) to `flags`. */
export function registerFlagOfflineCommands(flags: Command): void {
  flags
    .command('evaluate')
    .description(
      'Evaluate flags locally with the same engine the server runs, on an environment snapshot file (no server)',
    )
    .requiredOption(
      '--snapshot <file>',
      'the environment snapshot: {environment, flags, segments} (JSON or YAML)',
    )
    .option('--flag <key>', 'evaluate only this flag (default: every flag in the snapshot)')
    .option('--context <json>', 'the evaluation context, e.g. \'{"userId":"42"}\'')
    .option('--context-file <file>', 'the evaluation context from a JSON or YAML file')
    .option('--json', 'machine-readable output')
    .action(evaluateOffline);
  withConnectionOptions(
    flags
      .command('scan')
      .description(
        'Find where the code reads each flag key (skips node_modules, .git and dist); --upload records the references on the server',
      )
      .argument('[dir]', 'the folder to scan', '.')
      .option(
        '--keys <keys>',
        'the flag keys to look for, comma-separated (default: every flag of --project)',
      )
      .option('--project <key or id>', 'the project whose flags to look for, and to upload to')
      .option('--upload', "record the references on the server (replacing the project's previous scan)")
      .option('--commit <sha>', 'the commit that was scanned, recorded with the references'),
  ).action(scan);
}
