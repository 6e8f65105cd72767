import { defineModule } from '../../core/app/module.ts';
import { projectResource } from './resource.ts';

/** Projects: a resource and nothing else, so the resource layer serves all of it. */
export const projectsModule = defineModule({
  name: 'projects',
  resources: [projectResource],
});
