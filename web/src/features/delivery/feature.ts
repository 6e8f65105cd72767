import type { Feature } from '../../shell/feature';
import './delivery.css';
import { DeliveryConnectionsSettings } from './connections-page';
import { DeliveryDashboardPage } from './dashboard-page';
import { DeliverySettingsPage } from './settings-page';

/** A project's delivery metrics, reached from the project's page, and the workspace's connections in Settings. */
export const deliveryFeature: Feature = {
  routes: [
    { path: '/projects/:projectId/delivery', component: DeliveryDashboardPage },
    { path: '/projects/:projectId/delivery/settings', component: DeliverySettingsPage },
    { path: '/settings/delivery-connections', component: DeliveryConnectionsSettings },
  ],
};
