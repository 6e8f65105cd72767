/**
 * Evaluating compiled flags. Order: not enabled → DISABLED; prerequisites (to any depth; a cycle → ERROR);
 * no rules → on for everyone (STATIC); else the first rule whose constraints and segments hold and whose
 * rollout admits the context (TARGETING_MATCH at 100 %, SPLIT below); no rule → DEFAULT.
 */
import {
  CompiledEnvironment,
  type CompiledFlag,
  type CompiledRule,
  type CompiledSnapshot,
} from './compile.ts';
import type { Evaluation, EvaluationContext, FlagValue, Variant } from './model.ts';
import { prerequisiteMet } from './prerequisites.ts';

/** Flags being evaluated up the prerequisite chain (cycle detection) and the answers already known. */
interface PrerequisiteTrail {
  readonly chain: string[];
  readonly known: Map<string, Evaluation>;
}

function served(flag: CompiledFlag, value: FlagValue, reason: Evaluation['reason']): Evaluation {
  const evaluation: Evaluation = { key: flag.definition.key, value, reason };
  if (flag.definition.type === 'boolean') evaluation.variant = 'off';
  return evaluation;
}

function failure(
  key: string,
  value: FlagValue,
  errorCode: Evaluation['errorCode'],
  errorMessage: string,
): Evaluation {
  return { key, value, reason: 'ERROR', errorCode, errorMessage };
}

function on(
  flag: CompiledFlag,
  variant: Variant | null,
  reason: Evaluation['reason'],
  rule?: CompiledRule,
): Evaluation {
  const { definition } = flag;
  let evaluation: Evaluation;
  if (definition.type === 'boolean') {
    evaluation = { key: definition.key, value: true, variant: variant?.name ?? 'on', reason };
  } else if (variant === null) {
    return failure(definition.key, definition.defaultValue, 'GENERAL', 'The flag has no variant to serve.');
  } else {
    evaluation = { key: definition.key, value: variant.value, variant: variant.name, reason };
  }
  if (rule !== undefined) evaluation.ruleId = rule.id;
  return evaluation;
}

function matchRule(flag: CompiledFlag, context: EvaluationContext, now: Date | undefined): Evaluation {
  for (const rule of flag.rules) {
    if (!rule.selects(context, now) || !rule.admits(context)) continue;
    const variant = rule.variants?.choose(context) ?? flag.variants.choose(context);
    return on(flag, variant, rule.split ? 'SPLIT' : 'TARGETING_MATCH', rule);
  }
  return served(flag, flag.definition.defaultValue, 'DEFAULT');
}

function checkPrerequisites(
  compiled: CompiledEnvironment,
  flag: CompiledFlag,
  context: EvaluationContext,
  now: Date | undefined,
  trail: PrerequisiteTrail,
): Evaluation | null {
  const { key, defaultValue } = flag.definition;
  trail.chain.push(key);
  try {
    for (const prerequisite of flag.definition.prerequisites) {
      if (trail.chain.includes(prerequisite.flagKey)) {
        const cycle = [...trail.chain.slice(trail.chain.indexOf(prerequisite.flagKey)), prerequisite.flagKey];
        return failure(key, defaultValue, 'GENERAL', `Prerequisite cycle: ${cycle.join(' → ')}.`);
      }
      const parent = evaluateIn(compiled, prerequisite.flagKey, context, now, trail);
      if (parent.reason === 'ERROR' && parent.errorCode === 'GENERAL') {
        return failure(
          key,
          defaultValue,
          'GENERAL',
          parent.errorMessage ?? 'A prerequisite failed to evaluate.',
        );
      }
      if (!prerequisiteMet(parent, prerequisite.value)) {
        const evaluation = served(flag, defaultValue, 'PREREQUISITE_FAILED');
        evaluation.failedPrerequisite = prerequisite.flagKey;
        return evaluation;
      }
    }
    return null;
  } finally {
    trail.chain.pop();
  }
}

function evaluateIn(
  compiled: CompiledEnvironment,
  key: string,
  context: EvaluationContext,
  now: Date | undefined,
  trail: PrerequisiteTrail | undefined,
): Evaluation {
  const known = trail?.known.get(key);
  if (known !== undefined) return known;
  const flag = compiled.flags.get(key);
  if (flag === undefined)
    return failure(key, null, 'FLAG_NOT_FOUND', `No flag '${key}' in ${compiled.environment}.`);
  const { definition } = flag;
  let evaluation: Evaluation | null = null;
  if (!definition.enabled) evaluation = served(flag, definition.defaultValue, 'DISABLED');
  else if (definition.prerequisites.length > 0) {
    evaluation = checkPrerequisites(compiled, flag, context, now, trail ?? { chain: [], known: new Map() });
  }
  if (evaluation === null) {
    evaluation =
      definition.rules.length === 0
        ? on(flag, flag.variants.choose(context), 'STATIC')
        : matchRule(flag, context, now);
  }
  trail?.known.set(key, evaluation);
  return evaluation;
}

/** The compiled form behind the opaque interface; only compileSnapshot makes one. */
function environmentOf(compiled: CompiledSnapshot): CompiledEnvironment {
  if (compiled instanceof CompiledEnvironment) return compiled;
  throw new TypeError('Evaluate a snapshot compiled with compileSnapshot.');
}

export function evaluateFlag(
  compiled: CompiledSnapshot,
  key: string,
  context: EvaluationContext,
  now?: Date,
): Evaluation {
  return evaluateIn(environmentOf(compiled), key, context, now, undefined);
}

/** Every flag of the snapshot, in snapshot order; a prerequisite shared by many flags is evaluated once. */
export function evaluateAll(
  compiled: CompiledSnapshot,
  context: EvaluationContext,
  now?: Date,
): Evaluation[] {
  const environment = environmentOf(compiled);
  const trail: PrerequisiteTrail = { chain: [], known: new Map() };
  return environment.keys.map((key) => evaluateIn(environment, key, context, now, trail));
}
