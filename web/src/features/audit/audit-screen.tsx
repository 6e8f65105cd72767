import { useParams } from 'wouter';
import { Page } from '../../components/layout';
import { ChainStatus } from './chain-status';
import { EntityHistory } from './entity-history';
import { EventList } from './event-list';
import { FindEntity } from './find-entity';

/** /audit: the chain's integrity, the latest changes, or one item's history (/audit/:type/:id) with time travel. */
export function AuditScreen() {
  const params = useParams<{ type?: string; id?: string }>();
  if (params.type && params.id) return <EntityHistory type={params.type} id={params.id} />;
  return (
    <Page>
      <h1>Audit</h1>
      <FindEntity />
      <ChainStatus />
      <h2>Latest changes</h2>
      <EventList />
    </Page>
  );
}
