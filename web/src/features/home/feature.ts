import type { Feature } from '../../shell/feature';
import { Home } from './home';

export const homeFeature: Feature = {
  nav: { href: '/', label: 'Home' },
  routes: [{ path: '/', component: Home }],
};
