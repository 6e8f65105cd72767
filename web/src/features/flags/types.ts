import type { components } from '../../api/schema.d.ts';

// The shapes of the flags management API, as its OpenAPI document names them; the engine's names
// (rules, constraints, variants) are Unleash's, so an exported configuration reads the same everywhere.
type Schemas = components['schemas'];

/** The constraint operators the engine knows, in Unleash's names. */
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

/** Operators that compare against a list of values; the others take one value. */
export const listOperators: readonly ConstraintOperator[] = [
  'IN',
  'NOT_IN',
  'STR_CONTAINS',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
];

export const flagKinds = ['release', 'experiment', 'ops', 'permission', 'kill-switch'] as const;
export const flagValueTypes = ['boolean', 'string', 'number', 'json'] as const;
export type FlagValueType = (typeof flagValueTypes)[number];

export type FlagSummary = Schemas['FlagSummary'];
export type FlagDetail = Schemas['FlagDetail'];
export type FlagConfig = FlagDetail['environments'][number];
export type Constraint = Schemas['FlagConstraint'];
export type Variant = Schemas['FlagVariant'];
export type FlagValue = Variant['value'];
/** A rule as the editor holds it: the stored ones have an id, new ones get one before saving. */
export type Rule = Schemas['FlagRuleInput'];
export type Prerequisite = FlagDetail['prerequisites'][number];
export type Evaluation = Schemas['FlagEvaluation'];
export type Metrics = Schemas['FlagMetrics'];
export type StaleFlag = Schemas['StaleFlag'];
export type Segment = Schemas['FlagSegment'];
export type SdkKey = Schemas['FlagSdkKey'];
export type ScheduledChange = Schemas['FlagScheduledChange'];
export type FlagEnvironment = Schemas['FlagEnvironment'];

export interface Page<Row> {
  data: Row[];
  nextCursor?: string | null;
}
