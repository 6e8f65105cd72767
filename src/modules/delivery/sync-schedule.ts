import type { ModuleJob } from '../../core/app/module.ts';
import { startDueSyncs } from './sync-start.ts';

/** Every minute, on one process: starts the syncs of sources whose connection's interval has passed. */
export const deliverySyncScheduleJob: ModuleJob = {
  name: 'delivery-sync-schedule',
  schedule: () => '* * * * *',
  async run(app) {
    await startDueSyncs(app);
  },
};
