/**
 * Constraints compiled into closures, with the semantics of Unleash's SDKs (lib/strategy/strategy.js of
 * unleash-client 6.12, which also runs REGEX through RE2): values are trimmed and empty ones dropped; IN / NOT_IN compare exactly (Unleash ignores
 * `caseInsensitive` there); STR_* honour `caseInsensitive`; NUM_* parse both sides as numbers; DATE_* compare
 * the context's `currentTime` (the evaluation time when absent) with the value; SEMVER_* need a valid
 * version without a leading `v`; REGEX runs RE2 (linear time) and never matches when the pattern is invalid
 * or too long. An operator that cannot compare (missing field, unparsable value) answers false, and
 * `inverted` flips that answer, exactly as Unleash does.
 */
import { RE2JS } from 're2js';
import { parse as parseSemver, SemVer } from 'semver';
import { resolveContextValue } from './context.ts';
import type { Constraint, EvaluationContext } from './model.ts';

/** Longest REGEX pattern accepted; longer ones never match (and checkFlag reports them). */
export const MAX_REGEX_LENGTH = 512;

export type ConstraintCheck = (context: EvaluationContext, now: Date | undefined) => boolean;

const never: ConstraintCheck = () => false;

function cleanValues(values: readonly string[] | undefined): string[] {
  return (values ?? []).filter((value) => !!value).map((value) => value.trim());
}

function compileIn(constraint: Constraint): ConstraintCheck {
  const field = constraint.contextName;
  const values = new Set(cleanValues(constraint.values));
  const wantIn = constraint.operator === 'IN';
  return (context) => {
    const value = resolveContextValue(context, field);
    return (value !== undefined && values.has(value)) === wantIn;
  };
}

function compileString(constraint: Constraint): ConstraintCheck {
  const field = constraint.contextName;
  const ignoreCase = constraint.caseInsensitive === true;
  const values = cleanValues(constraint.values).map((value) =>
    ignoreCase ? value.toLocaleLowerCase() : value,
  );
  const matches =
    constraint.operator === 'STR_STARTS_WITH'
      ? (text: string, value: string) => text.startsWith(value)
      : constraint.operator === 'STR_ENDS_WITH'
        ? (text: string, value: string) => text.endsWith(value)
        : (text: string, value: string) => text.includes(value);
  return (context) => {
    const raw = resolveContextValue(context, field);
    if (raw === undefined) return false;
    const text = ignoreCase ? raw.toLocaleLowerCase() : raw;
    for (const value of values) if (matches(text, value)) return true;
    return false;
  };
}

function numberComparison(operator: string, target: number): (actual: number) => boolean {
  switch (operator) {
    case 'NUM_EQ':
      return (actual) => actual === target;
    case 'NUM_GT':
      return (actual) => actual > target;
    case 'NUM_GTE':
      return (actual) => actual >= target;
    case 'NUM_LT':
      return (actual) => actual < target;
    default:
      return (actual) => actual <= target;
  }
}

function compileNumber(constraint: Constraint): ConstraintCheck {
  const field = constraint.contextName;
  const target = Number(constraint.value);
  if (Number.isNaN(target)) return never;
  const compare = numberComparison(constraint.operator, target);
  return (context) => {
    // Number(undefined) is NaN, and every comparison with NaN is false: a missing field never matches.
    return compare(Number(resolveContextValue(context, field)));
  };
}

function compileDate(constraint: Constraint): ConstraintCheck {
  const target = new Date(constraint.value ?? '').getTime();
  if (Number.isNaN(target)) return never;
  const after = constraint.operator === 'DATE_AFTER';
  return (context, now) => {
    // Unleash reads `currentTime` whatever field the constraint names.
    const currentTime = context.currentTime
      ? new Date(context.currentTime).getTime()
      : now
        ? now.getTime()
        : Date.now();
    return after ? currentTime > target : currentTime < target;
  };
}

function compileSemver(constraint: Constraint): ConstraintCheck {
  const field = constraint.contextName;
  let target: SemVer;
  try {
    target = new SemVer(constraint.value ?? '');
  } catch {
    return never;
  }
  const wanted = constraint.operator === 'SEMVER_GT' ? 1 : constraint.operator === 'SEMVER_LT' ? -1 : 0;
  return (context) => {
    const value = resolveContextValue(context, field);
    if (!value || value.startsWith('v')) return false;
    const version = parseSemver(value);
    return version !== null && version.compare(target) === wanted;
  };
}

/** The compiled RE2 pattern, or null when it is invalid or too long. */
export function compileRegex(pattern: string | undefined, caseInsensitive: boolean): RE2JS | null {
  if (pattern === undefined || pattern.length > MAX_REGEX_LENGTH) return null;
  try {
    return RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    return null;
  }
}

function compileRegexConstraint(constraint: Constraint): ConstraintCheck {
  const field = constraint.contextName;
  const regex = compileRegex(constraint.value, constraint.caseInsensitive === true);
  if (regex === null) return never;
  return (context) => {
    const value = resolveContextValue(context, field);
    return value !== undefined && regex.matcher(value).find();
  };
}

const compilers: Record<string, (constraint: Constraint) => ConstraintCheck> = {
  IN: compileIn,
  NOT_IN: compileIn,
  STR_CONTAINS: compileString,
  STR_STARTS_WITH: compileString,
  STR_ENDS_WITH: compileString,
  NUM_EQ: compileNumber,
  NUM_GT: compileNumber,
  NUM_GTE: compileNumber,
  NUM_LT: compileNumber,
  NUM_LTE: compileNumber,
  DATE_AFTER: compileDate,
  DATE_BEFORE: compileDate,
  SEMVER_EQ: compileSemver,
  SEMVER_GT: compileSemver,
  SEMVER_LT: compileSemver,
  REGEX: compileRegexConstraint,
};

/** One constraint as a closure. An unknown operator never holds, inverted or not (as in Unleash). */
export function compileConstraint(constraint: Constraint): ConstraintCheck {
  const compiler = Object.hasOwn(compilers, constraint.operator) ? compilers[constraint.operator] : undefined;
  if (compiler === undefined) return never;
  const check = compiler(constraint);
  return constraint.inverted === true ? (context, now) => !check(context, now) : check;
}

/** All constraints as one closure that holds when every one of them holds. */
export function compileConstraints(constraints: readonly Constraint[]): ConstraintCheck {
  const checks = constraints.map(compileConstraint);
  if (checks.length === 0) return () => true;
  const [only] = checks;
  if (checks.length === 1 && only !== undefined) return only;
  return (context, now) => {
    for (const check of checks) if (!check(context, now)) return false;
    return true;
  };
}
