import { Link, useParams } from 'wouter';
import { Page } from '../../components/layout';
import { DeliveryCrumbs, deliveryHrefs } from './crumbs';
import { SettingsSection } from './settings-form';
import { SourcesSection } from './sources-section';
import { SyncSection } from './sync-section';

/** A project's delivery set-up: its sources, syncing them, and how their data is read. */
export function DeliverySettingsPage() {
  const { projectId } = useParams<{ projectId: string }>();
  return (
    <Page crumbs={<DeliveryCrumbs projectId={projectId} inDelivery />}>
      <div className="title-row">
        <h1>Delivery settings</h1>
        <div className="actions">
          <Link href={deliveryHrefs.dashboard(projectId)}>Dashboard</Link>
        </div>
      </div>
      <SourcesSection projectId={projectId} />
      <SyncSection projectId={projectId} />
      <SettingsSection projectId={projectId} />
    </Page>
  );
}
