import { uuidv7 } from 'uuidv7';
import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import type { FlagDefinition, FlagValue, TargetingRule } from '../../engines/flag-eval/model.ts';
import type { ConfigOutput, ConfigPatch, ConfigPut } from './contracts.ts';
import { assertSound } from './flags.ts';
import { configResource, flagResource } from './resource.ts';
import { segmentsOf } from './segments.ts';
import { configOf, environmentByKey, type FlagRow, flagByKey, prerequisitesOf } from './store.ts';
import type { FlagConfigRow, FlagEnvironmentRow } from './tables.ts';
import { configView } from './view.ts';

// How an environment serves a flag: the whole config (PUT, as the editor saves it) or a toggle and
// a rollout slider (PATCH). Every write is checked by the engine, versioned and audited, and keeps
// the plan row's status in step: a flag a production environment serves is active.

export interface ConfigAddress {
  key: string;
  environment: string;
}

/** What a config write changes, and how it is recorded. */
export interface ConfigWrite {
  values: Partial<Pick<FlagConfigRow, 'enabled' | 'rules' | 'variants' | 'defaultValue'>>;
  expected?: number;
  event?: string;
  reason?: string;
}

/** A planned flag becomes active once a production environment serves it. */
async function markServed(
  tx: Transaction,
  scope: Scope,
  flag: FlagRow,
  environment: FlagEnvironmentRow,
  row: FlagConfigRow,
) {
  if (!environment.production || !row.enabled || (flag.status && flag.status !== 'planned')) return;
  await changeRow(tx, flagResource, scope, flag.id, { values: { status: 'active' } });
}

/**
 * Writes the config of a flag in an environment: creates it when the flag has none there yet (a
 * flag written through the plan alone), else changes it at the expected version (412 when stale).
 */
export async function writeConfig(
  tx: Transaction,
  scope: Scope,
  target: { flag: FlagRow; environment: FlagEnvironmentRow },
  write: ConfigWrite,
): Promise<FlagConfigRow> {
  const { flag, environment } = target;
  const current = await configOf(tx, scope, flag.id, environment.id);
  let row: FlagConfigRow;
  if (!current) {
    if (write.expected !== undefined && write.expected !== 0)
      throw new AppError('precondition_failed', `${flag.name} has no config in ${environment.key} yet.`, {
        code: 'version_mismatch',
        extensions: { currentVersion: 0 },
      });
    row = await createRow(tx, configResource, scope, {
      flagId: flag.id,
      environmentId: environment.id,
      ...write.values,
    });
  } else {
    row = await changeRow(tx, configResource, scope, current.id, {
      values: write.values,
      expectedVersion: write.expected || undefined,
      event: write.event,
      reason: write.reason,
    });
  }
  await markServed(tx, scope, flag, environment, row);
  return row;
}

/** Rules keep their ids; a rule sent without one gets a new one. */
function withIds(rules: ConfigPut['rules']): TargetingRule[] {
  return rules.map((rule) => ({ ...rule, id: rule.id ?? uuidv7() }) as TargetingRule);
}

/** The flag as the environment will serve it, for the engine to check. */
async function definitionOf(
  tx: Transaction,
  scope: Scope,
  flag: FlagRow,
  config: Pick<FlagDefinition, 'enabled' | 'rules' | 'variants' | 'defaultValue'>,
): Promise<FlagDefinition> {
  const prerequisites = await prerequisitesOf(tx, scope, flag.id);
  return {
    key: flag.name ?? '',
    type: flag.valueType ?? 'boolean',
    ...config,
    prerequisites: prerequisites.map(({ flagKey, value }) => ({ flagKey, value: value as FlagValue })),
  };
}

async function addressed(tx: Transaction, scope: Scope, address: ConfigAddress) {
  await assertProjectVisible(tx, scope);
  const flag = await flagByKey(tx, scope, address.key);
  const environment = await environmentByKey(tx, scope, address.environment);
  return { flag, environment };
}

/** PUT …/environments/{environment}: the whole config. 422 with the engine's problems, 412 when stale. */
export async function putConfig(
  scope: Scope,
  address: ConfigAddress,
  input: ConfigPut,
  expected?: number,
): Promise<ConfigOutput> {
  return scope.db.transaction(async (tx) => {
    const target = await addressed(tx, scope, address);
    const values = {
      enabled: input.enabled,
      rules: withIds(input.rules),
      variants: input.variants as FlagDefinition['variants'],
      defaultValue: input.defaultValue as FlagValue,
    };
    assertSound(await definitionOf(tx, scope, target.flag, values), await segmentsOf(tx, scope));
    const row = await writeConfig(tx, scope, target, { values, expected });
    return configView(target.environment, row);
  });
}

/** PATCH …/environments/{environment}: a toggle, or one rule's rollout. */
export async function patchConfig(
  scope: Scope,
  address: ConfigAddress,
  input: ConfigPatch,
  expected?: number,
): Promise<ConfigOutput> {
  return scope.db.transaction(async (tx) => {
    const target = await addressed(tx, scope, address);
    const current = await configOf(tx, scope, target.flag.id, target.environment.id);
    const values: ConfigWrite['values'] = {};
    if (input.enabled !== undefined) values.enabled = input.enabled;
    if (input.rollout) values.rules = withRollout(current?.rules ?? [], input.rollout, 'rollout.ruleId');
    const row = await writeConfig(tx, scope, target, { values, expected });
    return configView(target.environment, row);
  });
}

/** The rules with one rule's rollout moved; 422 naming the path when the rule is not there. */
export function withRollout(
  rules: readonly TargetingRule[],
  rollout: { ruleId: string; percentage: number },
  path: string,
): TargetingRule[] {
  if (!rules.some((rule) => rule.id === rollout.ruleId))
    throw new AppError('unprocessable', `There is no rule ${rollout.ruleId} in this environment.`, {
      code: 'flag.rule_not_found',
      errors: [{ path, message: 'no rule with this id' }],
    });
  return rules.map((rule) => (rule.id === rollout.ruleId ? { ...rule, rollout: rollout.percentage } : rule));
}
