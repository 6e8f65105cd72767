import { parse as parseYaml } from 'yaml';
import type { EvaluationContext } from '../engines/flag-eval/model.ts';
import { type ApiClient, type ConnectionOptions, createApiClient, resolveConnection } from './api-client.ts';
import type { Project } from './api-types.ts';
import type { FlagDetail, FlagEnvironmentConfig, FlagValue } from './flag-types.ts';
import { findProject, readText } from './lookup.ts';

export type FlagOptions = ConnectionOptions & Record<string, unknown>;

/** The server and the project a flag command works on. */
export interface FlagScope {
  client: ApiClient;
  project: Project;
  /** `/api/v1/projects/{id}`. */
  base: string;
  /** The project as people name it: its key, else its id. */
  name: string;
}

export async function scopeOf(options: FlagOptions): Promise<FlagScope> {
  const client = createApiClient(resolveConnection(options));
  const project = await findProject(client, String(options.project));
  return { client, project, base: `/api/v1/projects/${project.id}`, name: project.key ?? project.id };
}

export const flagPath = (scope: FlagScope, key: string) => `${scope.base}/flags/${encodeURIComponent(key)}`;

export function getFlag(scope: FlagScope, key: string): Promise<FlagDetail> {
  return scope.client.request<FlagDetail>('GET', flagPath(scope, key));
}

/** The flag's configuration in one environment, with a one-line reason when it has none by that name. */
export function environmentOf(flag: FlagDetail, environment: string): FlagEnvironmentConfig {
  const config = flag.environments.find((candidate) => candidate.environment === environment);
  if (!config) {
    const known = flag.environments.map((candidate) => candidate.environment).join(', ');
    throw new Error(`${flag.key} has no environment ${environment} (it has ${known || 'none'})`);
  }
  return config;
}

/** Parses JSON given on the command line, naming the option when it is not JSON. */
export function parseJsonOption(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${option} is not JSON: ${messageOf(error)}`);
  }
}

/** Reads a JSON or YAML file (YAML is a superset of JSON, so one parser reads both). */
export async function readDataFile(file: string): Promise<unknown> {
  const text = await readText(file);
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`cannot parse ${file}: ${messageOf(error).split('\n')[0]}`);
  }
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any JSON object is a context: the engine reads the fields it knows and ignores the others. */
function isContext(value: unknown): value is EvaluationContext {
  return isRecord(value);
}

/** A string option's value, or undefined when it was not given. */
export function optionalText(value: unknown): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** An evaluation context from --context or --context-file; `{}` when neither is given. */
export async function contextOf(options: FlagOptions): Promise<EvaluationContext> {
  if (options.context !== undefined && options.contextFile !== undefined)
    throw new Error('give --context or --context-file, not both');
  const context =
    options.contextFile !== undefined
      ? await readDataFile(String(options.contextFile))
      : options.context !== undefined
        ? parseJsonOption(String(options.context), '--context')
        : {};
  if (!isContext(context))
    throw new Error('the evaluation context must be a JSON object, like {"userId":"42"}');
  return context;
}

/** A flag value as a person reads it: strings as they are, everything else as JSON. */
export function showValue(value: FlagValue | undefined): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A percentage without trailing zeros: 12.5%, 0.01%, 100%. */
export function showPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** Text columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A comma-separated option as its trimmed, non-empty parts. */
export function listOption(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A percentage option: 0 to 100 in steps of 0.01. */
export function percentOption(value: unknown, option: string): number {
  const text = String(value).replace(/%$/, '');
  const percent = Number(text);
  if (text.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100)
    throw new Error(`${option} must be a percentage from 0 to 100, not "${value}"`);
  if (Math.abs(Math.round(percent * 100) - percent * 100) > 1e-6)
    throw new Error(`${option} takes steps of 0.01, not "${value}"`);
  return Math.round(percent * 100) / 100;
}

/** A value typed on the command line, read as the flag's type says: `true`, `42`, `{"a":1}`, or text. */
export function typedValue(text: string, type: string, option: string): FlagValue {
  switch (type) {
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw new Error(`${option}: a boolean flag serves true or false, not "${text}"`);
      return text === 'true';
    case 'number': {
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number))
        throw new Error(`${option}: "${text}" is not a number`);
      return number;
    }
    case 'json':
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new Error(`${option} is not JSON: ${messageOf(error)}`);
      }
    default:
      return text;
  }
}

/**
 * `--variant green=#1a7f37 --variant blue=#0969da`: the variants with equal weights summing to 1000
 * (the first ones get the remainder); a variant without `=value` serves its name.
 */
export function variantsOf(
  specs: readonly string[],
  type: string,
): { name: string; value: FlagValue; weight: number }[] {
  const share = Math.floor(1000 / Math.max(specs.length, 1));
  const remainder = 1000 - share * specs.length;
  return specs.map((spec, index) => {
    const equals = spec.indexOf('=');
    const name = equals < 0 ? spec : spec.slice(0, equals);
    const value = typedValue(equals < 0 ? spec : spec.slice(equals + 1), type, `--variant ${name}`);
    return { name, value, weight: share + (index < remainder ? 1 : 0) };
  });
}
