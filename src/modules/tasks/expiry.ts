import { and, eq, lte } from 'drizzle-orm';
import type { ModuleJob } from '../../core/app/module.ts';
import { type AppContext, systemScope } from '../../core/resource/scope.ts';
import { changeRow } from '../../core/resource/writes.ts';
import { taskResource } from './resource.ts';
import { tasks } from './tables.ts';

// Claims nobody kept: a claim whose lease ended without a heartbeat returns its task to open.
// Claims treat a lapsed claim as open at once; this job makes the board say so too. The system
// acts (request id `system`) on behalf of the holder whose claim lapsed, as other jobs act on
// behalf of whoever set them going.

/** How many lapsed claims one run returns, at most (the next run takes the rest). */
const batch = 500;

/** Returns lapsed claims (as of `now`) to open; answers how many. */
export async function expireClaims(app: AppContext, now: Date = new Date()): Promise<number> {
  // Finding lapsed claims crosses workspaces: the system database, with no workspace bound.
  const due = await app.systemDatabase.db
    .select({ id: tasks.id, workspaceId: tasks.workspaceId, projectId: tasks.projectId })
    .from(tasks)
    .where(and(eq(tasks.status, 'claimed'), lte(tasks.claimExpiresAt, now)))
    .limit(batch);
  let expired = 0;
  for (const task of due) {
    const database = app.tenancy.bind(task.workspaceId);
    const done = await database.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.id, task.id), eq(tasks.workspaceId, task.workspaceId)))
        .for('update', { skipLocked: true });
      if (row?.status !== 'claimed' || !row.claimExpiresAt || row.claimExpiresAt > now) return false;
      const actor = row.assigneeId ?? row.createdBy;
      if (!actor) {
        // Nobody to act for (the holder's account is gone): reopened outside the audit trail.
        await tx.update(tasks).set({ status: 'open', claimExpiresAt: null }).where(eq(tasks.id, row.id));
        return true;
      }
      const scope = systemScope(app, task.workspaceId, actor, task.projectId);
      await changeRow(tx, taskResource, scope, row, {
        values: { status: 'open', claimExpiresAt: null },
        event: 'claim_expired',
        fields: ['status', 'claimExpiresAt'],
        data: { by: 'system', holder: row.assigneeId, expiredAt: row.claimExpiresAt.toISOString() },
        reason: 'the claim lapsed without a heartbeat',
        always: true,
      });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}

/** Every minute: lapsed claims back to open, audited as the system. */
export const claimExpiryJob: ModuleJob = {
  name: 'tasks-claim-expiry',
  schedule: () => '* * * * *',
  async run(app) {
    await expireClaims(app);
  },
};
