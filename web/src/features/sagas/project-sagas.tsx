import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query } from '../../components/ui';
import { sagaHrefs } from './crumbs';
import { useSagas } from './queries';

/** The project's sagas still at work, and the ways to its runs and release workflows; part of the project's page. */
export function ProjectSagas(props: { projectId: string }) {
  const active = useSagas({
    type: '',
    status: 'pending,running,waiting,compensating,compensation_failed',
    projectId: props.projectId,
  });
  return (
    <Section id="project-sagas" title="Releases and sagas">
      <Query query={active} what="sagas">
        {(data) => {
          const count = data.pages.flatMap((page) => page.data).length;
          return (
            <p>
              {count === 0
                ? 'Nothing at work now.'
                : `${count}${data.pages.at(-1)?.nextCursor ? '+' : ''} at work or waiting.`}
            </p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={sagaHrefs.workflows(props.projectId)}>Release workflows</Link>
        <Link href={sagaHrefs.project(props.projectId)}>Sagas</Link>
      </p>
    </Section>
  );
}
