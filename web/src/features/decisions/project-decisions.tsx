import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Empty, Query, Status } from '../../components/ui';
import { useProjectDecisions } from './queries';

/** The project's decisions, newest first, as part of its overview. */
export function ProjectDecisions(props: { projectId: string }) {
  const decisions = useProjectDecisions(props.projectId);
  return (
    <Section id="project-decisions" title="Decisions">
      <Query query={decisions} what="decisions">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>
              No decisions for this project yet. <Link href="/decisions/new">Record one</Link>.
            </Empty>
          ) : (
            <ul className="cards">
              {page.data.map((decision) => (
                <li key={decision.id}>
                  <span className="muted">{decision.reference}</span>{' '}
                  <Link href={`/decisions/${decision.id}`}>{decision.title}</Link>{' '}
                  <Status value={decision.status} /> <span className="muted">{decision.decisionDate}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Query>
    </Section>
  );
}
