import { Link, useParams } from 'wouter';
import { Page } from '../../components/layout';
import { ListTable } from '../../components/list-table';
import { Empty, FormError, Query, When } from '../../components/ui';
import { useNameOf } from '../members/queries';
import { useCan } from '../session/permissions';
import { ReadinessCrumbs } from './crumbs';
import { daysUntil } from './levels';
import { useReadinessChecks, useRevokeWaiver, useWaiverCreators, useWaivers, type Waiver } from './queries';

/** Waivers this close to their end are highlighted, so they are renewed or the check fixed in time. */
const soonDays = 14;

/** A project's waivers: which check, why, until when and who gave it; administrators revoke them. */
export function WaiversPage() {
  const { projectId } = useParams<{ projectId: string }>();
  const waivers = useWaivers(projectId);
  return (
    <Page crumbs={<ReadinessCrumbs projectId={projectId} inScorecard />}>
      <h1>Waivers</h1>
      <p className="muted">
        A waived check counts as passing until the waiver expires. Waivers ending within {soonDays} days are
        highlighted.
      </p>
      <Query query={waivers} what="the waivers">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>
              No waivers. Waive a failing check from its area on the{' '}
              <Link href={`/projects/${projectId}/readiness`}>scorecard</Link>.
            </Empty>
          ) : (
            <WaiverTable projectId={projectId} waivers={page.data} />
          )
        }
      </Query>
    </Page>
  );
}

function WaiverTable(props: { projectId: string; waivers: Waiver[] }) {
  const canAdminister = useCan('administer');
  const checks = useReadinessChecks();
  const creators = useWaiverCreators(props.projectId);
  const nameOf = useNameOf();
  const columns = ['Check', 'Reason', 'Expires', 'Given by', ...(canAdminister ? ['Actions'] : [])];
  return (
    <ListTable columns={columns} caption="Waivers" stacked>
      {props.waivers.map((waiver) => (
        <WaiverRow
          key={waiver.id}
          projectId={props.projectId}
          waiver={waiver}
          check={checks.data?.data.find((candidate) => candidate.id === waiver.checkId)}
          givenBy={creators.data ? nameOf(creators.data.get(waiver.id)) : '…'}
          canRevoke={canAdminister}
        />
      ))}
    </ListTable>
  );
}

function WaiverRow(props: {
  projectId: string;
  waiver: Waiver;
  check: { area: string; title: string } | undefined;
  givenBy: string;
  canRevoke: boolean;
}) {
  const { waiver, projectId, check } = props;
  const revoke = useRevokeWaiver(projectId);
  const days = daysUntil(waiver.expiresAt);
  const state = !waiver.active || days < 0 ? 'expired' : days <= soonDays ? 'expiring' : 'active';
  return (
    <tr className={`waiver-${state}`}>
      <td data-label="Check">
        {check ? (
          <Link href={`/projects/${projectId}/readiness/areas/${check.area}`}>{check.title}</Link>
        ) : null}{' '}
        <code className="muted">{waiver.checkId}</code>
      </td>
      <td data-label="Reason">{waiver.reason}</td>
      <td data-label="Expires">
        <When at={waiver.expiresAt} />{' '}
        {state === 'active' ? null : (
          <span className={`check-status waiver-state-${state}`}>
            {state === 'expired' ? 'expired' : 'expires soon'}
          </span>
        )}
      </td>
      <td data-label="Given by">{props.givenBy}</td>
      {props.canRevoke ? (
        <td data-label="Actions">
          <button
            type="button"
            className="danger"
            onClick={() => revoke.mutate(waiver.id)}
            disabled={revoke.isPending}
          >
            Revoke
          </button>
          <FormError error={revoke.error} />
        </td>
      ) : null}
    </tr>
  );
}
