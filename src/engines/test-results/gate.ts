// Test gates: a list of conditions over a run's facts, such as
// `failures = 0, passRate >= 98%, newFailures = 0, maxDuration <= 30s`. Conditions are separated by
// `,`, `;` or `and`; all must hold. A gate that does not parse says where, so an API can answer 422
// with the position and a CLI can point at it.

export const gateMetrics = [
  'total',
  'passed',
  'failed',
  'broken',
  'failures',
  'skipped',
  'unknown',
  'passRate',
  'newFailures',
  'flaky',
  'maxDuration',
  'duration',
] as const;
export type GateMetric = (typeof gateMetrics)[number];

export const gateOperators = ['=', '==', '!=', '<', '<=', '>', '>='] as const;
export type GateOperator = (typeof gateOperators)[number];

const durationMetrics: ReadonlySet<GateMetric> = new Set(['maxDuration', 'duration']);
const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

export interface GateCondition {
  metric: GateMetric;
  operator: GateOperator;
  /** In the metric's unit: a count, a percentage (passRate) or milliseconds (durations). */
  value: number;
  /** The condition as written. */
  text: string;
  /** Where the condition starts in the expression (0-based). */
  position: number;
}

export class GateSyntaxError extends Error {
  override readonly name = 'GateSyntaxError';
  /** Where the problem is in the expression (0-based). */
  readonly position: number;

  constructor(message: string, position: number) {
    super(`${message} (at column ${position + 1})`);
    this.position = position;
  }
}

class Scanner {
  position = 0;

  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text.charAt(this.position))) this.position += 1;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.position >= this.text.length;
  }

  /** Consumes and answers what `pattern` (anchored with `^`, sticky) matches here, if anything. */
  take(pattern: RegExp): string | undefined {
    const match = pattern.exec(this.text.slice(this.position));
    if (!match) return undefined;
    this.position += match[0].length;
    return match[0];
  }

  upcoming(): string {
    const rest = this.text.slice(this.position).trim();
    return rest === '' ? 'the end' : `"${rest.split(/\s+/)[0]}"`;
  }
}

function metricOf(scanner: Scanner): GateMetric {
  scanner.skipSpace();
  const start = scanner.position;
  const word = scanner.take(/^[A-Za-z_][A-Za-z0-9_]*/);
  if (word === undefined) {
    throw new GateSyntaxError(
      `expected a metric (${gateMetrics.join(', ')}), found ${scanner.upcoming()}`,
      start,
    );
  }
  const metric = gateMetrics.find((known) => known.toLowerCase() === word.toLowerCase());
  if (metric === undefined) {
    throw new GateSyntaxError(`unknown metric "${word}"; known metrics: ${gateMetrics.join(', ')}`, start);
  }
  return metric;
}

function operatorOf(scanner: Scanner, metric: GateMetric): GateOperator {
  scanner.skipSpace();
  const start = scanner.position;
  const taken = scanner.take(/^(==|!=|<=|>=|=|<|>)/);
  const operator = gateOperators.find((known) => known === taken);
  if (operator === undefined) {
    throw new GateSyntaxError(
      `expected an operator (${gateOperators.join(' ')}) after ${metric}, found ${scanner.upcoming()}`,
      start,
    );
  }
  return operator;
}

function unitError(metric: GateMetric, unit: string, position: number): GateSyntaxError {
  const takes = durationMetrics.has(metric)
    ? 'a duration in ms, s or m'
    : metric === 'passRate'
      ? 'a percentage (98 or 98%)'
      : 'a count, without a unit';
  return new GateSyntaxError(`${metric} takes ${takes}, not "${unit}"`, position);
}

function thresholdOf(scanner: Scanner, metric: GateMetric): number {
  scanner.skipSpace();
  const start = scanner.position;
  const number = scanner.take(/^-?\d+(\.\d+)?/);
  if (number === undefined)
    throw new GateSyntaxError(`expected a number, found ${scanner.upcoming()}`, start);
  const value = Number(number);
  const unitStart = scanner.position;
  const match = /^(\s*)(%|[A-Za-z]+)/.exec(scanner.text.slice(scanner.position));
  // After a space only a known unit is one; another word is what follows the condition (`and`).
  const separator = match?.[1] !== '' && !['%', 'ms', 's', 'm'].includes(match?.[2] ?? '');
  const unit = match && !separator ? match[2] : undefined;
  if (match && !separator) scanner.position += match[0].length;
  const unitAt = unitStart + (match?.[1]?.length ?? 0);
  if (unit === undefined) return value;
  if (durationMetrics.has(metric)) {
    const factor = durationUnits[unit];
    if (factor === undefined) throw unitError(metric, unit, unitAt);
    return value * factor;
  }
  if (unit === '%' && metric === 'passRate') return value;
  throw unitError(metric, unit, unitAt);
}

/** The conditions of a gate expression; throws `GateSyntaxError` with the position of the problem. */
export function parseGate(expression: string): GateCondition[] {
  const scanner = new Scanner(expression);
  const conditions: GateCondition[] = [];
  if (scanner.atEnd()) throw new GateSyntaxError('the gate has no conditions', 0);
  for (;;) {
    scanner.skipSpace();
    const position = scanner.position;
    const metric = metricOf(scanner);
    const operator = operatorOf(scanner, metric);
    const value = thresholdOf(scanner, metric);
    conditions.push({
      metric,
      operator,
      value,
      text: expression.slice(position, scanner.position).trim(),
      position,
    });
    if (scanner.atEnd()) return conditions;
    const separatorAt = scanner.position;
    if (scanner.take(/^(,|;|and(?![A-Za-z0-9_]))/i) === undefined) {
      throw new GateSyntaxError(
        `expected ",", ";" or "and" between conditions, found ${scanner.upcoming()}`,
        separatorAt,
      );
    }
    if (scanner.atEnd())
      throw new GateSyntaxError('expected a condition after the separator', scanner.position);
  }
}

/** What a gate is evaluated against; `undefined` where the run cannot say (no durations recorded). */
export interface GateFacts {
  total: number;
  passed: number;
  failed: number;
  broken: number;
  skipped: number;
  unknown: number;
  newFailures: number;
  flaky: number;
  /** The slowest test's duration in milliseconds. */
  maxDurationMs: number | undefined;
  /** The run's duration in milliseconds. */
  durationMs: number | undefined;
}

export interface GateFailure {
  condition: string;
  /** The metric's value, in the unit the condition uses (ms for durations, % for the pass rate). */
  actual: number | null;
  message: string;
}

export interface GateVerdict {
  passed: boolean;
  failures: GateFailure[];
}

/** The pass rate in percent over the tests that ran (skipped ones do not count), if any ran. */
export function passRate(facts: Pick<GateFacts, 'total' | 'passed' | 'skipped'>): number | undefined {
  const ran = facts.total - facts.skipped;
  return ran > 0 ? (facts.passed / ran) * 100 : undefined;
}

function actualOf(metric: GateMetric, facts: GateFacts): number | undefined {
  switch (metric) {
    case 'failures':
      return facts.failed + facts.broken;
    case 'passRate':
      return passRate(facts);
    case 'maxDuration':
      return facts.maxDurationMs;
    case 'duration':
      return facts.durationMs;
    default:
      return facts[metric];
  }
}

function holds(actual: number, operator: GateOperator, expected: number): boolean {
  switch (operator) {
    case '=':
    case '==':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}

function shown(metric: GateMetric, value: number): string {
  if (metric === 'passRate') return `${Number(value.toFixed(2))}%`;
  if (durationMetrics.has(metric))
    return value >= 1000 ? `${Number((value / 1000).toFixed(3))}s` : `${value}ms`;
  return String(value);
}

/** Checks every condition; the gate passes when all hold. A fact the run cannot give fails its condition. */
export function evaluateGate(conditions: readonly GateCondition[], facts: GateFacts): GateVerdict {
  const failures: GateFailure[] = [];
  for (const condition of conditions) {
    const { metric, operator, value } = condition;
    const actual = actualOf(metric, facts);
    const expected = `expected ${operator} ${shown(metric, value)}`;
    if (actual === undefined) {
      const why = metric === 'passRate' ? 'no test ran' : 'the run has no durations';
      failures.push({
        condition: condition.text,
        actual: null,
        message: `${metric} is unknown (${why}), ${expected}`,
      });
    } else if (!holds(actual, operator, value)) {
      failures.push({
        condition: condition.text,
        actual,
        message: `${metric} is ${shown(metric, actual)}, ${expected}`,
      });
    }
  }
  return { passed: failures.length === 0, failures };
}

/** The conditions written back in one canonical form, e.g. for storing what was evaluated. */
export function formatGate(conditions: readonly GateCondition[]): string {
  return conditions
    .map(
      ({ metric, operator, value }) =>
        `${metric} ${operator} ${durationMetrics.has(metric) ? `${value}ms` : metric === 'passRate' ? `${value}%` : value}`,
    )
    .join(', ');
}
