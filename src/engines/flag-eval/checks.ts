/**
 * Semantic checks of a flag definition, beyond its shape (which the API's schemas validate): problems a
 * writer must fix before the flag is saved, each with the path of the offending field.
 */
import { SemVer } from 'semver';
import { compileRegex, MAX_REGEX_LENGTH } from './constraints.ts';
import type { Constraint, FlagDefinition, FlagValue, Segment, TargetingRule, Variant } from './model.ts';

export interface FlagProblem {
  path: string;
  message: string;
}

const multiValueOperators = new Set(['IN', 'NOT_IN', 'STR_CONTAINS', 'STR_STARTS_WITH', 'STR_ENDS_WITH']);

function valueProblem(constraint: Constraint): string | null {
  const { operator, value } = constraint;
  if (multiValueOperators.has(operator)) return null;
  if (value === undefined || value.trim() === '') return `${operator} needs a value.`;
  if (operator.startsWith('NUM_') && Number.isNaN(Number(value))) return `'${value}' is not a number.`;
  if (operator.startsWith('DATE_') && Number.isNaN(new Date(value).getTime()))
    return `'${value}' is not a date.`;
  if (operator.startsWith('SEMVER_')) {
    try {
      new SemVer(value);
    } catch {
      return `'${value}' is not a semantic version (like 1.2.3).`;
    }
  }
  if (operator === 'REGEX') {
    if (value.length > MAX_REGEX_LENGTH) return `The pattern is longer than ${MAX_REGEX_LENGTH} characters.`;
    if (compileRegex(value, constraint.caseInsensitive === true) === null)
      return `'${value}' is not a valid regular expression.`;
  }
  return null;
}

export function checkConstraints(constraints: readonly Constraint[], path: string): FlagProblem[] {
  const problems: FlagProblem[] = [];
  constraints.forEach((constraint, index) => {
    const at = `${path}/${index}`;
    if (constraint.contextName.trim() === '')
      problems.push({ path: `${at}/contextName`, message: 'Name a context field.' });
    if (
      (constraint.operator === 'IN' || constraint.operator === 'NOT_IN') &&
      constraint.caseInsensitive === true
    ) {
      problems.push({
        path: `${at}/caseInsensitive`,
        message: `${constraint.operator} compares exactly (as in Unleash); use STR_* operators to ignore case.`,
      });
    }
    if (multiValueOperators.has(constraint.operator)) {
      const values = (constraint.values ?? []).filter((value) => value.trim() !== '');
      if (values.length === 0)
        problems.push({ path: `${at}/values`, message: `${constraint.operator} needs at least one value.` });
      return;
    }
    const problem = valueProblem(constraint);
    if (problem !== null) problems.push({ path: `${at}/value`, message: problem });
  });
  return problems;
}

function valueTypeProblem(flag: FlagDefinition, value: FlagValue): string | null {
  switch (flag.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'A boolean flag serves true or false.';
    case 'string':
      return typeof value === 'string' ? null : 'A string flag serves strings.';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : 'A number flag serves finite numbers.';
    default:
      return value !== undefined ? null : 'A json flag serves JSON values.';
  }
}

function checkVariants(flag: FlagDefinition, variants: readonly Variant[], path: string): FlagProblem[] {
  const problems: FlagProblem[] = [];
  const names = new Set<string>();
  variants.forEach((variant, index) => {
    const at = `${path}/${index}`;
    if (variant.name.trim() === '') problems.push({ path: `${at}/name`, message: 'Name the variant.' });
    if (names.has(variant.name))
      problems.push({ path: `${at}/name`, message: `Variant '${variant.name}' appears twice.` });
    names.add(variant.name);
    if (flag.type !== 'boolean') {
      const problem = valueTypeProblem(flag, variant.value);
      if (problem !== null) problems.push({ path: `${at}/value`, message: problem });
    }
    if (!Number.isFinite(variant.weight) || variant.weight < 0) {
      problems.push({ path: `${at}/weight`, message: 'A weight is a number of zero or more.' });
    }
  });
  if (variants.length > 0 && variants.every((variant) => variant.weight === 0)) {
    problems.push({ path, message: 'At least one variant needs a weight above zero.' });
  }
  return problems;
}

function rolloutProblem(rollout: number): string | null {
  if (!Number.isFinite(rollout) || rollout < 0 || rollout > 100)
    return 'A rollout is a percentage from 0 to 100.';
  if (Math.abs(rollout * 100 - Math.round(rollout * 100)) > 1e-6) return 'A rollout goes in steps of 0.01 %.';
  return null;
}

function checkRule(
  flag: FlagDefinition,
  rule: TargetingRule,
  path: string,
  segmentIds: ReadonlySet<number>,
): FlagProblem[] {
  const problems = checkConstraints(rule.constraints, `${path}/constraints`);
  rule.segments.forEach((segmentId, index) => {
    if (!segmentIds.has(segmentId))
      problems.push({ path: `${path}/segments/${index}`, message: `No segment ${segmentId}.` });
  });
  const rollout = rolloutProblem(rule.rollout);
  if (rollout !== null) problems.push({ path: `${path}/rollout`, message: rollout });
  if (rule.variants !== undefined) problems.push(...checkVariants(flag, rule.variants, `${path}/variants`));
  return problems;
}

/** The flag's semantic problems; an empty list means it can be saved. */
export function checkFlag(flag: FlagDefinition, segments: readonly Segment[]): FlagProblem[] {
  const problems: FlagProblem[] = [];
  const segmentIds = new Set(segments.map((segment) => segment.id));
  const ruleIds = new Set<string>();
  flag.rules.forEach((rule, index) => {
    if (ruleIds.has(rule.id))
      problems.push({ path: `/rules/${index}/id`, message: `Rule id '${rule.id}' appears twice.` });
    ruleIds.add(rule.id);
    problems.push(...checkRule(flag, rule, `/rules/${index}`, segmentIds));
  });
  problems.push(...checkVariants(flag, flag.variants, '/variants'));
  if (flag.type !== 'boolean' && flag.variants.length === 0) {
    problems.push({ path: '/variants', message: `A ${flag.type} flag needs at least one variant to serve.` });
  }
  const defaultProblem = valueTypeProblem(flag, flag.defaultValue);
  if (defaultProblem !== null) problems.push({ path: '/defaultValue', message: defaultProblem });
  flag.prerequisites.forEach((prerequisite, index) => {
    if (prerequisite.flagKey === flag.key) {
      problems.push({ path: `/prerequisites/${index}/flagKey`, message: 'A flag cannot depend on itself.' });
    }
  });
  return problems;
}
