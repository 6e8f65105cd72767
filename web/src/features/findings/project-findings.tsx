import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { findingHrefs } from './crumbs';
import { countsLine } from './format';
import { useFindingSets } from './queries';

const noFilters = { tool: '', stream: '' };

/** The project's latest SARIF upload in a line, and the way to its findings; part of the project's page. */
export function ProjectFindings(props: { projectId: string }) {
  const sets = useFindingSets(props.projectId, noFilters);
  return (
    <Section id="project-findings" title="Findings">
      <Query query={sets} what="finding sets">
        {(data) => {
          const latest = data.pages[0]?.data[0];
          return latest ? (
            <p>
              Latest upload:{' '}
              <Link href={findingHrefs.set(props.projectId, latest.id)}>
                {latest.tool} ({latest.stream})
              </Link>
              , <When at={latest.createdAt} />: {countsLine(latest.counts)}
            </p>
          ) : (
            <p className="muted">No SARIF uploaded yet.</p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={findingHrefs.list(props.projectId)}>Findings</Link>
        <Link href={findingHrefs.sets(props.projectId)}>Finding sets</Link>
      </p>
    </Section>
  );
}
