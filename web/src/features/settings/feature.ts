import type { Feature } from '../../shell/feature';
import { Settings } from './settings';

export const settingsFeature: Feature = {
  nav: { href: '/settings', label: 'Settings' },
  routes: [{ path: '/settings', component: Settings }],
};
