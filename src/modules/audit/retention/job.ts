import type { ModuleJob } from '../../../core/app/module.ts';
import { startRetentionSagas } from './saga.ts';

export { accessLogArchive, applyAccessLogRetention } from './archive-pair.ts';

/**
 * Runs every hour, at minute 7; one process runs each occurrence. It starts one retention saga
 * (saga.ts) per workspace with entries due, keyed by the workspace and the hour: a repeat of the
 * same occurrence (the queue retrying it, a second process) starts nothing twice. Then it drives
 * them in this process (any other server process may take some).
 */
export const accessLogRetentionJob: ModuleJob = {
  name: 'audit-access-log-retention',
  schedule: () => '7 * * * *',
  run: async (app) => {
    await startRetentionSagas(app);
    await app.sagas.idle();
  },
};
