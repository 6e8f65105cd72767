/**
 * The shapes the flag evaluation engine reads and answers with. A snapshot holds everything one
 * environment of one project needs to evaluate its flags: the flags with their rules, variants and
 * prerequisites, and the segments their rules refer to. The module builds snapshots from its tables;
 * the CLI and the benchmarks build them from JSON. Names follow Unleash's client payload where the
 * concept is the same, so that converting a snapshot into that payload loses nothing.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a flag serves: on/off, or one of its variants' values. */
export const flagValueTypes = ['boolean', 'string', 'number', 'json'] as const;
export type FlagValueType = (typeof flagValueTypes)[number];
export type FlagValue = boolean | string | number | JsonValue;

/** Constraint operators, as Unleash names them (its SDKs read these names unchanged). */
export const constraintOperators = [
  'IN',
  'NOT_IN',
  'STR_CONTAINS',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
  'NUM_EQ',
  'NUM_GT',
  'NUM_GTE',
  'NUM_LT',
  'NUM_LTE',
  'DATE_AFTER',
  'DATE_BEFORE',
  'SEMVER_EQ',
  'SEMVER_GT',
  'SEMVER_LT',
  'REGEX',
] as const;
export type ConstraintOperator = (typeof constraintOperators)[number];

/** One condition on a context field. `values` for IN / NOT_IN / STR_*, `value` for the others. */
export interface Constraint {
  /** A context field: userId, sessionId, remoteAddress, environment, appName, currentTime, or a property. */
  contextName: string;
  operator: ConstraintOperator;
  values?: string[];
  value?: string;
  /** Negates the outcome. */
  inverted?: boolean;
  /**
   * For STR_* and REGEX: compare ignoring case. IN / NOT_IN always compare exactly, as Unleash's SDKs do
   * (checkFlag reports the flag set there).
   */
  caseInsensitive?: boolean;
}

/** A named list of constraints that rules of many flags share. The id is Unleash's numeric segment id. */
export interface Segment {
  id: number;
  name: string;
  constraints: Constraint[];
}

/** Pins a variant for the listed values of a context field, ahead of the weighted choice. */
export interface VariantOverride {
  contextName: string;
  values: string[];
}

export interface Variant {
  name: string;
  /** The value served with this variant: the flag's value for string, number and json flags. */
  value: FlagValue;
  /** Relative weight (Unleash uses 0..1000 per variant, summing to 1000). */
  weight: number;
  /** The context field that keeps a user on one variant; `default` when absent. */
  stickiness?: string;
  overrides?: VariantOverride[];
}

/**
 * One targeting rule: who it selects (constraints and segments, all must hold), what share of them
 * (the rollout, 0 to 100 in steps of 0.01, bucketed on the stickiness field within the group) and,
 * optionally, the variants it serves instead of the flag's own.
 */
export interface TargetingRule {
  /** Stable id named in the evaluation reason. */
  id: string;
  name?: string;
  constraints: Constraint[];
  /** Segment ids; every segment's constraints must hold. */
  segments: number[];
  rollout: number;
  /** `default` (userId, then sessionId, then random), `random`, or any context field. */
  stickiness: string;
  /** Bucketing group; the flag key when empty, as in Unleash. */
  groupId: string;
  variants?: Variant[];
  /** A disabled rule is skipped. */
  disabled?: boolean;
}

/** The flag is on only when the flag named evaluates to `value` (true/false, or a variant value). */
export interface Prerequisite {
  flagKey: string;
  value: FlagValue;
}

/** One flag as one environment serves it. */
export interface FlagDefinition {
  key: string;
  type: FlagValueType;
  /** Off in this environment: serves `defaultValue` with reason DISABLED. */
  enabled: boolean;
  /** In order; the first that selects the context decides. No rules: on for everyone. */
  rules: TargetingRule[];
  /** The flag's own variants; a non-boolean flag needs at least one. */
  variants: Variant[];
  /** Served when the flag is off, no rule selects the context, or a prerequisite fails. */
  defaultValue: FlagValue;
  prerequisites: Prerequisite[];
}

/** Everything an environment evaluates. */
export interface EnvironmentSnapshot {
  /** The environment's key, e.g. production. */
  environment: string;
  flags: FlagDefinition[];
  segments: Segment[];
}

/**
 * What the application says about the user and the call. Unleash's context fields are named; any
 * other field is read from `properties`, then from the context itself (OFREP sends flat contexts).
 */
export interface EvaluationContext {
  userId?: string;
  sessionId?: string;
  remoteAddress?: string;
  environment?: string;
  appName?: string;
  /** ISO 8601; the evaluation time when absent. */
  currentTime?: string;
  properties?: Record<string, string | number | boolean | undefined>;
  [field: string]: unknown;
}

/** OpenFeature's resolution reasons, plus PREREQUISITE_FAILED (a custom reason, as OpenFeature allows). */
export const evaluationReasons = [
  'STATIC',
  'TARGETING_MATCH',
  'SPLIT',
  'DISABLED',
  'DEFAULT',
  'PREREQUISITE_FAILED',
  'ERROR',
] as const;
export type EvaluationReason = (typeof evaluationReasons)[number];

/** OpenFeature's error codes. */
export const evaluationErrorCodes = [
  'FLAG_NOT_FOUND',
  'TYPE_MISMATCH',
  'PARSE_ERROR',
  'TARGETING_KEY_MISSING',
  'INVALID_CONTEXT',
  'GENERAL',
] as const;
export type EvaluationErrorCode = (typeof evaluationErrorCodes)[number];

export interface Evaluation {
  key: string;
  value: FlagValue;
  /** The variant served, when the flag has variants (for boolean flags without variants: `on` / `off`). */
  variant?: string;
  reason: EvaluationReason;
  /** The rule that selected the context (TARGETING_MATCH, SPLIT). */
  ruleId?: string;
  /** The prerequisite flag that failed (PREREQUISITE_FAILED). */
  failedPrerequisite?: string;
  errorCode?: EvaluationErrorCode;
  errorMessage?: string;
}
