import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { logSchema, type SarifLevel, type SarifResult, type SarifRule, type SarifRun } from './schema.ts';

// A SARIF log read into findings: each result's rule, severity, place, message and fingerprint,
// the fingerprint stable across uploads (never the line number, so moved code keeps its finding).

export const findingSeverities = ['critical', 'major', 'minor', 'info'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export interface SarifFix {
  description: string | null;
  /** How many artifacts (files) the fix changes. */
  filesChanged: number;
}

export interface SarifFinding {
  ruleId: string;
  severity: FindingSeverity;
  level: SarifLevel;
  message: string;
  /** The first location's artifact path (relative when the log says against what), or null. */
  path: string | null;
  startLine: number | null;
  startColumn: number | null;
  endLine: number | null;
  /** sha256 hex of the rule and the result's fingerprints, else of rule, path and code (or message). */
  fingerprint: string;
  suppressed: boolean;
  fixes: SarifFix[];
}

export interface SarifRunRead {
  tool: string;
  toolVersion: string | null;
  /** automationDetails.id, else the tool's name: uploads of one stream replace each other. */
  stream: string;
  results: SarifFinding[];
}

export interface SarifProblem {
  /** Dotted path in the log, e.g. `runs.0.results.3.level`. */
  path: string;
  message: string;
}

export type SarifReading = { ok: true; runs: SarifRunRead[] } | { ok: false; problems: SarifProblem[] };

/** Result kinds that are findings (SARIF's default is fail); pass, informational and notApplicable are not. */
const findingKinds = new Set(['fail', 'open', 'review']);

/** Problems reported at most: enough to fix a log, short enough to answer. */
export const maxProblems = 50;

const severityOfLevel: Record<SarifLevel, FindingSeverity> = {
  error: 'major',
  warning: 'minor',
  note: 'info',
  none: 'info',
};

/** The worse of two severities. */
export function worse(a: FindingSeverity, b: FindingSeverity): FindingSeverity {
  return findingSeverities.indexOf(a) <= findingSeverities.indexOf(b) ? a : b;
}

/** CVSS-like `security-severity` (a number or a numeric string): ≥ 9 critical, ≥ 7 major. */
export function securitySeverity(value: unknown): FindingSeverity | null {
  const score = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(score)) return null;
  if (score >= 9) return 'critical';
  if (score >= 7) return 'major';
  return null;
}

/** Reads a parsed JSON value as a SARIF 2.1.0 log: its runs and results, or what is wrong with it. */
export function readSarif(value: unknown): SarifReading {
  const parsed = logSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, runs: parsed.data.runs.map(readRun) };
}

function problemsOf(error: z.ZodError): SarifProblem[] {
  return error.issues.slice(0, maxProblems).map((issue) => ({
    path: issue.path.map(String).join('.') || '(log)',
    message: issue.message,
  }));
}

function readRun(run: SarifRun): SarifRunRead {
  const { driver } = run.tool;
  const rules = driver.rules ?? [];
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const stream = run.automationDetails?.id?.trim() || driver.name;
  return {
    tool: driver.name,
    toolVersion: driver.version ?? driver.semanticVersion ?? null,
    stream,
    results: (run.results ?? [])
      .filter((result) => result.kind === undefined || findingKinds.has(result.kind))
      .map((result) => readResult(run, result, ruleOf(result, rules, rulesById))),
  };
}

function ruleOf(
  result: SarifResult,
  rules: SarifRule[],
  byId: Map<string, SarifRule>,
): SarifRule | undefined {
  const index = result.ruleIndex ?? result.rule?.index;
  if (index !== undefined && index >= 0 && rules[index]) return rules[index];
  const id = result.ruleId ?? result.rule?.id;
  return id === undefined ? undefined : byId.get(id);
}

function readResult(run: SarifRun, result: SarifResult, rule: SarifRule | undefined): SarifFinding {
  const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? '(no rule)';
  // SARIF's own default: a result with no level, whose rule sets none, is a warning.
  const level = result.level ?? rule?.defaultConfiguration?.level ?? 'warning';
  const security =
    securitySeverity(result.properties?.['security-severity']) ??
    securitySeverity(rule?.properties?.['security-severity']);
  const severity = security ? worse(severityOfLevel[level], security) : severityOfLevel[level];
  const physical = result.locations?.[0]?.physicalLocation;
  const path = pathOf(run, physical?.artifactLocation);
  const message = result.message.text ?? result.message.markdown ?? rule?.shortDescription?.text ?? ruleId;
  return {
    ruleId,
    severity,
    level,
    message,
    path,
    startLine: physical?.region?.startLine ?? null,
    startColumn: physical?.region?.startColumn ?? null,
    endLine: physical?.region?.endLine ?? null,
    fingerprint: fingerprintOf(result, ruleId, path, physical?.region?.snippet?.text ?? message),
    suppressed: (result.suppressions ?? []).some(
      (suppression) => suppression.status === undefined || suppression.status === 'accepted',
    ),
    fixes: (result.fixes ?? []).map((fix) => ({
      description: fix.description?.text ?? null,
      filesChanged: fix.artifactChanges.length,
    })),
  };
}

type ArtifactLocation = NonNullable<
  NonNullable<NonNullable<SarifResult['locations']>[number]['physicalLocation']>['artifactLocation']
>;

/**
 * The artifact's path: its uri (or the run's artifact it indexes), without `file://`, and relative
 * to the root its uriBaseId names when the log says where that is.
 */
export function pathOf(run: SarifRun, location: ArtifactLocation | undefined): string | null {
  if (!location) return null;
  const indexed = location.index !== undefined ? run.artifacts?.[location.index]?.location : undefined;
  const uri = location.uri ?? indexed?.uri;
  if (!uri) return null;
  let path = decodedUri(uri);
  const baseId = location.uriBaseId ?? indexed?.uriBaseId;
  const bases = baseId ? [run.originalUriBaseIds?.[baseId]?.uri] : [];
  for (const base of Object.values(run.originalUriBaseIds ?? {})) bases.push(base.uri);
  for (const base of bases) {
    if (!base) continue;
    const root = decodedUri(base).replace(/\/?$/, '/');
    if (path.startsWith(root)) {
      path = path.slice(root.length);
      break;
    }
  }
  return path.replace(/^\.\//, '');
}

function decodedUri(uri: string): string {
  const bare = uri.replace(/^file:\/\/(localhost)?/i, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/**
 * The finding's identity across uploads. The tool's partialFingerprints (keys in a stable order),
 * else its fingerprints, else the rule, the path and the code (the region's snippet, else the
 * message); always with the rule, since tools hash a line's context and two rules may flag one line.
 */
export function fingerprintOf(
  result: SarifResult,
  ruleId: string,
  path: string | null,
  code: string,
): string {
  const hash = createHash('sha256').update(ruleId).update('\u0000');
  const given = nonEmpty(result.partialFingerprints) ?? nonEmpty(result.fingerprints);
  if (given) {
    hash.update('fingerprints');
    for (const key of Object.keys(given).sort()) hash.update(`\u0000${key}\u0000${given[key]}`);
  } else hash.update(`location\u0000${path ?? ''}\u0000${code.trim()}`);
  return hash.digest('hex');
}

function nonEmpty(map: Record<string, string> | undefined): Record<string, string> | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}
