import type { Feature } from '../../shell/feature';
import { ProjectDetail } from './project-detail';
import { ProjectList } from './project-list';

export const projectsFeature: Feature = {
  nav: { href: '/projects', label: 'Projects' },
  routes: [
    { path: '/projects', component: ProjectList },
    { path: '/projects/:id', component: ProjectDetail },
  ],
};
