import type { FlagValue, TargetingRule } from '../../engines/flag-eval/model.ts';
import type { ConfigOutput, FlagDetail, FlagSummary } from './contracts.ts';
import type { StaleReason } from './operations-contracts.ts';
import type { FlagRow } from './store.ts';
import type { FlagConfigRow, FlagEnvironmentRow } from './tables.ts';

// How flags read in answers: the plan row's fields, one entry per environment of the project (a
// flag written through the plan alone has no config yet: it reads as off, at version 0), and what
// the telemetry says.

const day = 86_400_000;

/** The rollout the UI's slider shows: the first rule's, or 100 with no rules (on for everyone). */
function rolloutOf(rules: readonly TargetingRule[]): number {
  return rules[0]?.rollout ?? 100;
}

export function configView(environment: FlagEnvironmentRow, config: FlagConfigRow | undefined): ConfigOutput {
  const rules = config?.rules ?? [];
  return {
    environment: environment.key,
    environmentId: environment.id,
    production: environment.production,
    enabled: config?.enabled ?? false,
    rulesCount: rules.length,
    rollout: rolloutOf(rules),
    version: config?.version ?? 0,
    rules,
    variants: config?.variants ?? [],
    defaultValue: config?.defaultValue ?? false,
    updatedAt: config?.updatedAt ?? null,
  };
}

/** What the views of one flag need besides its row. */
export interface FlagFacts {
  environments: readonly FlagEnvironmentRow[];
  configs: readonly FlagConfigRow[];
  lastEvaluatedAt: Date | null;
}

/** Served to everyone: no rule below 100 % and none that selects by constraint or segment. */
function servesEveryone(config: FlagConfigRow): boolean {
  return config.rules.every(
    (rule) =>
      rule.disabled || (rule.rollout >= 100 && rule.constraints.length === 0 && rule.segments.length === 0),
  );
}

/**
 * Why a flag is stale, if it is: on for everyone in every production environment, unchanged for
 * `days`; not evaluated for `days` (and older than that); or past its removal date.
 */
export function staleReasonsOf(flag: FlagRow, facts: FlagFacts, now: Date, days: number): StaleReason[] {
  if (flag.status === 'removed') return [];
  const since = now.getTime() - days * day;
  const reasons: StaleReason[] = [];
  const production = facts.environments.filter((environment) => environment.production);
  const configs = production.map((environment) =>
    facts.configs.find((config) => config.flagId === flag.id && config.environmentId === environment.id),
  );
  const rolledOut =
    configs.length > 0 &&
    configs.every(
      (config) => config?.enabled && servesEveryone(config) && config.updatedAt.getTime() <= since,
    );
  if (rolledOut) reasons.push('fully-rolled-out');
  const lastUse = facts.lastEvaluatedAt?.getTime() ?? flag.createdAt.getTime();
  if (lastUse <= since) reasons.push('unused');
  if (flag.removalDate && flag.removalDate < now.toISOString().slice(0, 10))
    reasons.push('past-removal-date');
  return reasons;
}

/** Days without use that make a flag stale by default (the stale list's default too). */
export const defaultStaleDays = 30;

export function summaryOf(flag: FlagRow, facts: FlagFacts, now = new Date()): FlagSummary {
  return {
    ...planFieldsOf(flag, facts, now),
    environments: facts.environments.map((environment) => {
      const {
        rules: _,
        variants: __,
        defaultValue: ___,
        updatedAt: ____,
        ...summary
      } = configView(
        environment,
        facts.configs.find((config) => config.flagId === flag.id && config.environmentId === environment.id),
      );
      return summary;
    }),
  };
}

export function detailOf(
  flag: FlagRow,
  facts: FlagFacts,
  prerequisites: readonly { flagKey: string; value: FlagValue }[],
  now = new Date(),
): FlagDetail {
  return {
    ...planFieldsOf(flag, facts, now),
    prerequisites: prerequisites.map(({ flagKey, value }) => ({
      flagKey,
      value: typeof value === 'object' || value === null ? true : value,
    })),
    environments: facts.environments.map((environment) =>
      configView(
        environment,
        facts.configs.find((config) => config.flagId === flag.id && config.environmentId === environment.id),
      ),
    ),
  };
}

function planFieldsOf(flag: FlagRow, facts: FlagFacts, now: Date) {
  return {
    id: flag.id,
    key: flag.name ?? '',
    description: flag.description ?? null,
    kind: flag.kind ?? null,
    valueType: flag.valueType ?? 'boolean',
    owner: flag.owner ?? null,
    removalDate: flag.removalDate ?? null,
    critical: flag.critical ?? false,
    killSwitch: flag.killSwitch ?? null,
    status: flag.status ?? null,
    lastKilledAt: flag.lastKilledAt ?? null,
    version: flag.version,
    lastEvaluatedAt: facts.lastEvaluatedAt,
    stale: staleReasonsOf(flag, facts, now, defaultStaleDays).length > 0,
  };
}
