import type { ConstraintOperator } from '../../../../src/engines/flag-eval/model.ts';
import type { components } from '../../api/schema.d.ts';

// The shapes of the flags management API, as its OpenAPI document names them; the engine's names
// (rules, constraints, variants) are Unleash's, so an exported configuration reads the same everywhere.
type Schemas = components['schemas'];

// The constraint operators and value types come from the engine itself, so the editor offers
// exactly what the server accepts.
export {
  type ConstraintOperator,
  constraintOperators,
  type FlagValueType,
  flagValueTypes,
} from '../../../../src/engines/flag-eval/model.ts';

/** Operators that compare against a list of values; the others take one value. */
export const listOperators: readonly ConstraintOperator[] = [
  'IN',
  'NOT_IN',
  'STR_CONTAINS',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
];

export const flagKinds = ['release', 'experiment', 'ops', 'permission', 'kill-switch'] as const;

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
