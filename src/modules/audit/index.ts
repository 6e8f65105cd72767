import { defineModule } from '../../core/app/module.ts';
import { checkpointJob } from './checkpoint-job.ts';
import { auditReadSensitive } from './permissions.ts';
import { accessLogRetentionJob } from './retention/job.ts';
import { accessLogRetentionSaga } from './retention/saga.ts';
import { exportAccessLogRoute, listAccessLogRoute } from './routes/access-log.ts';
import { checkpointRoute, verifyRoute } from './routes/chain.ts';
import { entityAtRoute, exportEventsRoute, historyRoute, listEventsRoute } from './routes/events.ts';
import { activityReportRoute, replayRoute } from './routes/reports.ts';
import { getRetentionRoute, setRetentionRoute } from './routes/retention.ts';
import { auditRetentionPolicies } from './tables.ts';

/** The audit trail: events, history, time travel, verification, access log, retention, reports. */
export const auditModule = defineModule({
  name: 'audit',
  routes: [
    verifyRoute,
    checkpointRoute,
    listEventsRoute,
    exportEventsRoute,
    historyRoute,
    entityAtRoute,
    replayRoute,
    activityReportRoute,
    listAccessLogRoute,
    exportAccessLogRoute,
    getRetentionRoute,
    setRetentionRoute,
  ],
  // Who may see sensitive values is decided per event, in the services: no route declares it.
  permissions: [auditReadSensitive],
  jobs: [checkpointJob, accessLogRetentionJob],
  sagas: [accessLogRetentionSaga],
  tables: [auditRetentionPolicies],
});
