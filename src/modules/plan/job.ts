import type { ModuleJob } from '../../core/app/module.ts';
import { recordDailyScores } from './history.ts';

/**
 * A cron expression (UTC) that runs about every `seconds`: every N minutes, N rounded up and at
 * least one; every N hours from an hour on; once a day from a day on. Null for 0 (off).
 */
export function cronEvery(seconds: number): string | null {
  if (seconds <= 0) return null;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = Math.ceil(minutes / 60);
  if (hours === 1) return '0 * * * *';
  if (hours < 24) return `0 */${hours} * * *`;
  return '0 0 * * *';
}

/**
 * Records the day's readiness score of every active project that has none yet, so that the
 * history has a point per day even for projects nobody looked at. Safe to repeat: a project
 * already scored that day is skipped.
 */
export const readinessRecordingJob: ModuleJob = {
  name: 'plan-readiness-recording',
  schedule: (app) => cronEvery(app.settings.readinessRecordingIntervalSeconds),
  run: async (app) => {
    await recordDailyScores(app, new Date());
  },
};
