import type { Feature } from '../../shell/feature';
import { TasksBoardPage } from './board-page';
import { TaskPage } from './task-page';

/** A project's tasks, reached from the project's page: no section of its own in the header. */
export const tasksFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/tasks', component: TasksBoardPage },
    { path: '/projects/:projectId/tasks/:id', component: TaskPage },
  ],
};
