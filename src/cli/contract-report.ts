import {
  formatJson,
  formatJunit,
  formatMarkdown,
  formatSarif,
  formatText,
} from '../engines/openapi-diff/format/index.ts';
import { graphqlRules } from '../engines/openapi-diff/graphql/index.ts';
import { type DiffResult, type Level, levels, rules } from '../engines/openapi-diff/index.ts';

export const reportFormats = ['text', 'markdown', 'json', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const colorModes = ['auto', 'always', 'never'] as const;

/** A bad option value or a contract that cannot be read: the run cannot start (exit 2). */
export class UsageError extends Error {}

/** Commander's own usage errors (an unknown option, a missing argument) exit 2 like ours; help exits 0. */
export function usageExit(error: { exitCode: number }): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((candidate) => candidate === value);
}

/** `--format` and `--json` together: --json wins, as on every other command. */
export function formatOf(options: { format?: string; json?: boolean }): ReportFormat {
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (!isOneOf(reportFormats, format))
    throw new UsageError(`--format must be one of ${reportFormats.join(', ')}, not "${format}"`);
  return format;
}

/** `--fail-on`, in capitals or not. */
export function failOnOf(value: string | undefined): Level {
  const level = (value ?? 'ERR').toUpperCase();
  if (!isOneOf(levels, level)) throw new UsageError(`--fail-on must be ERR, WARN or INFO, not "${value}"`);
  return level;
}

/** Every rule id a contract diff may report: OpenAPI's catalogue and GraphQL's. */
export function knownRuleIds(): Set<string> {
  return new Set([...rules.map((rule) => rule.id), ...graphqlRules.map((rule) => rule.id)]);
}

/** `--disable a,b`: rule ids, each one that exists. */
export function disabledRulesOf(value: string | undefined): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const known = knownRuleIds();
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--disable: no rule ${unknown.join(', ')} (\`shipshape contracts rules\` lists them)`,
    );
  return ids;
}

export interface RenderSettings {
  format: ReportFormat;
  failOn: Level;
  color: boolean;
  /** The revision's entry file, for SARIF and JUnit locations. */
  file?: { uri: string; text?: string };
  /** Where rule ids link to in Markdown and SARIF. */
  rulesUrl?: string;
}

function rulesUrlOf(settings: RenderSettings): { rulesUrl?: string } {
  return settings.rulesUrl === undefined ? {} : { rulesUrl: settings.rulesUrl };
}

/** The diff in the format asked for, ending with a line break. */
export function renderReport(result: DiffResult, settings: RenderSettings): string {
  switch (settings.format) {
    case 'json':
      return formatJson(result);
    case 'markdown':
      return formatMarkdown(result, { failOn: settings.failOn, ...rulesUrlOf(settings) });
    case 'junit':
      return formatJunit(result, {
        failOn: settings.failOn,
        ...(settings.file ? { file: settings.file.uri } : {}),
      });
    case 'sarif':
      return `${JSON.stringify(formatSarif(result, { ...(settings.file ? { file: settings.file } : {}), ...rulesUrlOf(settings) }), null, 2)}\n`;
    default:
      return formatText(result, { color: settings.color });
  }
}

/** A diff with nothing in it, for reports about a first version that has nothing to be compared with. */
export function emptyResult(
  kind: DiffResult['kind'],
  title: string | null,
  version: string | null,
): DiffResult {
  const info = { title, version };
  return {
    kind,
    base: info,
    revision: info,
    findings: [],
    summary: { ERR: 0, WARN: 0, INFO: 0 },
    operations: { base: 0, revision: 0, added: 0, removed: 0, changed: 0 },
  };
}
