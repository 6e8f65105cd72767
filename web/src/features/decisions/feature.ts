import type { Feature } from '../../shell/feature';
import { DecisionDetail } from './decision-detail';
import { DecisionForm } from './decision-form';
import { DecisionImport } from './decision-import';
import { DecisionList } from './decision-list';

export const decisionsFeature: Feature = {
  nav: { href: '/decisions', label: 'Decisions' },
  // `/decisions/new` and `/decisions/import` before `/decisions/:id`, which would match them too.
  routes: [
    { path: '/decisions', component: DecisionList },
    { path: '/decisions/new', component: DecisionForm },
    { path: '/decisions/import', component: DecisionImport },
    { path: '/decisions/:id/edit', component: DecisionForm },
    { path: '/decisions/:id', component: DecisionDetail },
  ],
};
