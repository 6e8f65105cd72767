// The shapes of the flags management API, as the screens read them. They follow the API's
// FlagSummary, FlagDetail, FlagConfig… schemas; the engine's names (rules, constraints, variants)
// are Unleash's, so an exported configuration reads the same everywhere.

export type FlagValue = boolean | string | number | null | FlagValue[] | { [key: string]: FlagValue };

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

export interface Constraint {
  contextName: string;
  operator: ConstraintOperator;
  values?: string[];
  value?: string;
  inverted?: boolean;
  caseInsensitive?: boolean;
}

export interface Variant {
  name: string;
  value: FlagValue;
  weight: number;
  stickiness?: string;
  overrides?: { contextName: string; values: string[] }[];
}

export interface Rule {
  id?: string;
  name?: string;
  constraints: Constraint[];
  segments: number[];
  rollout: number;
  stickiness: string;
  groupId: string;
  variants?: Variant[];
  disabled?: boolean;
}

export interface EnvironmentSummary {
  environment: string;
  environmentId: string;
  production: boolean;
  enabled: boolean;
  rulesCount: number;
  rollout: number;
  version: number;
}

export interface FlagSummary {
  id: string;
  key: string;
  description: string | null;
  kind: string | null;
  valueType: FlagValueType;
  owner: string | null;
  removalDate: string | null;
  critical: boolean;
  killSwitch: boolean | null;
  status: string | null;
  lastKilledAt: string | null;
  version: number;
  lastEvaluatedAt: string | null;
  stale: boolean;
  environments: EnvironmentSummary[];
}

export interface FlagConfig extends EnvironmentSummary {
  rules: Rule[];
  variants: Variant[];
  defaultValue: FlagValue;
  updatedAt: string | null;
}

export interface Prerequisite {
  flagKey: string;
  value: boolean | string | number;
}

export interface FlagDetail extends Omit<FlagSummary, 'environments'> {
  prerequisites: Prerequisite[];
  environments: FlagConfig[];
}

export interface Page<Row> {
  data: Row[];
  nextCursor?: string | null;
}

export interface Evaluation {
  key: string;
  value: FlagValue;
  variant?: string;
  reason: string;
  ruleId?: string;
  failedPrerequisite?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface Metrics {
  series: { time: string; variant: string; yes: number; no: number }[];
  totals: { variant: string; yes: number; no: number }[];
  lastEvaluatedAt: string | null;
}

export interface StaleFlag {
  key: string;
  reasons: ('fully-rolled-out' | 'unused' | 'past-removal-date')[];
  removalDate: string | null;
  lastEvaluatedAt: string | null;
  codeReferences: { path: string; line: number; excerpt: string | null }[];
}

export interface Segment {
  id: string;
  version: number;
  number: number;
  name: string;
  description: string | null;
  constraints: Constraint[];
}

export interface SdkKey {
  id: string;
  environment: string;
  name: string;
  kind: 'server' | 'client';
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ScheduledChange {
  id: string;
  environment: string;
  runAt: string;
  change: { enabled?: boolean; rollout?: { ruleId: string; percentage: number } };
  status: string;
  appliedAt: string | null;
  error: string | null;
}

export interface FlagEnvironment {
  id: string;
  key: string;
  name: string;
  production: boolean;
  sortOrder: number;
}
