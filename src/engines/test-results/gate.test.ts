import { describe, expect, it } from 'vitest';
import { evaluateGate, formatGate, type GateFacts, GateSyntaxError, parseGate, passRate } from './gate.ts';

const facts: GateFacts = {
  total: 200,
  passed: 190,
  failed: 3,
  broken: 1,
  skipped: 6,
  unknown: 0,
  newFailures: 2,
  flaky: 1,
  maxDurationMs: 42_100,
  durationMs: 600_000,
};

function syntaxError(expression: string): { message: string; position: number } {
  try {
    parseGate(expression);
  } catch (error) {
    if (error instanceof GateSyntaxError) return { message: error.message, position: error.position };
    throw error;
  }
  throw new Error(`expected "${expression}" not to parse`);
}

describe('parseGate', () => {
  it('reads conditions separated by commas, semicolons and "and", with units', () => {
    const conditions = parseGate(
      'failures = 0, passRate >= 98%; newFailures == 0 and maxDuration <= 30s, duration < 2m',
    );
    expect(conditions.map(({ metric, operator, value }) => [metric, operator, value])).toEqual([
      ['failures', '=', 0],
      ['passRate', '>=', 98],
      ['newFailures', '==', 0],
      ['maxDuration', '<=', 30_000],
      ['duration', '<', 120_000],
    ]);
    expect(conditions.map(({ text, position }) => [text, position])).toEqual([
      ['failures = 0', 0],
      ['passRate >= 98%', 14],
      ['newFailures == 0', 31],
      ['maxDuration <= 30s', 52],
      ['duration < 2m', 72],
    ]);
    expect(formatGate(conditions)).toBe(
      'failures = 0, passRate >= 98%, newFailures == 0, maxDuration <= 30000ms, duration < 120000ms',
    );
  });

  it('accepts every operator and metric, any case of a metric, and durations without a unit in ms', () => {
    const conditions = parseGate(
      'total > 0, passed >= 1, failed != 3, broken < 1, skipped <= 5, unknown = 0, flaky = 0, maxduration <= 1500, PASSRATE > 99.5',
    );
    expect(conditions.map(({ metric }) => metric)).toEqual([
      'total',
      'passed',
      'failed',
      'broken',
      'skipped',
      'unknown',
      'flaky',
      'maxDuration',
      'passRate',
    ]);
    expect(conditions.at(-2)?.value).toBe(1500);
    expect(conditions.at(-1)?.value).toBe(99.5);
    expect(parseGate('maxDuration<=250ms').map(({ value }) => value)).toEqual([250]);
  });

  it.each([
    ['', 'the gate has no conditions', 0],
    ['   ', 'the gate has no conditions', 0],
    ['failures', 'expected an operator (= == != < <= > >=) after failures, found the end', 8],
    ['failurez = 0', 'unknown metric "failurez"', 0],
    ['failures = 0, passRate >= lots', 'expected a number, found "lots"', 26],
    ['failures = 0 passRate >= 98%', 'expected ",", ";" or "and" between conditions, found "passRate"', 13],
    ['failures = 0,', 'expected a condition after the separator', 13],
    ['maxDuration <= 30h', 'maxDuration takes a duration in ms, s or m, not "h"', 17],
    ['failures = 2%', 'failures takes a count, without a unit, not "%"', 12],
    ['passRate >= 98 s', 'passRate takes a percentage (98 or 98%), not "s"', 15],
    ['failures = 0x', 'failures takes a count, without a unit, not "x"', 12],
    ['maxDuration <= 3 hours', 'expected ",", ";" or "and" between conditions, found "hours"', 17],
    ['failures =< 0', 'expected a number, found "<"', 10],
  ])('says where "%s" goes wrong', (expression, message, position) => {
    const error = syntaxError(expression);
    expect(error.message.startsWith(message), error.message).toBe(true);
    expect(error.message).toContain(`(at column ${position + 1})`);
    expect(error.position).toBe(position);
  });
});

describe('evaluateGate', () => {
  it('passes when every condition holds', () => {
    expect(
      evaluateGate(parseGate('total = 200, flaky <= 1, passRate >= 97.9%, duration <= 10m'), facts),
    ).toEqual({
      passed: true,
      failures: [],
    });
  });

  it('lists every condition that fails, with the actual value and why', () => {
    const verdict = evaluateGate(
      parseGate('failures = 0, passRate >= 98.5%, newFailures = 0, maxDuration <= 30s, broken < 2'),
      facts,
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual([
      { condition: 'failures = 0', actual: 4, message: 'failures is 4, expected = 0' },
      {
        condition: 'passRate >= 98.5%',
        actual: (190 / 194) * 100,
        message: 'passRate is 97.94%, expected >= 98.5%',
      },
      { condition: 'newFailures = 0', actual: 2, message: 'newFailures is 2, expected = 0' },
      { condition: 'maxDuration <= 30s', actual: 42_100, message: 'maxDuration is 42.1s, expected <= 30s' },
    ]);
  });

  it('fails a condition on a fact the run cannot give', () => {
    const empty: GateFacts = { ...facts, total: 3, passed: 0, skipped: 3, maxDurationMs: undefined };
    expect(passRate(empty)).toBeUndefined();
    expect(evaluateGate(parseGate('passRate >= 90, maxDuration < 1s'), empty).failures).toEqual([
      {
        condition: 'passRate >= 90',
        actual: null,
        message: 'passRate is unknown (no test ran), expected >= 90%',
      },
      {
        condition: 'maxDuration < 1s',
        actual: null,
        message: 'maxDuration is unknown (the run has no durations), expected < 1s',
      },
    ]);
  });
});
