import { Link } from 'wouter';
import { useProject } from '../projects/queries';

/** Projects › the project by name › (the PRD, when a page is below it). */
export function PrdCrumbs(props: { projectId: string; prd?: { id: string; title: string } }) {
  const project = useProject(props.projectId);
  return (
    <>
      <Link href="/projects">Projects</Link> ›{' '}
      <Link href={`/projects/${props.projectId}`}>{project.data?.name ?? 'Project'}</Link>
      {props.prd ? (
        <>
          {' › '}
          <Link href={`/projects/${props.projectId}/prds/${props.prd.id}`}>{props.prd.title}</Link>
        </>
      ) : null}
    </>
  );
}
