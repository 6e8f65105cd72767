import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** Where the delivery screens live in the UI. */
export const deliveryHrefs = {
  dashboard: (projectId: string) => `/projects/${projectId}/delivery`,
  settings: (projectId: string) => `/projects/${projectId}/delivery/settings`,
  connections: '/settings/delivery-connections',
};

/** The trail above a delivery screen: the project, then the dashboard unless this is that page. */
export function DeliveryCrumbs(props: { projectId: string; inDelivery?: boolean }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inDelivery ? <Crumb href={deliveryHrefs.dashboard(props.projectId)}>Delivery</Crumb> : null}
    </ProjectCrumbs>
  );
}
