import { Link } from 'wouter';
import { useProject } from '../projects/queries';

/** The trail above a plan screen: the project, then the plan when the screen is one of its areas. */
export function PlanCrumbs(props: { projectId: string; inArea?: boolean }) {
  const project = useProject(props.projectId);
  return (
    <>
      <Link href="/projects">Projects</Link> ›{' '}
      <Link href={`/projects/${props.projectId}`}>{project.data?.name ?? 'Project'}</Link>
      {props.inArea ? (
        <>
          {' '}
          › <Link href={`/projects/${props.projectId}/plan`}>Plan</Link>
        </>
      ) : null}
    </>
  );
}
