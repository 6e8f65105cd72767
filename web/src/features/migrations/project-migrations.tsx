import { Link } from 'wouter';
import { Section } from '../../components/layout';
import { Query, When } from '../../components/ui';
import { useLintRuns } from './queries';

/** The project's latest lint run in a line, and the way to its migrations; part of the project's page. */
export function ProjectMigrations(props: { projectId: string }) {
  const runs = useLintRuns(props.projectId);
  const base = `/projects/${props.projectId}/migrations`;
  return (
    <Section id="project-migrations" title="Migrations">
      <Query query={runs} what="lint runs">
        {(data) => {
          const latest = data.pages[0]?.data[0];
          return latest ? (
            <p>
              Last linted <When at={latest.createdAt} />: {latest.errors} errors, {latest.warnings} warnings
              in {latest.files} files.
            </p>
          ) : (
            <p className="muted">No migrations linted yet.</p>
          );
        }}
      </Query>
      <p className="actions">
        <Link href={base}>Lint runs, open risks and settings</Link>
        <Link href={`${base}/check`}>Check SQL</Link>
      </p>
    </Section>
  );
}
