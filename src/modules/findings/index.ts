import { defineModule } from '../../core/app/module.ts';
import { findingSetResource } from './resource.ts';
import { findingsRoutes } from './routes/findings.ts';
import { findingSetFindings, findingSets } from './tables.ts';

/**
 * Findings: SARIF 2.1.0 uploads of analysers' results into the plan's review findings, with
 * fingerprints so a re-upload makes no duplicates and what is gone is closed.
 */
export const findingsModule = defineModule({
  name: 'findings',
  resources: [findingSetResource],
  routes: findingsRoutes,
  tables: [findingSets, findingSetFindings],
});
