import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { appendEvent, diffFields } from '../../core/events/append.ts';
import type { Scope } from '../../core/resource/scope.ts';
import type { Executor } from '../../db/connection.ts';
import { defaultSettings, type settingsSchema, type settingsUpdateSchema } from './contracts.ts';
import { deliverySettings, deliverySources } from './tables.ts';

export type DeliverySettings = z.output<typeof settingsSchema>;

const fields = Object.keys(defaultSettings);

/** The project's delivery settings: what it saved, else the defaults. */
export async function settingsOf(db: Executor, projectId: string): Promise<DeliverySettings> {
  const [row] = await db.select().from(deliverySettings).where(eq(deliverySettings.projectId, projectId));
  if (!row) return { ...defaultSettings };
  return {
    inProgressStatuses: row.inProgressStatuses,
    doneStatuses: row.doneStatuses,
    incidentIssueTypes: row.incidentIssueTypes,
    productionEnvironments: row.productionEnvironments,
    pickupTargetHours: row.pickupTargetHours,
    historyRetentionDays: row.historyRetentionDays,
  };
}

export function readSettings(scope: Scope, projectId: string): Promise<DeliverySettings> {
  return scope.db.read((db) => settingsOf(db, projectId));
}

/** Settings the synced rows were derived with: changing one means deriving every row again. */
const derivedWith = ['inProgressStatuses', 'doneStatuses', 'productionEnvironments'];

function rederives(changed: Record<string, unknown>): boolean {
  return derivedWith.some((field) => field in changed);
}

/** The project's next syncs read everything again, so every row is derived with the new settings. */
async function forgetWatermarks(tx: Executor, projectId: string): Promise<void> {
  await tx.update(deliverySources).set({ syncedUpTo: null }).where(eq(deliverySources.projectId, projectId));
}

/**
 * Saves the given settings over the current ones, audited with what changed. A change to the status
 * categories or production environments makes the project's next syncs full ones, which derive
 * every issue and deployment again with them.
 */
export async function saveSettings(
  scope: Scope,
  projectId: string,
  changes: z.output<typeof settingsUpdateSchema>,
): Promise<DeliverySettings> {
  return scope.db.transaction(async (tx) => {
    const before = await settingsOf(tx, projectId);
    const after: DeliverySettings = { ...before, ...changes };
    await tx
      .insert(deliverySettings)
      .values({ workspaceId: scope.ctx.workspaceId, projectId, ...after })
      .onConflictDoUpdate({ target: deliverySettings.projectId, set: { ...after } });
    const changed = diffFields(before, after, fields);
    if (rederives(changed)) await forgetWatermarks(tx, projectId);
    if (Object.keys(changed).length > 0)
      await appendEvent(tx, scope, {
        eventType: 'delivery_settings.updated',
        aggregateType: 'delivery_settings',
        aggregateId: projectId,
        changes: changed,
      });
    return after;
  });
}
