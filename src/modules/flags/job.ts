import { and, asc, eq, lte } from 'drizzle-orm';
import type { ModuleJob } from '../../core/app/module.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type AppContext, type Scope, systemScope } from '../../core/resource/scope.ts';
import { changeRow } from '../../core/resource/writes.ts';
import type { Transaction } from '../../db/connection.ts';
import { featureFlags } from '../plan/areas/feature-flags.ts';
import { withRollout, writeConfig } from './configs.ts';
import { scheduledChangeResource } from './resource.ts';
import { configOf } from './store.ts';
import { type FlagScheduledChangeRow, flagEnvironments, flagScheduledChanges } from './tables.ts';

// Applies scheduled changes when they are due: each in its own transaction, audited as the change
// of the person who scheduled it, and only once — a change is applied only while it is pending,
// under a lock, so a retried or concurrent run skips it. A change that cannot apply any more (its
// rule is gone, its flag or environment deleted) is marked failed with the reason.

/** How many due changes one run takes; the rest wait for the next minute. */
const batchSize = 500;

interface DueChange {
  id: string;
  workspaceId: string;
  projectId: string;
  createdBy: string | null;
}

/** Applies one pending change in the caller's transaction; answers the reason when it cannot. */
async function apply(
  tx: Transaction,
  scope: Scope,
  change: FlagScheduledChangeRow,
  now: Date,
): Promise<string | null> {
  const [flag] = await tx.select().from(featureFlags).where(eq(featureFlags.id, change.flagId)).limit(1);
  const [environment] = await tx
    .select()
    .from(flagEnvironments)
    .where(eq(flagEnvironments.id, change.environmentId))
    .limit(1);
  if (!flag || !environment) return 'the flag or the environment no longer exists';
  const reason = `scheduled change ${change.id}`;
  const values: Parameters<typeof writeConfig>[3]['values'] = {};
  if (change.change.enabled !== undefined) values.enabled = change.change.enabled;
  if (change.change.rollout) {
    const config = await configOf(tx, scope, flag.id, environment.id);
    const { ruleId } = change.change.rollout;
    if (!config?.rules.some((rule) => rule.id === ruleId))
      return `the rule ${ruleId} is no longer in ${environment.key}`;
    values.rules = withRollout(config.rules, change.change.rollout, 'change.rollout.ruleId');
  }
  await writeConfig(tx, scope, { flag, environment }, { values, event: 'scheduled_change_applied', reason });
  await changeRow(tx, scheduledChangeResource, scope, change, {
    values: { status: 'applied', appliedAt: now },
    event: 'applied',
  });
  return null;
}

/** Marks the change failed, with why, unless another run has settled it meanwhile. */
async function markFailed(tx: Transaction, scope: Scope, id: string, error: string): Promise<void> {
  const [row] = await tx
    .select()
    .from(flagScheduledChanges)
    .where(eq(flagScheduledChanges.id, id))
    .for('update');
  if (row?.status !== 'pending') return;
  await changeRow(tx, scheduledChangeResource, scope, row, {
    values: { status: 'failed', error },
    event: 'failed',
  });
}

async function settle(app: AppContext, due: DueChange, now: Date): Promise<void> {
  const database = app.tenancy.bind(due.workspaceId);
  if (!due.createdBy) {
    // Nobody to act for: left unapplied, with the reason, outside the audit trail (no actor to name).
    await database.transaction((tx) =>
      tx
        .update(flagScheduledChanges)
        .set({ status: 'failed', error: 'nobody scheduled it' })
        .where(eq(flagScheduledChanges.id, due.id))
        .then(() => undefined),
    );
    return;
  }
  const scope = systemScope(app, due.workspaceId, due.createdBy, due.projectId);
  try {
    const failure = await database.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(flagScheduledChanges)
        .where(eq(flagScheduledChanges.id, due.id))
        .for('update');
      if (row?.status !== 'pending') return null;
      return apply(tx, scope, row, now);
    });
    if (failure) await database.transaction((tx) => markFailed(tx, scope, due.id, failure));
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'it could not be applied';
    await database.transaction((tx) => markFailed(tx, scope, due.id, reason));
    if (!(error instanceof AppError)) throw error;
  }
}

/** Applies every pending change due at `now`; answers how many it looked at. */
export async function applyDueChanges(app: AppContext, now: Date): Promise<number> {
  // Finding what is due crosses workspaces: the system database, with no workspace bound.
  const due = await app.systemDatabase.db
    .select({
      id: flagScheduledChanges.id,
      workspaceId: flagScheduledChanges.workspaceId,
      projectId: flagScheduledChanges.projectId,
      createdBy: flagScheduledChanges.createdBy,
    })
    .from(flagScheduledChanges)
    .where(and(eq(flagScheduledChanges.status, 'pending'), lte(flagScheduledChanges.runAt, now)))
    .orderBy(asc(flagScheduledChanges.runAt), asc(flagScheduledChanges.id))
    .limit(batchSize);
  for (const change of due) await settle(app, change, now);
  return due.length;
}

/** Every minute: scheduled toggles and ramp steps that are due. */
export const scheduledChangesJob: ModuleJob = {
  name: 'flags-scheduled-changes',
  schedule: () => '* * * * *',
  run: async (app) => {
    await applyDueChanges(app, new Date());
  },
};
