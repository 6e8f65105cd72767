import { Link, useParams } from 'wouter';
import { Page } from '../../components/layout';
import { Query, Status } from '../../components/ui';
import { ConsumersSection } from './consumers-section';
import { ContractCrumbs } from './crumbs';
import { DeprecationCalendar } from './deprecation-calendar';
import { type ApiContract, type ContractKey, useContract } from './queries';
import { UploadVersion } from './upload-version';
import { VersionsTimeline } from './versions-timeline';

/** One API: its facts, a new version's upload, the versions uploaded, its consumers and its deprecations. */
export function ContractPage() {
  const { projectId, contractId } = useParams<{ projectId: string; contractId: string }>();
  const key: ContractKey = { projectId, contractId };
  const contract = useContract(key);
  return (
    <Page crumbs={<ContractCrumbs projectId={projectId} inContracts />}>
      <Query query={contract} what="the API">
        {(c) => (
          <>
            <ContractTitle contract={c} contractKey={key} />
            <UploadVersion contractKey={key} />
            <VersionsTimeline contractKey={key} />
            <ConsumersSection contractKey={key} />
            <DeprecationCalendar contractKey={key} />
          </>
        )}
      </Query>
    </Page>
  );
}

function ContractTitle(props: { contract: ApiContract; contractKey: ContractKey }) {
  const c = props.contract;
  const base = `/projects/${props.contractKey.projectId}/contracts/${c.id}`;
  return (
    <>
      <div className="title-row">
        <h1>
          {c.name} <span className="muted">{c.kind}</span> <Status value={c.status} />
        </h1>
        <div className="actions">
          <Link href={`${base}/compare`}>Compare versions</Link>
          <Link href={`/audit/plan_api_contracts/${c.id}`}>History</Link>
        </div>
      </div>
      <dl className="facts">
        <dt>Version in production</dt>
        <dd>{c.currentVersion}</dd>
        <dt>Owner</dt>
        <dd>{c.owner ?? '—'}</dd>
        <dt>Specification</dt>
        <dd>{c.specUrl ? <a href={c.specUrl}>{c.specUrl}</a> : '—'}</dd>
      </dl>
    </>
  );
}
