import { and, eq } from 'drizzle-orm';
import type { Scope } from '../../core/resource/scope.ts';
import { assertProjectVisible } from '../../core/resource/service.ts';
import { changeRow } from '../../core/resource/writes.ts';
import type { FlagDetail } from './contracts.ts';
import { readDetail } from './flags.ts';
import { asFlagRow, configResource, flagResource, scheduledChangeResource } from './resource.ts';
import { configsOf, flagByKey } from './store.ts';
import { flagScheduledChanges } from './tables.ts';

// The kill switch: one call turns a flag off in every environment, in one transaction, with the
// reason in the audit trail. Pending scheduled changes of the flag are cancelled, so that no ramp
// turns it back on behind the incident's back.

/** POST /flags/{key}/kill: off everywhere, lastKilledAt set, audited with the reason. */
export async function killFlag(scope: Scope, key: string, reason: string): Promise<FlagDetail> {
  return scope.db.transaction(async (tx) => {
    await assertProjectVisible(tx, scope);
    const flag = await flagByKey(tx, scope, key, true);
    for (const config of await configsOf(tx, scope, [flag.id])) {
      if (!config.enabled) continue;
      await changeRow(tx, configResource, scope, config.id, {
        values: { enabled: false },
        event: 'killed',
        reason,
      });
    }
    const pending = await tx
      .select({ id: flagScheduledChanges.id })
      .from(flagScheduledChanges)
      .where(and(eq(flagScheduledChanges.flagId, flag.id), eq(flagScheduledChanges.status, 'pending')));
    for (const change of pending) {
      await changeRow(tx, scheduledChangeResource, scope, change.id, {
        values: { status: 'cancelled', error: 'cancelled by the kill switch' },
        reason,
      });
    }
    const killed = await changeRow(tx, flagResource, scope, flag.id, {
      values: { lastKilledAt: new Date() },
      event: 'killed',
      reason,
      always: true,
    });
    return readDetail(tx, scope, asFlagRow(killed));
  });
}
