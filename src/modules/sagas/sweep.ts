import type { ModuleJob } from '../../core/app/module.ts';

/**
 * Every minute, on one process, and once as each server starts: drives what no driver holds —
 * sagas whose process died (lapsed leases), retries and timed waits that came due while no process
 * had a timer for them. Each process also wakes its own drivers when a saga starts or is signalled.
 */
export const sagaSweepJob: ModuleJob = {
  name: 'sagas-sweep',
  schedule: () => '* * * * *',
  runAtStart: true,
  async run(app) {
    app.sagas.kick();
    await app.sagas.idle();
  },
};
