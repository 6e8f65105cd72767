import { defineModule } from '../../core/app/module.ts';
import { planTablesOf } from './area.ts';
import { planAreas } from './areas/index.ts';
import { readinessRecordingJob } from './job.ts';
import { areaExclusionResource, disabledCheckResource, waiverResource } from './resources.ts';
import { areaRoutes } from './routes/areas.ts';
import { exportRoute } from './routes/export.ts';
import { importRoute } from './routes/import.ts';
import { readinessRoutes } from './routes/readiness.ts';
import { planAreaExclusions, readinessDisabledChecks, readinessScores, readinessWaivers } from './tables.ts';

/** The production-readiness plan: 25 areas of tables and checks, the scorecard, waivers, import and export. */
export const planModule = defineModule({
  name: 'plan',
  resources: [
    ...planAreas.flatMap((area) => area.tables.map((table) => table.resource)),
    waiverResource,
    disabledCheckResource,
    areaExclusionResource,
  ],
  routes: [importRoute, exportRoute, ...readinessRoutes, ...areaRoutes],
  jobs: [readinessRecordingJob],
  tables: [
    ...planTablesOf(planAreas),
    readinessWaivers,
    readinessDisabledChecks,
    planAreaExclusions,
    readinessScores,
  ],
});
