import { defineModule } from '../../core/app/module.ts';
import { metadataRoutes } from './routes.ts';

/** Entity metadata: custom fields on any resource, bulk changes and per-type schemas. */
export const metadataModule = defineModule({
  name: 'metadata',
  routes: metadataRoutes,
});
