import type { Feature } from '../../shell/feature';
import { FlagPage } from './flag-page';
import { FlagsPage } from './flags-page';
import { FlagSettingsPage } from './settings-page';
import { StalePage } from './stale-page';

/** A project's feature flags, reached from the project's page: no section of its own in the header. */
export const flagsFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/flags', component: FlagsPage },
    // Before the flag route, so that these names are never read as flag keys.
    { path: '/projects/:projectId/flags/stale', component: StalePage },
    { path: '/projects/:projectId/flags/settings', component: FlagSettingsPage },
    { path: '/projects/:projectId/flags/:key', component: FlagPage },
  ],
};
