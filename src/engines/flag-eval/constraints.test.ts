import { describe, expect, it } from 'vitest';
import { compileConstraint, compileConstraints, MAX_REGEX_LENGTH } from './constraints.ts';
import type { Constraint, EvaluationContext } from './model.ts';

function holds(constraint: Constraint, context: EvaluationContext, now?: Date): boolean {
  return compileConstraint(constraint)(context, now);
}

const withProperty = (name: string, value: string | number | boolean | undefined): EvaluationContext => ({
  properties: { [name]: value },
});

describe('context fields', () => {
  it('reads named fields, then properties, then flat fields; targetingKey stands in for userId', () => {
    const isAcme = (contextName: string): Constraint => ({ contextName, operator: 'IN', values: ['acme'] });
    expect(holds(isAcme('userId'), { userId: 'acme' })).toBe(true);
    expect(holds(isAcme('userId'), { targetingKey: 'acme' })).toBe(true);
    expect(holds(isAcme('userId'), { userId: 'other', targetingKey: 'acme' })).toBe(false);
    expect(holds(isAcme('tenant'), { properties: { tenant: 'acme' } })).toBe(true);
    expect(holds(isAcme('tenant'), { tenant: 'acme' })).toBe(true);
    expect(holds(isAcme('tenant'), { tenant: 'flat', properties: { tenant: 'acme' } })).toBe(true);
    expect(holds(isAcme('appName'), { appName: 'acme', properties: { appName: 'no' } })).toBe(true);
  });
});

describe('IN and NOT_IN', () => {
  const inList: Constraint = { contextName: 'country', operator: 'IN', values: [' NO ', 'SE', ''] };
  it('compare trimmed values exactly, ignoring caseInsensitive as Unleash does', () => {
    expect(holds(inList, withProperty('country', 'NO'))).toBe(true);
    expect(holds(inList, withProperty('country', 'no'))).toBe(false);
    expect(holds({ ...inList, caseInsensitive: true }, withProperty('country', 'no'))).toBe(false);
    expect(holds(inList, withProperty('country', ''))).toBe(false);
    expect(holds(inList, {})).toBe(false);
  });
  it('NOT_IN holds for a missing field; inverted flips both', () => {
    const notIn: Constraint = { ...inList, operator: 'NOT_IN' };
    expect(holds(notIn, {})).toBe(true);
    expect(holds(notIn, withProperty('country', 'SE'))).toBe(false);
    expect(holds({ ...notIn, inverted: true }, {})).toBe(false);
    expect(holds({ ...inList, inverted: true }, withProperty('country', 'DK'))).toBe(true);
  });
  it('compares numbers and booleans from properties as text', () => {
    expect(holds({ contextName: 'n', operator: 'IN', values: ['3'] }, withProperty('n', 3))).toBe(true);
    expect(holds({ contextName: 'b', operator: 'IN', values: ['true'] }, withProperty('b', true))).toBe(true);
  });
});

describe('string operators', () => {
  const email = (
    operator: Constraint['operator'],
    values: string[],
    caseInsensitive = false,
  ): Constraint => ({
    contextName: 'email',
    operator,
    values,
    caseInsensitive,
  });
  it('STR_STARTS_WITH, STR_ENDS_WITH and STR_CONTAINS match any value', () => {
    const context = withProperty('email', 'Ada@Example.com');
    expect(holds(email('STR_STARTS_WITH', ['Bob', 'Ada']), context)).toBe(true);
    expect(holds(email('STR_STARTS_WITH', ['ada']), context)).toBe(false);
    expect(holds(email('STR_STARTS_WITH', ['ada'], true), context)).toBe(true);
    expect(holds(email('STR_ENDS_WITH', ['.com']), context)).toBe(true);
    expect(holds(email('STR_ENDS_WITH', ['EXAMPLE.COM'], true), context)).toBe(true);
    expect(holds(email('STR_CONTAINS', ['@Example']), context)).toBe(true);
    expect(holds(email('STR_CONTAINS', ['@example']), context)).toBe(false);
    expect(holds(email('STR_CONTAINS', ['@example'], true), context)).toBe(true);
  });
  it('never hold on a missing field, unless inverted', () => {
    expect(holds(email('STR_CONTAINS', ['a']), {})).toBe(false);
    expect(holds({ ...email('STR_CONTAINS', ['a']), inverted: true }, {})).toBe(true);
  });
});

describe('number operators', () => {
  const age = (operator: Constraint['operator'], value: string): Constraint => ({
    contextName: 'age',
    operator,
    value,
  });
  it('compare as numbers', () => {
    expect(holds(age('NUM_EQ', '42'), withProperty('age', '42.0'))).toBe(true);
    expect(holds(age('NUM_GT', '18'), withProperty('age', 19))).toBe(true);
    expect(holds(age('NUM_GT', '18'), withProperty('age', 18))).toBe(false);
    expect(holds(age('NUM_GTE', '18'), withProperty('age', 18))).toBe(true);
    expect(holds(age('NUM_LT', '1e3'), withProperty('age', '999'))).toBe(true);
    expect(holds(age('NUM_LTE', '-1.5'), withProperty('age', '-1.5'))).toBe(true);
  });
  it('never hold when either side is not a number; an empty string counts as 0, as in Unleash', () => {
    expect(holds(age('NUM_LT', '5'), {})).toBe(false);
    expect(holds(age('NUM_LT', '5'), withProperty('age', 'abc'))).toBe(false);
    expect(holds(age('NUM_LT', 'abc'), withProperty('age', '1'))).toBe(false);
    expect(holds(age('NUM_EQ', '0'), withProperty('age', ''))).toBe(true);
    expect(holds({ ...age('NUM_LT', 'abc'), inverted: true }, withProperty('age', '1'))).toBe(true);
  });
});

describe('date operators', () => {
  const after: Constraint = {
    contextName: 'currentTime',
    operator: 'DATE_AFTER',
    value: '2030-01-01T00:00:00Z',
  };
  const before: Constraint = { ...after, operator: 'DATE_BEFORE' };
  it('compare the context time, else the evaluation time', () => {
    expect(holds(after, { currentTime: '2030-01-01T00:00:01Z' })).toBe(true);
    expect(holds(after, { currentTime: '2030-01-01T00:00:00Z' })).toBe(false);
    expect(holds(before, { currentTime: '2029-12-31T23:59:59Z' })).toBe(true);
    expect(holds(after, {}, new Date('2031-01-01T00:00:00Z'))).toBe(true);
    expect(holds(before, {}, new Date('2031-01-01T00:00:00Z'))).toBe(false);
  });
  it('read currentTime whatever field the constraint names, and never hold on an invalid date', () => {
    expect(holds({ ...after, contextName: 'signupDate' }, { currentTime: '2031-01-01T00:00:00Z' })).toBe(
      true,
    );
    expect(holds({ ...after, value: 'soon' }, { currentTime: '2031-01-01T00:00:00Z' })).toBe(false);
    expect(holds(after, { currentTime: 'later' })).toBe(false);
  });
});

describe('semver operators', () => {
  const version = (operator: Constraint['operator'], value: string): Constraint => ({
    contextName: 'appVersion',
    operator,
    value,
  });
  it('compare semantic versions, pre-releases included', () => {
    expect(holds(version('SEMVER_EQ', '1.2.3'), withProperty('appVersion', '1.2.3'))).toBe(true);
    expect(holds(version('SEMVER_GT', '1.2.3'), withProperty('appVersion', '1.10.0'))).toBe(true);
    expect(holds(version('SEMVER_LT', '2.0.0'), withProperty('appVersion', '2.0.0-rc.1'))).toBe(true);
    expect(holds(version('SEMVER_GT', '2.0.0-beta.2'), withProperty('appVersion', '2.0.0-beta.10'))).toBe(
      true,
    );
  });
  it('never hold for a missing or invalid version, or one with a leading v', () => {
    expect(holds(version('SEMVER_EQ', '1.2.3'), withProperty('appVersion', 'v1.2.3'))).toBe(false);
    expect(holds(version('SEMVER_EQ', '1.2.3'), withProperty('appVersion', '1.2'))).toBe(false);
    expect(holds(version('SEMVER_EQ', '1.2.3'), {})).toBe(false);
    expect(holds(version('SEMVER_EQ', 'one'), withProperty('appVersion', '1.2.3'))).toBe(false);
  });
});

describe('REGEX', () => {
  const pattern = (value: string, caseInsensitive = false): Constraint => ({
    contextName: 'email',
    operator: 'REGEX',
    value,
    caseInsensitive,
  });
  it('finds the pattern anywhere, optionally ignoring case', () => {
    expect(holds(pattern('@corp\\.io$'), withProperty('email', 'ada@corp.io'))).toBe(true);
    expect(holds(pattern('^ada'), withProperty('email', 'ADA@corp.io'))).toBe(false);
    expect(holds(pattern('^ada', true), withProperty('email', 'ADA@corp.io'))).toBe(true);
    expect(holds(pattern('ada'), {})).toBe(false);
  });
  it('never holds for an invalid or overlong pattern, and runs in linear time', () => {
    expect(holds(pattern('(unclosed'), withProperty('email', '(unclosed'))).toBe(false);
    expect(holds(pattern('a'.repeat(MAX_REGEX_LENGTH + 1)), withProperty('email', 'a'.repeat(600)))).toBe(
      false,
    );
    // Catastrophic for a backtracking engine; RE2 answers at once.
    expect(holds(pattern('^(a+)+$'), withProperty('email', `${'a'.repeat(5000)}!`))).toBe(false);
  });
});

describe('several constraints', () => {
  it('hold only when all hold; an unknown operator never holds, even inverted', () => {
    const both = compileConstraints([
      { contextName: 'a', operator: 'IN', values: ['1'] },
      { contextName: 'b', operator: 'IN', values: ['2'] },
    ]);
    expect(both({ properties: { a: '1', b: '2' } }, undefined)).toBe(true);
    expect(both({ properties: { a: '1', b: '3' } }, undefined)).toBe(false);
    expect(compileConstraints([])({}, undefined)).toBe(true);
    const unknown = {
      contextName: 'a',
      operator: 'IN_CIDR',
      values: ['10.0.0.0/8'],
      inverted: true,
    } as unknown as Constraint;
    expect(holds(unknown, { properties: { a: '10.0.0.1' } })).toBe(false);
  });
});
