import type { Feature } from '../../shell/feature';
import { DecisionDetail } from './decision-detail';
import { DecisionForm } from './decision-form';
import { DecisionList } from './decision-list';

export const decisionsFeature: Feature = {
  nav: { href: '/decisions', label: 'Decisions' },
  // `/decisions/new` before `/decisions/:id`, which would match it too.
  routes: [
    { path: '/decisions', component: DecisionList },
    { path: '/decisions/new', component: DecisionForm },
    { path: '/decisions/:id/edit', component: DecisionForm },
    { path: '/decisions/:id', component: DecisionDetail },
  ],
};
