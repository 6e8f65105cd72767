import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** Projects › the project by name › (the PRD, when a page is below it). */
export function PrdCrumbs(props: { projectId: string; prd?: { id: string; title: string } }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.prd ? (
        <Crumb href={`/projects/${props.projectId}/prds/${props.prd.id}`}>{props.prd.title}</Crumb>
      ) : null}
    </ProjectCrumbs>
  );
}
