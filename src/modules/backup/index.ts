import { defineModule } from '../../core/app/module.ts';
import { backupRoute } from './routes.ts';

/** Backups of the embedded database, taken through the API while the server runs. */
export const backupModule = defineModule({
  name: 'backup',
  routes: [backupRoute],
});
