import type { ModuleJob } from '../../core/app/module.ts';
import { writeDueCheckpoints } from '../../core/events/checkpoints.ts';

/**
 * How often checkpoints are written, as a cron expression (UTC): the interval in seconds rounded
 * up to whole minutes (the job queue's resolution), so at least every minute; from an hour on, in
 * whole hours; at most daily. A step that does not divide the hour (or the day) starts over at
 * its top. 0 turns the job off: checkpoints are then written only on demand.
 */
export function checkpointCron(intervalSeconds: number): string | null {
  if (intervalSeconds <= 0) return null;
  const minutes = Math.ceil(intervalSeconds / 60);
  if (minutes <= 1) return '* * * * *';
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = Math.ceil(minutes / 60);
  if (hours <= 1) return '0 * * * *';
  return hours < 24 ? `0 */${hours} * * *` : '0 0 * * *';
}

/**
 * Signs a checkpoint of every chain that grew since its latest one. Checkpoints are an extra guard,
 * not a write path: a failed run is retried by the queue, and the next run catches up anyway.
 */
export const checkpointJob: ModuleJob = {
  name: 'audit-checkpoints',
  schedule: (app) => checkpointCron(app.settings.auditCheckpointIntervalSeconds),
  run: async (app) => {
    // Every workspace's chain in one pass: this crosses workspaces, so it uses the unbound database.
    await writeDueCheckpoints(app.systemDatabase.db, app.signer);
  },
};
