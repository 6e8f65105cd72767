import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { LatestVersion } from './latest-version';
import { useContracts } from './queries';

/** The project's API contracts, each with its newest version and verdict; part of the project's page. */
export function ProjectContracts(props: { projectId: string }) {
  const contracts = useContracts(props.projectId);
  const base = `/projects/${props.projectId}/contracts`;
  return (
    <Section id="project-contracts" title="API contracts">
      <Query query={contracts} what="API contracts">
        {(page) =>
          page.data.length === 0 ? (
            <p className="muted">No API contracts registered yet.</p>
          ) : (
            <ul className="activity">
              {page.data.map((contract) => {
                const key = { projectId: props.projectId, contractId: contract.id };
                return (
                  <li key={contract.id}>
                    <Link href={`${base}/${contract.id}`}>{contract.name}</Link>{' '}
                    <LatestVersion contract={key} field="summary" />
                  </li>
                );
              })}
            </ul>
          )
        }
      </Query>
      <p className="actions">
        <Link href={base}>Versions, consumers and deprecations</Link>
      </p>
    </Section>
  );
}
