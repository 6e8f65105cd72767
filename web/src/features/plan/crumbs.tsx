import { Crumb, ProjectCrumbs } from '../projects/project-crumbs';

/** The trail above a plan screen: the project, then the plan when the screen is one of its areas. */
export function PlanCrumbs(props: { projectId: string; inArea?: boolean }) {
  return (
    <ProjectCrumbs projectId={props.projectId}>
      {props.inArea ? <Crumb href={`/projects/${props.projectId}/plan`}>Plan</Crumb> : null}
    </ProjectCrumbs>
  );
}
