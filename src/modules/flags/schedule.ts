import { AppError } from '../../core/errors/app-error.ts';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible, getRow, listRows } from '../../core/resource/service.ts';
import { changeRow, createRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import type { RampCreate, ScheduleCreate, ScheduledChangeOutput } from './operations-contracts.ts';
import { scheduledChangeResource } from './resource.ts';
import { configOf, environmentByKey, environmentsOf, type FlagRow, flagByKey } from './store.ts';
import type { FlagEnvironmentRow, FlagScheduledChangeRow, ScheduledChange } from './tables.ts';

// Changes to apply later: turn a flag on or off at a time, or move a rule's rollout step by step
// (a ramp is one scheduled change per step). The flags job applies them when due.

export function scheduledView(row: FlagScheduledChangeRow, environment: string): ScheduledChangeOutput {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    flagId: row.flagId,
    environmentId: row.environmentId,
    environment,
    runAt: row.runAt,
    change: row.change,
    status: row.status,
    appliedAt: row.appliedAt,
    error: row.error,
  };
}

/** A rollout change must name a rule the environment has now (it is checked again when applied). */
async function assertRuleExists(
  tx: Transaction,
  scope: Scope,
  target: { flag: FlagRow; environment: FlagEnvironmentRow },
  ruleId: string,
  path: string,
): Promise<void> {
  const config = await configOf(tx, scope, target.flag.id, target.environment.id);
  if (config?.rules.some((rule) => rule.id === ruleId)) return;
  throw new AppError(
    'unprocessable',
    `${target.environment.key} has no rule ${ruleId} for ${target.flag.name}.`,
    {
      code: 'flag.rule_not_found',
      errors: [{ path, message: 'no rule with this id in the environment' }],
    },
  );
}

async function schedule(
  tx: Transaction,
  scope: Scope,
  target: { flag: FlagRow; environment: FlagEnvironmentRow },
  runAt: Date,
  change: ScheduledChange,
): Promise<ScheduledChangeOutput> {
  const row = await createRow(tx, scheduledChangeResource, scope, {
    flagId: target.flag.id,
    environmentId: target.environment.id,
    runAt,
    change,
    status: 'pending',
    createdBy: scope.ctx.actor.userId,
  });
  return scheduledView(row, target.environment.key);
}

async function targetOf(tx: Transaction, scope: Scope, key: string, environment: string) {
  await assertProjectVisible(tx, scope);
  return {
    flag: await flagByKey(tx, scope, key),
    environment: await environmentByKey(tx, scope, environment),
  };
}

/** POST /flags/{key}/schedule: one change at a time. Audited. */
export async function scheduleChange(scope: Scope, key: string, input: ScheduleCreate) {
  return scope.db.transaction(async (tx) => {
    const target = await targetOf(tx, scope, key, input.environment);
    const change: ScheduledChange = input.change;
    if (change.rollout)
      await assertRuleExists(tx, scope, target, change.rollout.ruleId, 'change.rollout.ruleId');
    return schedule(tx, scope, target, new Date(input.runAt), change);
  });
}

/** POST /flags/{key}/schedule/ramp: a rule's rollout moved step by step, one scheduled change per step. */
export async function scheduleRamp(scope: Scope, key: string, input: RampCreate) {
  return scope.db.transaction(async (tx) => {
    const target = await targetOf(tx, scope, key, input.environment);
    await assertRuleExists(tx, scope, target, input.ruleId, 'ruleId');
    const steps = [...input.steps].sort((a, b) => a.at.localeCompare(b.at));
    const data: ScheduledChangeOutput[] = [];
    for (const step of steps) {
      const rollout = { ruleId: input.ruleId, percentage: step.percentage };
      data.push(await schedule(tx, scope, target, new Date(step.at), { rollout }));
    }
    return { data, nextCursor: null };
  });
}

/** GET /flags/{key}/schedule: the flag's scheduled changes, soonest first, whatever their status. */
export async function listSchedule(scope: Scope, key: string, page: { limit: number; cursor?: string }) {
  return scope.db.read(async (db) => {
    await assertProjectVisible(db, scope);
    const flag = await flagByKey(db, scope, key);
    const rows = await listRows(db, scheduledChangeResource, scope, {
      ...page,
      sort: 'runAt',
      'filter[flagId]': flag.id,
    });
    const environments = new Map((await environmentsOf(db, scope)).map((entry) => [entry.id, entry.key]));
    return {
      data: rows.data.map((row) => scheduledView(row, environments.get(row.environmentId) ?? '')),
      nextCursor: rows.nextCursor,
    };
  });
}

/** DELETE /flags/{key}/schedule/{id}: cancels a pending change (one already applied stays). Audited. */
export async function cancelScheduled(scope: Scope, key: string, id: string): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const flag = await flagByKey(tx, scope, key);
    const row = await getRow(tx, scheduledChangeResource, scope, id, true);
    if (row.flagId !== flag.id)
      throw new AppError('not_found', `${key} has no scheduled change ${id}.`, {
        code: 'scheduled_change.not_found',
      });
    if (row.status === 'cancelled') return;
    if (row.status !== 'pending')
      throw new AppError(
        'conflict',
        `This change is ${row.status} already; only a pending change can be cancelled.`,
        {
          code: 'scheduled_change.not_pending',
        },
      );
    await changeRow(tx, scheduledChangeResource, scope, row, {
      values: { status: 'cancelled' },
      event: 'cancelled',
    });
  });
}
