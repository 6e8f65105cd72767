import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, ErrorState, Loading, When } from '../../components/ui';
import { expiringWaivers } from './portfolio';
import { useScorecards } from './queries';

/** Waivers ending in the next 14 days, across projects: after that their checks count again. */
export function WaiversSection() {
  const { query, rows } = useScorecards();
  const loaded = rows.flatMap((row) =>
    row.scorecard.data ? [{ id: row.project.id, name: row.project.name, scorecard: row.scorecard.data }] : [],
  );
  const waivers = expiringWaivers(loaded, new Date(), 14);
  const loading = query.isPending || rows.some((row) => row.scorecard.isPending);
  const failed = rows.find((row) => row.scorecard.error);
  return (
    <Section id="waivers" title="Waivers expiring within 14 days">
      {failed && waivers.length === 0 ? (
        <ErrorState error={failed.scorecard.error} retry={() => failed.scorecard.refetch()} />
      ) : loading && waivers.length === 0 ? (
        <Loading what="waivers" />
      ) : waivers.length === 0 ? (
        <Empty>No waiver ends in the next 14 days.</Empty>
      ) : (
        <ul className="cards">
          {waivers.map((waiver) => (
            <li key={waiver.id}>
              <code>{waiver.checkId}</code> in{' '}
              <Link href={`/projects/${waiver.projectId}/readiness/waivers`}>{waiver.projectName}</Link> ends{' '}
              <When at={waiver.expiresAt} />
              <p className="muted">{waiver.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
