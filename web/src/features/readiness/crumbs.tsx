import { Link } from 'wouter';
import { useProject } from '../projects/queries';

/** The trail above a readiness screen: the project, and its scorecard unless this is that page. */
export function ReadinessCrumbs(props: { projectId: string; inScorecard?: boolean }) {
  const project = useProject(props.projectId);
  return (
    <>
      <Link href="/projects">Projects</Link> ›{' '}
      <Link href={`/projects/${props.projectId}`}>{project.data?.name ?? 'Project'}</Link>
      {props.inScorecard ? (
        <>
          {' '}
          › <Link href={`/projects/${props.projectId}/readiness`}>Readiness</Link>
        </>
      ) : null}
    </>
  );
}
