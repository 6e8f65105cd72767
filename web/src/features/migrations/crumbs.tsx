import { Link } from 'wouter';
import { useProject } from '../projects/queries';

/** The trail above a migrations screen: the project, then its migrations unless this is that page. */
export function MigrationCrumbs(props: { projectId: string; inMigrations?: boolean }) {
  const project = useProject(props.projectId);
  return (
    <>
      <Link href="/projects">Projects</Link> ›{' '}
      <Link href={`/projects/${props.projectId}`}>{project.data?.name ?? 'Project'}</Link>
      {props.inMigrations ? (
        <>
          {' '}
          › <Link href={`/projects/${props.projectId}/migrations`}>Migrations</Link>
        </>
      ) : null}
    </>
  );
}
