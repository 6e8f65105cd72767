import { defineModule } from '../../core/app/module.ts';
import { schemaExportRoutes } from './routes.ts';

/** Shipshape's own schema as DBML and Mermaid. */
export const schemaExportModule = defineModule({
  name: 'schema-export',
  routes: schemaExportRoutes,
});
