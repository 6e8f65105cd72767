import type { FastifyInstance } from 'fastify';
import { registerResourceRoutes } from '../../core/resource/routes.ts';
import type { Database } from '../../db/connection.ts';
import { planAreas } from './area.ts';
import './areas/index.ts';
import { registerPlanExportRoute } from './export-routes.ts';
import { registerPlanImportRoute } from './import.ts';
import { areaExclusionResource, disabledCheckResource, waiverResource } from './readiness-resources.ts';
import { registerReadinessRoutes } from './readiness-routes.ts';

/** The plan's routes: every area table's CRUD, imports, readiness, waivers and exclusions. */
export function registerPlanRoutes(api: FastifyInstance, db: Database): void {
  for (const area of planAreas()) {
    for (const table of area.tables) registerResourceRoutes(api, db, table.resource);
  }
  registerPlanImportRoute(api, db);
  registerPlanExportRoute(api, db);
  registerResourceRoutes(api, db, waiverResource);
  registerResourceRoutes(api, db, disabledCheckResource);
  registerResourceRoutes(api, db, areaExclusionResource);
  registerReadinessRoutes(api, db);
}
