import type { Feature } from '../../shell/feature';
import { AuditScreen } from './audit-screen';

export const auditFeature: Feature = {
  nav: { href: '/audit', label: 'Audit' },
  routes: [
    { path: '/audit', component: AuditScreen },
    { path: '/audit/:type/:id', component: AuditScreen },
  ],
};
