/**
 * Compiling a snapshot: every rule's constraints and segments become one closure, every rollout a bucket
 * check, every variant list a chooser, so that evaluation reads no definitions and builds no lookups.
 * Compiling never throws: a rule whose regex is invalid, or that names a missing segment, simply never
 * selects anyone (checkFlag reports both when the flag is written).
 */
import { type ConstraintCheck, compileConstraints } from './constraints.ts';
import type { Constraint, EnvironmentSnapshot, FlagDefinition, Segment, TargetingRule } from './model.ts';
import { compileRollout, type RolloutCheck } from './rollout.ts';
import { compileVariants, type VariantChooser } from './variants.ts';

export interface CompiledSnapshot {
  readonly environment: string;
  readonly keys: readonly string[];
}

export interface CompiledRule {
  readonly id: string;
  readonly selects: ConstraintCheck;
  readonly admits: RolloutCheck;
  /** Below 100 %: the reason is SPLIT rather than TARGETING_MATCH. */
  readonly split: boolean;
  /** The rule's own variants, or null when it serves the flag's. */
  readonly variants: VariantChooser | null;
}

export interface CompiledFlag {
  readonly definition: FlagDefinition;
  /** The rules that take part (disabled ones left out). */
  readonly rules: readonly CompiledRule[];
  readonly variants: VariantChooser;
}

/** The compiled form; callers only see `environment` and `keys`. */
export class CompiledEnvironment implements CompiledSnapshot {
  readonly environment: string;
  readonly keys: readonly string[];
  readonly flags: ReadonlyMap<string, CompiledFlag>;

  constructor(environment: string, flags: Map<string, CompiledFlag>) {
    this.environment = environment;
    this.flags = flags;
    this.keys = [...flags.keys()];
  }
}

const never: ConstraintCheck = () => false;

function ruleConstraints(rule: TargetingRule, segments: ReadonlyMap<number, Segment>): Constraint[] | null {
  const constraints = [...rule.constraints];
  for (const segmentId of rule.segments) {
    const segment = segments.get(segmentId);
    if (segment === undefined) return null;
    constraints.push(...segment.constraints);
  }
  return constraints;
}

function compileRule(
  flag: FlagDefinition,
  rule: TargetingRule,
  segments: ReadonlyMap<number, Segment>,
): CompiledRule {
  const groupId = rule.groupId || flag.key;
  const constraints = ruleConstraints(rule, segments);
  return {
    id: rule.id,
    selects: constraints === null ? never : compileConstraints(constraints),
    admits: compileRollout(rule.rollout, rule.stickiness, groupId),
    split: Math.round(rule.rollout * 100) < 10000,
    variants:
      rule.variants && rule.variants.length > 0
        ? compileVariants(rule.variants, groupId, rule.stickiness)
        : null,
  };
}

export function compileFlag(flag: FlagDefinition, segments: ReadonlyMap<number, Segment>): CompiledFlag {
  return {
    definition: flag,
    rules: flag.rules
      .filter((rule) => rule.disabled !== true)
      .map((rule) => compileRule(flag, rule, segments)),
    variants: compileVariants(flag.variants, flag.key, 'default'),
  };
}

export function compileSnapshot(snapshot: EnvironmentSnapshot): CompiledSnapshot {
  const segments = new Map(snapshot.segments.map((segment) => [segment.id, segment]));
  const flags = new Map<string, CompiledFlag>();
  for (const flag of snapshot.flags) flags.set(flag.key, compileFlag(flag, segments));
  return new CompiledEnvironment(snapshot.environment, flags);
}
