import { defineModule } from '../../core/app/module.ts';
import { searchRoutes } from './routes.ts';

/** Search across every resource: ranked results, suggestions, analytics and the language setting. */
export const searchModule = defineModule({
  name: 'search',
  routes: searchRoutes,
});
