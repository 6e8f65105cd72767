// The shapes of the flag management API's answers that the `shipshape flags` commands read.
import type { Evaluation, FlagValue, TargetingRule, Variant } from '../engines/flag-eval/model.ts';

export type { Evaluation, FlagValue, TargetingRule, Variant };

/** A flag's state in one environment, as the flag list summarises it. */
export interface FlagEnvironmentSummary {
  environment: string;
  environmentId: string;
  production: boolean;
  enabled: boolean;
  rulesCount: number;
  /** The first rule's rollout, or 100 with no rules. */
  rollout: number;
  version: number;
}

export interface FlagSummary {
  id: string;
  key: string;
  description: string | null;
  kind: string;
  valueType: string;
  owner: string | null;
  removalDate: string | null;
  critical: boolean;
  killSwitch: boolean | null;
  status: string;
  lastKilledAt: string | null;
  environments: FlagEnvironmentSummary[];
  lastEvaluatedAt: string | null;
  stale: boolean;
}

/** A flag's full configuration in one environment. */
export interface FlagEnvironmentConfig {
  environment: string;
  environmentId: string;
  production: boolean;
  enabled: boolean;
  rules: TargetingRule[];
  variants: Variant[];
  defaultValue: FlagValue;
  version: number;
  updatedAt: string;
}

export interface FlagDetail extends Omit<FlagSummary, 'environments'> {
  prerequisites: { flagKey: string; value: FlagValue }[];
  environments: FlagEnvironmentConfig[];
}

export interface FlagEnvironment {
  id: string;
  key: string;
  name: string;
  production: boolean;
  sortOrder: number;
}

export interface StaleFlag {
  key: string;
  reasons: string[];
  removalDate: string | null;
  lastEvaluatedAt: string | null;
  codeReferences: { path: string; line: number; excerpt?: string | null }[];
}

export interface FlagMetrics {
  series: { time: string; variant: string | null; yes: number; no: number }[];
  totals: { variant: string | null; yes: number; no: number }[];
  lastEvaluatedAt: string | null;
}

export interface ScheduledChange {
  id: string;
  environment?: string;
  runAt: string;
  change: unknown;
  [field: string]: unknown;
}

export interface SdkKey {
  id: string;
  name: string;
  kind: 'server' | 'client';
  prefix: string;
  environment?: string;
  environmentId?: string;
  createdAt?: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
  /** Only in the answer that creates the key. */
  secret?: string;
}
